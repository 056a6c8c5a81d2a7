import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-bulk-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const stateOf = async () =>
  JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as {
    bookmarks: Record<string, string>;
    read: Record<string, string>;
  };

describe('bulk marks', () => {
  it('bookmarks many bulletins at once, says which changed, and keeps them on disk', async () => {
    const library = await openLibrary(folder);
    await library.add(['a', 'b', 'c', 'd'].map((id) => bulletin(id, '2020-11-12')));
    await library.toggleBookmark('b');

    // Already bookmarked, unknown and repeated ids change nothing.
    const changed = await library.setBookmarked(['a', 'b', 'c', 'c', 'gone'], true);
    expect(changed.sort()).toEqual(['a', 'c']);
    expect(library.counts().bookmarks).toBe(3);
    await library.flush(); // at quit the journal is folded into state.json
    expect(Object.keys((await stateOf()).bookmarks).sort()).toEqual(['a', 'b', 'c']);

    expect((await library.setBookmarked(['a', 'b', 'd'], false)).sort()).toEqual(['a', 'b']);
    library.close();
    const reopened = await openLibrary(folder);
    expect(reopened.bulletins('bookmarks').map((entry) => entry.id)).toEqual(['c']);
    reopened.close();
  });

  it('marks many read or unread, and does not write when nothing changes', async () => {
    const library = await openLibrary(folder);
    const ids = Array.from({ length: 2000 }, (_, n) => `id-${n}`);
    await library.add(ids.map((id) => bulletin(id, '2021-03-04')));

    expect(await library.setReadMany(ids, true)).toHaveLength(ids.length);
    expect(library.counts().unread).toBe(0);
    expect(Object.keys((await stateOf()).read)).toHaveLength(ids.length);

    // The store replaces the file on every write (temporary file, rename): same inode, no write.
    const before = await stat(join(folder, 'state.json'));
    expect(await library.setReadMany(ids, true)).toEqual([]);
    expect((await stat(join(folder, 'state.json'))).ino).toBe(before.ino);

    expect(await library.setReadMany(ids.slice(0, 10), false)).toEqual(ids.slice(0, 10));
    expect(library.counts().unread).toBe(10);
    library.close();
  });
});
