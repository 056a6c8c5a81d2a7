import type { ListSort, View } from '../../preload/contract';
import type { StoredBulletin } from './bodies';
import { collectionIdOf } from './collections';
import type { MarkTally } from './markTally';

/** What the user's marks on visible bulletins did: told to everything kept from them. */
export type MarksListener = Pick<MarkTally, 'marked' | 'membersChanged' | 'forget'>;

/**
 * Each view's list, kept between the window's page requests. Filtering a view out of every visible
 * bulletin took 45–73 ms on main's thread per page at 100,000 bulletins (a throwaway script over
 * tests/bench/generateArchive.ts, half read, a collection of a third; quiet machine), for every
 * page the window scrolled to. Now a view is filtered once, and again only after what it depends
 * on changed: a collection's members for its view, and for all of them which bulletins are
 * visible (`forget`). A few read marks or bookmarks (reading through Unread: one each few seconds)
 * move their bulletins in or out of Unread's or Bookmarks' list by date instead: a binary search
 * and a copy of the list (an export may still hold the old one), 1.3 ms median and 6 ms p95 for
 * Unread at 100,000 (half read) where filtering again took 42–78 ms (`npx tsx` over a throwaway
 * script with tests/bench/generateArchive.ts, machine at load 3). Many at once filter again.
 */
export interface ViewLists extends MarksListener {
  /** Newest first, or (bookmarks, collections) by when the user added them; shared: never mutated. */
  list(view: View, sort: ListSort): StoredBulletin[];
}

export interface ViewInputs {
  /** The archive less the deleted, newest first. */
  visible(): StoredBulletin[];
  isRead(id: string): boolean;
  /** id → when the user added it: the bookmark's date (`null`), or the date it joined the collection. */
  addedTo(collectionId: string | null): Readonly<Record<string, string>>;
  /** A visible bulletin by id. */
  bulletin(id: string): StoredBulletin | undefined;
}

/** Above this many ids marked at once, the view is filtered again instead of patched. */
const PATCH_LIMIT = 64;

export function createViewLists({ visible, isRead, addedTo, bulletin }: ViewInputs): ViewLists {
  /** By view and order; a view's entries go when its inputs change. */
  const kept = new Map<string, StoredBulletin[]>();
  const drop = (view: View) => {
    kept.delete(`${view} published`);
    kept.delete(`${view} added`);
  };
  const build = (view: View, sort: ListSort): StoredBulletin[] => {
    if (view === 'unread') return visible().filter((bulletin) => !isRead(bulletin.id));
    const added = addedTo(collectionIdOf(view));
    const members = visible().filter((bulletin) => bulletin.id in added);
    return sort === 'added' ? byAdded(members, added) : members;
  };
  return {
    list(view, sort) {
      if (view === 'all') return visible();
      // Unread has one order, by date published.
      const key = `${view} ${view === 'unread' ? 'published' : sort}`;
      let list = kept.get(key);
      if (!list) kept.set(key, (list = build(view, sort)));
      return list;
    },
    marked(map, ids, delta) {
      if (ids.length === 0) return;
      const view = map === 'read' ? 'unread' : 'bookmarks';
      // By date added, a new bookmark goes first but an old one's place needs its date: filtered again.
      kept.delete(`${view} added`);
      const list = kept.get(`${view} published`);
      if (!list) return;
      if (ids.length > PATCH_LIMIT) return drop(view);
      // A read mark takes a bulletin out of Unread; a bookmark puts it into Bookmarks.
      const joins = (map === 'read') === (delta === -1);
      let patched = list;
      for (const id of ids) {
        const changed = bulletin(id);
        if (changed) patched = joins ? inserted(patched, changed, visible()) : removed(patched, changed);
      }
      kept.set(`${view} published`, patched);
    },
    membersChanged: (collectionId) => drop(`collection:${collectionId}`),
    forget: () => kept.clear(),
  };
}

/** Tells `listener` too of every change told to `tally`. */
export function alsoTelling(tally: MarkTally, listener: MarksListener): MarkTally {
  return {
    ...tally,
    marked(map, ids, delta) {
      tally.marked(map, ids, delta);
      listener.marked(map, ids, delta);
    },
    membersChanged(collectionId) {
      tally.membersChanged(collectionId);
      listener.membersChanged(collectionId);
    },
    forget() {
      tally.forget();
      listener.forget();
    },
  };
}

/** By the date in `added`, newest first; stable, so equal dates keep publication order. */
function byAdded(bulletins: StoredBulletin[], added: Readonly<Record<string, string>>): StoredBulletin[] {
  return bulletins.sort((a, b) => {
    const first = added[a.id] ?? '';
    const second = added[b.id] ?? '';
    return first < second ? 1 : first > second ? -1 : 0;
  });
}

/** The run of bulletins published at `published` in a newest-first list: [first, end). */
function sameDate(list: readonly StoredBulletin[], published: string): [number, number] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as StoredBulletin).published > published) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < list.length && (list[end] as StoredBulletin).published === published) end++;
  return [low, end];
}

/** A copy without the bulletin (callers may still hold the list: it is never changed). */
function removed(list: StoredBulletin[], gone: StoredBulletin): StoredBulletin[] {
  const [first, end] = sameDate(list, gone.published);
  for (let at = first; at < end; at++)
    if ((list[at] as StoredBulletin).id === gone.id) return list.toSpliced(at, 1);
  return list;
}

/** A copy with the bulletin in its place: by date, and within its date as `visible` has it. */
function inserted(
  list: StoredBulletin[],
  added: StoredBulletin,
  visible: readonly StoredBulletin[],
): StoredBulletin[] {
  const [first, end] = sameDate(list, added.published);
  const [dayFirst, dayEnd] = sameDate(visible, added.published);
  const day = visible.slice(dayFirst, dayEnd).map((other) => other.id);
  const rank = day.indexOf(added.id);
  if (rank === -1) return list;
  let at = first;
  while (at < end && day.indexOf((list[at] as StoredBulletin).id) < rank) at++;
  return list.toSpliced(at, 0, added);
}
