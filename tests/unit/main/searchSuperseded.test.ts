import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeptPhraseLookup } from '../../../main/search/runSearch';
import { generateBulletins } from '../../bench/generateArchive';

/**
 * Through the bridge (issue 20): a window's search replaced by its next one is answered
 * `superseded` (the window drops it), the newer one is answered, and another window's search is not
 * touched. The window already drops answers to replaced searches; main stops working on them.
 */
const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: never) => registered.set(channel, listener) },
  BrowserWindow: { getAllWindows: () => [], fromWebContents: () => null },
  nativeTheme: {},
  protocol: {},
  app: { getLocale: () => 'en' },
  dialog: {},
  shell: {},
}));

const { initI18n } = await import('../../../main/i18n');
const { registerHandlers } = await import('../../../main/ipc/guardedIpc');
const { createHandlers } = await import('../../../main/ipc/handlers');
const { argumentSchemas } = await import('../../../main/ipc/schemas');
const { openLibrary } = await import('../../../main/store/library');
const { createSearchIndex } = await import('../../../main/search/searchIndex');

let folder: string;
beforeAll(async () => {
  await initI18n('en');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-superseded-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A window of the app, by its contents' id. */
const windowFrame = (id: number) => ({
  sender: { id },
  senderFrame: { url: 'app://bulletin/index.html', parent: null },
});
const call = (id: number, channel: string, ...args: unknown[]) => {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(windowFrame(id), ...args) as Promise<{ ok: boolean; error?: { code: string } }>;
};

describe("a window's replaced search", () => {
  it('is answered superseded; the newer one and another window’s are answered', async () => {
    const library = await openLibrary(folder);
    const archive = generateBulletins(3000, 5);
    await library.add(archive);
    const index = createSearchIndex();
    await index.add(archive);
    const noKept: KeptPhraseLookup = { has: () => false, passage: () => undefined };
    const handlers = createHandlers(library, index, {
      recent: { list: () => [] },
      phrases: <T>(run: (kept: KeptPhraseLookup) => Promise<T>) => run(noKept),
    } as never);
    registerHandlers(argumentSchemas, handlers);
    const request = { view: 'all', text: 'migration', limit: 200 };

    const older = call(1, 'bulletins:search', request);
    const otherWindow = call(2, 'bulletins:search', request);
    const newer = call(1, 'bulletins:search', { ...request, text: 'migration border' });
    const [first, second, third] = await Promise.all([older, otherWindow, newer]);
    expect(first).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(second).toMatchObject({ ok: true });
    expect(third).toMatchObject({ ok: true });
    library.close();
  });
});
