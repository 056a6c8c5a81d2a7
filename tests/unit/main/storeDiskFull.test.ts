import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { StoreEvent } from '../../../main/store/events';
import { openLibrary } from '../../../main/store/library';

/** The disk fills up: every new file the store opens for writing is refused, as the OS would. */
const disk = vi.hoisted(() => ({ full: false, readOnly: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = async (path, flags, mode) => {
    const writing = flags === 'w' || flags === 'a';
    if (disk.readOnly && writing)
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    if (disk.full && writing)
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return fs.open(path, flags, mode);
  };
  const rename: typeof fs.rename = async (from, to) => {
    if (disk.readOnly) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    return fs.rename(from, to);
  };
  return { ...fs, open, rename, default: { ...fs, open, rename } };
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-diskfull-'));
  disk.full = false;
  disk.readOnly = false;
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

it('a full disk refuses an append to the journal: kept in memory, said once, retried whole, nothing lost', async () => {
  const events: StoreEvent[] = [];
  const library = await openLibrary(folder, { report: (event) => events.push(event), retryMs: 20 });
  await library.toggleBookmark('a'); // the journal exists: the next changes are appends
  disk.full = true;
  await library.toggleBookmark('b');
  await library.setNote('b', 'Kept while the disk is full');
  expect(library.isBookmarked('b')).toBe(true);
  expect(events).toEqual([{ type: 'write-failed', file: 'state.json', code: 'ENOSPC' }]);

  disk.full = false;
  // Retried by itself, as one whole state.json (it carries every change kept in memory).
  await expect.poll(() => events.at(-1)).toEqual({ type: 'write-resumed', file: 'state.json' });
  const onDisk = JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as {
    bookmarks: Record<string, string>;
  };
  expect(Object.keys(onDisk.bookmarks).sort()).toEqual(['a', 'b']);
  library.close();
  const reopened = await openLibrary(folder);
  expect(reopened.openingEvents).toEqual([]);
  expect([reopened.isBookmarked('a'), reopened.isBookmarked('b'), reopened.note('b')]).toEqual([
    true,
    true,
    'Kept while the disk is full',
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

it('a damaged file on a read-only disk is neither moved nor written over; the backup is used and the user told', async () => {
  const events: StoreEvent[] = [];
  const library = await openLibrary(folder);
  await library.toggleBookmark('a');
  await library.flush(); // quit: state.json is compacted, and the day's backup holds 'a'
  await library.toggleBookmark('b');
  await library.flush();
  library.close();
  await writeFile(join(folder, 'state.json'), '{"schemaVersion":1,');
  disk.readOnly = true;

  const reopened = await openLibrary(folder, { report: (event) => events.push(event), retryMs: 60_000 });
  expect(events).toMatchObject([
    { type: 'recovered', file: 'state.json', movedTo: 'state.json', restored: { bookmarks: 2 } },
  ]);
  expect(reopened.isBookmarked('a')).toBe(true);
  await reopened.toggleBookmark('c');
  expect(events.at(-1)).toEqual({ type: 'write-failed', file: 'state.json', code: 'EROFS' });
  expect(await readFile(join(folder, 'state.json'), 'utf8')).toBe('{"schemaVersion":1,');
  reopened.close();
});
