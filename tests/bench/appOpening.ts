import { join } from 'node:path';
import { openLibrary, type Library } from '../../main/store/library';
import { readInWorker } from '../../main/store/textReader';
import { time } from './harness';

// The worker's TypeScript source, started through the loader shim the unit tests use.
const TS_WORKER = new URL('../unit/main/tsWorker.mjs', import.meta.url);
const TEXT_WORKER = new URL('../../main/store/textWorker.ts', import.meta.url).href;

/**
 * Opens the library as the app does (its files read and decoded in a worker thread, ahead of the
 * one being parsed) and times the opening alone.
 */
export async function openAsTheAppDoes(folder: string): Promise<{ ms: number; library: Library }> {
  const reader = readInWorker(TS_WORKER, { workerData: { file: TEXT_WORKER } });
  // Started before the timing: from TypeScript source the worker takes hundreds of milliseconds to
  // compile; the app's bundled one starts in a few.
  await reader.readMonth(join(folder, 'state.json')).catch(() => null);
  let library: Library | undefined;
  const ms = await time(async () => {
    library = await openLibrary(folder, { reader });
  });
  reader.close();
  if (!library) throw new Error('the library did not open');
  return { ms, library };
}
