import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListSort, View } from '../../../preload/contract';
import { openLibrary, type Library } from '../../../main/store/library';
import { createViewLists } from '../../../main/store/viewLists';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-views-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((entry) => entry.id);

/** Every view in both orders, listed from scratch from the library's state. */
function fromScratch(library: Library): Record<string, string[]> {
  const all = library.bulletins();
  const { state } = library.snapshot();
  const views: Record<string, string[]> = { all: ids(all) };
  const unread = ids(all.filter((item) => !(item.id in state.read)));
  views['unread published'] = views['unread added'] = unread;
  const inOrders = (view: string, added: Record<string, string>) => {
    const members = ids(all.filter((item) => item.id in added));
    views[`${view} published`] = members;
    // Newest added first; the sort is stable, so equal dates keep publication order.
    views[`${view} added`] = [...members].sort((a, b) => (added[b] ?? '').localeCompare(added[a] ?? ''));
  };
  inOrders('bookmarks', state.bookmarks);
  for (const collection of state.collections) inOrders(`collection:${collection.id}`, collection.items);
  return views;
}

function listed(library: Library): Record<string, string[]> {
  const views: Record<string, string[]> = { all: ids(library.bulletins()) };
  const named: View[] = [
    'unread',
    'bookmarks',
    ...library.collections().map((c) => `collection:${c.id}` as const),
  ];
  for (const view of named) {
    for (const sort of ['published', 'added'] as ListSort[])
      views[`${view} ${sort}`] = ids(library.bulletins(view, sort));
  }
  return views;
}

describe("a view's list, kept between page requests", () => {
  it('is not filtered again for a second page, nor for a few marks, while nothing else it depends on changed', () => {
    const visible = Array.from({ length: 200 }, (_, n) => bulletin(`b${n}`, '2020-11-12'));
    const read = new Set(visible.filter((_, n) => n % 2 === 0).map((item) => item.id));
    let asked = 0;
    const views = createViewLists({
      visible: () => visible,
      isRead: (id) => {
        asked++;
        return read.has(id);
      },
      addedTo: () => ({}),
      bulletin: (id) => visible.find((item) => item.id === id),
    });
    const unread = () => ids(views.list('unread', 'published'));
    expect(unread()).toHaveLength(100);
    expect(asked).toBe(200);
    views.list('unread', 'published').slice(20, 40);
    // A bookmark or a collection's members do not touch the unread list.
    views.marked('bookmarks', ['b1'], 1);
    views.membersChanged('trip');
    unread();
    expect(asked).toBe(200);
    // A read mark moves its bulletin out, and back in its place when cleared: no filtering.
    const before = unread();
    views.marked('read', ['b1'], 1);
    expect(unread()).toEqual(before.filter((id) => id !== 'b1'));
    views.marked('read', ['b1'], -1);
    expect(unread()).toEqual(before);
    expect(asked).toBe(200);
    // Many at once: filtered again.
    views.marked(
      'read',
      visible.slice(100).map((item) => item.id),
      1,
    );
    unread();
    expect(asked).toBe(400);
  });

  it('is the same list for each page of a view of the library while its marks stay', async () => {
    const library = await openLibrary(folder);
    await library.add(['a', 'b', 'c'].map((id) => bulletin(id, '2020-11-12')));
    const { id: trip } = await library.createCollection('Trip');
    await library.addToCollection(trip, ['a', 'c']);
    await library.toggleBookmark('b');
    for (const view of ['unread', 'bookmarks', `collection:${trip}`] as const) {
      for (const sort of ['published', 'added'] as ListSort[]) {
        expect(library.bulletins(view, sort)).toBe(library.bulletins(view, sort));
      }
    }
  });

  it('follows every kind of change, as a list from scratch would', async () => {
    const library = await openLibrary(folder);
    const all = Array.from({ length: 60 }, (_, n) => `b${n}`);
    await library.add(all.map((id, n) => bulletin(id, `2020-${String((n % 12) + 1).padStart(2, '0')}-10`)));
    const { id: trip } = await library.createCollection('Trip');
    const { id: later } = await library.createCollection('Later');
    const check = () => expect(listed(library)).toEqual(fromScratch(library));
    check();
    const steps: Array<() => Promise<unknown>> = [
      () => library.addToCollection(trip, all.slice(0, 20)),
      () => library.setRead('b1', true),
      () => library.setRead('b1', false),
      () => library.toggleBookmark('b3'),
      () => library.toggleBookmark('b3'),
      () => library.toggleBookmark('b4'),
      () => library.setReadMany(all.slice(0, 10), true),
      () => library.setReadMany(all.slice(5, 8), false),
      () => library.setBookmarked(all.slice(0, 30), true),
      () => library.addToCollection(later, all.slice(20, 40)),
      () => library.removeFromCollection(trip, all.slice(0, 5)),
      async () => library.undoDelete((await library.deleteBulletins(all.slice(15, 25))).batch),
      () => library.deleteBulletins(all.slice(30, 35)),
      () => library.add([bulletin('new', '2021-01-01')]),
      async () => library.restoreCollection(await library.deleteCollection(later), 1),
      async () => library.restore(library.snapshot()),
    ];
    for (const step of steps) {
      // Each view asked before the change, so a kept list that is not let go shows here.
      listed(library);
      await step();
      check();
    }
  });

  it('lists a restored collection with its members, not as it was asked while deleted', async () => {
    const library = await openLibrary(folder);
    await library.add(['a', 'b'].map((id) => bulletin(id, '2020-11-12')));
    const { id } = await library.createCollection('Trip');
    await library.addToCollection(id, ['a']);
    const deleted = await library.deleteCollection(id);
    expect(library.bulletins(`collection:${id}`)).toEqual([]);
    await library.restoreCollection(deleted, 0);
    expect(ids(library.bulletins(`collection:${id}`))).toEqual(['a']);
  });
});
