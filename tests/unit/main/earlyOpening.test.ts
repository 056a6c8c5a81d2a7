import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoreEvent } from '../../../main/store/events';
import { openLibraryEarly } from '../../../main/store/earlyOpening';
import { openLibrary } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-early-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('keeps what the opening found until the notices are there, then tells them in order', async () => {
  await mkdir(join(folder, 'bulletins'));
  await writeFile(join(folder, 'state.json'), '');
  await writeFile(join(folder, 'bulletins', '2020-01.json'), JSON.stringify({ schemaVersion: 99 }));
  const opening = openLibraryEarly(folder);
  const library = await opening.library;
  expect(await opening.preview).toBe(library);

  const told: StoreEvent[] = [];
  opening.reportTo((event) => told.push(event));
  expect(told).toMatchObject([
    { type: 'recovered', file: 'state.json' },
    { type: 'newer-version', file: 'bulletins/2020-01.json' },
  ]);
  // Each is told once: a second listener is not told them again.
  opening.reportTo((event) => told.push(event));
  expect(told).toHaveLength(2);
  library.close();
});

it('has no preview when the library cannot open, so the first page waits for the error', async () => {
  await writeFile(join(folder, 'bulletins'), 'a file where the folder should be');
  const opening = openLibraryEarly(folder);
  await expect(opening.library).rejects.toThrow();
  expect(await opening.preview).toBeUndefined();
});

/** 100 bulletins (the first page) in the newest month, one in an older month. */
async function twoMonths() {
  const library = await openLibrary(folder);
  await library.add(Array.from({ length: 100 }, (_, n) => bulletin(`new-${n}`, '2021-02-01')));
  await library.add([bulletin('old', '2021-01-01')]);
  library.close();
}

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

it('reads the older months only once the window has asked for its first page', async () => {
  await twoMonths();
  const opening = openLibraryEarly(folder, { holdMs: 60_000 });
  expect((await opening.preview)?.bulletins()).toHaveLength(100);
  // The window is loading on main's thread: the older month waits.
  expect(await settledWithin(opening.library, 300)).toBe(false);
  opening.firstPageAsked();
  const library = await opening.library;
  expect(library.get('old')).toBeDefined();
  library.close();
});

it('reads the older months anyway when the window never asks', async () => {
  await twoMonths();
  const opening = openLibraryEarly(folder, { holdMs: 50 });
  const library = await opening.library;
  expect(library.bulletins()).toHaveLength(101);
  library.close();
});
