import type { Bulletin, ListSort, View } from '../../preload/contract';
import { collectionIdOf } from './collections';
import type { MarkTally } from './markTally';

/** What the user's marks on visible bulletins did: told to everything kept from them. */
export type MarksListener = Pick<MarkTally, 'marked' | 'membersChanged' | 'forget'>;

/**
 * Each view's list, kept between the window's page requests. Filtering a view out of every visible
 * bulletin took 45–73 ms on main's thread per page at 100,000 bulletins (a throwaway script over
 * tests/bench/generateArchive.ts, half read, a collection of a third; quiet machine), for every
 * page the window scrolled to. Now a view is filtered once, and again only after what it depends
 * on changed: the read marks for Unread, the bookmarks for Bookmarks, a collection's members for
 * its view, and for all of them which bulletins are visible (`forget`).
 */
export interface ViewLists extends MarksListener {
  /** Newest first, or (bookmarks, collections) by when the user added them; shared: never mutated. */
  list(view: View, sort: ListSort): Bulletin[];
}

export interface ViewInputs {
  /** The archive less the deleted, newest first. */
  visible(): Bulletin[];
  isRead(id: string): boolean;
  /** id → when the user added it: the bookmark's date (`null`), or the date it joined the collection. */
  addedTo(collectionId: string | null): Readonly<Record<string, string>>;
}

export function createViewLists({ visible, isRead, addedTo }: ViewInputs): ViewLists {
  /** By view and order; a view's entries go when its inputs change. */
  const kept = new Map<string, Bulletin[]>();
  const drop = (view: View) => {
    kept.delete(`${view} published`);
    kept.delete(`${view} added`);
  };
  const build = (view: View, sort: ListSort): Bulletin[] => {
    if (view === 'unread') return visible().filter((bulletin) => !isRead(bulletin.id));
    const added = addedTo(collectionIdOf(view));
    const members = visible().filter((bulletin) => bulletin.id in added);
    return sort === 'added' ? byAdded(members, added) : members;
  };
  return {
    list(view, sort) {
      if (view === 'all') return visible();
      const key = `${view} ${sort}`;
      let list = kept.get(key);
      if (!list) kept.set(key, (list = build(view, sort)));
      return list;
    },
    marked(map, ids) {
      if (ids.length > 0) drop(map === 'read' ? 'unread' : 'bookmarks');
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
function byAdded(bulletins: Bulletin[], added: Readonly<Record<string, string>>): Bulletin[] {
  return bulletins.sort((a, b) => {
    const first = added[a.id] ?? '';
    const second = added[b.id] ?? '';
    return first < second ? 1 : first > second ? -1 : 0;
  });
}
