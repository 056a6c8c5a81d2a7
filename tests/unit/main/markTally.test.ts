import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Counts } from '../../../preload/contract';
import { openLibrary, type Library } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-tally-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The sidebar's numbers counted from scratch, through what every view lists. */
function recount(library: Library): Counts {
  const all = library.bulletins();
  return {
    all: all.length,
    unread: all.filter((item) => !library.isRead(item.id)).length,
    bookmarks: all.filter((item) => library.isBookmarked(item.id)).length,
    collections: library.collections().map((collection) => {
      const members = library.bulletins(`collection:${collection.id}`);
      return {
        ...collection,
        count: members.length,
        unread: members.filter((item) => !library.isRead(item.id)).length,
      };
    }),
  };
}

describe("the sidebar's numbers, kept as marks change", () => {
  it('match a count from scratch after every kind of change', async () => {
    const library = await openLibrary(folder);
    const ids = Array.from({ length: 120 }, (_, n) => `b${n}`);
    await library.add(ids.map((id, n) => bulletin(id, `2020-${String((n % 12) + 1).padStart(2, '0')}-10`)));
    const check = () => expect(library.counts()).toEqual(recount(library));
    const { id: trip } = await library.createCollection('Trip');
    const { id: later } = await library.createCollection('Later');
    check();
    const steps: Array<() => Promise<unknown>> = [
      () => library.addToCollection(trip, ids.slice(0, 40)),
      () => library.setRead('b1', true),
      () => library.setRead('b1', true),
      () => library.setRead('b2', true),
      () => library.setRead('b1', false),
      () => library.toggleBookmark('b3'),
      () => library.toggleBookmark('b3'),
      () => library.toggleBookmark('b4'),
      // A mark on a bulletin the archive does not have counts nowhere.
      () => library.toggleBookmark('unknown'),
      () => library.setRead('unknown', true),
      () => library.setReadMany(ids.slice(0, 10), true),
      // Many at once: the collections are counted again.
      () => library.setReadMany(ids.slice(0, 100), true),
      () => library.setReadMany(ids.slice(5, 30), false),
      () => library.setBookmarked(ids.slice(0, 70), true),
      () => library.addToCollection(later, ids.slice(20, 60)),
      () => library.removeFromCollection(trip, ids.slice(0, 5)),
      async () => library.undoDelete((await library.deleteBulletins(ids.slice(15, 25))).batch),
      () => library.deleteBulletins(ids.slice(30, 35)),
      () => library.setRead('b31', false),
      () => library.setRead('b36', false),
      () => library.add([bulletin('new', '2021-01-01')]),
      () => library.setRead('new', true),
      async () => library.restoreCollection(await library.deleteCollection(later), 1),
    ];
    for (const step of steps) {
      await step();
      check();
    }
    expect(library.counts().collections.map((collection) => collection.count)).toEqual([30, 35]);
  });

  it('are counted again after a restart, from what was saved', async () => {
    const library = await openLibrary(folder);
    await library.add(['a', 'b', 'c'].map((id) => bulletin(id, '2020-11-12')));
    await library.setReadMany(['a', 'b'], true);
    await library.toggleBookmark('c');
    await library.flush();
    library.close();
    const reopened = await openLibrary(folder);
    expect(reopened.counts()).toEqual({ all: 3, unread: 1, bookmarks: 1, collections: [] });
  });
});
