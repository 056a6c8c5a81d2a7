import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoreEvent } from '../../../main/store/events';
import { openLibraryEarly } from '../../../main/store/earlyOpening';

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
