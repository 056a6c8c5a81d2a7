import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary } from '../../../main/store/library';

/** The disk fills up: every new file the store opens for writing is refused, as the OS would. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = async (path, flags, mode) => {
    if (disk.full && flags === 'w')
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return fs.open(path, flags, mode);
  };
  return { ...fs, open, default: { ...fs, open } };
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-diskfull-'));
  disk.full = false;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('a full disk keeps the change in memory, says so once, and the next change writes both', async () => {
  const events: StoreEvent[] = [];
  const library = await openLibrary(folder, { report: (event) => events.push(event), retryMs: 60_000 });
  disk.full = true;
  expect(await library.toggleBookmark('a')).toBe(true);
  await library.setRead('a', true);
  expect(library.isBookmarked('a')).toBe(true);
  expect(events).toEqual([{ type: 'write-failed', file: 'state.json', code: 'ENOSPC' }]);

  disk.full = false;
  await library.toggleBookmark('b');
  expect(events.at(-1)).toEqual({ type: 'write-resumed', file: 'state.json' });
  library.close();
  const reopened = await openLibrary(folder);
  expect([reopened.isBookmarked('a'), reopened.isRead('a'), reopened.isBookmarked('b')]).toEqual([
    true,
    true,
    true,
  ]);
});

it('a full disk during an import keeps the bulletins listed and writes them when space returns', async () => {
  const events: StoreEvent[] = [];
  const library = await openLibrary(folder, { report: (event) => events.push(event), retryMs: 20 });
  disk.full = true;
  const result = await library.add([
    {
      id: 'x',
      source: 's',
      title: 't',
      summary: '',
      published: '2020-05-05',
      language: 'en',
      countries: [],
      tags: [],
      importedAt: '2026-01-01T00:00:00.000Z',
      contentHash: 'x',
    },
  ]);
  expect(result.added).toHaveLength(1);
  expect(events).toEqual([{ type: 'write-failed', file: 'bulletins/2020-05.json', code: 'ENOSPC' }]);
  disk.full = false;
  // Retried by itself, without another change.
  await expect.poll(() => events.at(-1)).toEqual({ type: 'write-resumed', file: 'bulletins/2020-05.json' });
  library.close();
  expect((await openLibrary(folder)).get('x')).toBeDefined();
});
