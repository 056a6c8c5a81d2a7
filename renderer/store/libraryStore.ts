import type { BulletinDetail, CollectionInfo, Counts, LibraryChange, Marks } from '../../preload/contract';

type Listener = () => void;

/** What the window knows of one bulletin's marks and collections. */
export interface BulletinState extends Marks {
  /** Ids of the collections it is in, once its detail has been fetched. */
  collections?: readonly string[];
}

/**
 * The window's one copy of the user's marks, keyed by bulletin id, and the sidebar's counts.
 * Every view reads it (a row, the reading pane, the sidebar), so a mark set once shows
 * everywhere it is shown. Fed by the pages the list fetches, the detail the reader fetches, and
 * main's change events; read through `useSyncExternalStore` (see useLibraryStore.ts), where each
 * row listens to its own id only: a bookmark re-renders one row, not the list.
 */
export interface LibraryStore {
  bulletin(id: string): BulletinState | undefined;
  counts(): Counts | null;
  /** Marks as main sent them with a page of rows or a detail (newer than what is held). */
  seed(rows: readonly (Marks & { id: string })[]): void;
  seedDetail(detail: BulletinDetail): void;
  /** Sets the same marks on many bulletins (a toggle, a bulk action). */
  patch(ids: readonly string[], marks: Partial<Marks>): void;
  setCollections(id: string, collections: readonly string[]): void;
  /** Notifies only when a number changed; unchanged collections keep their array (see useCounts). */
  setCounts(counts: Counts): void;
  /** Applies main's description of a change. */
  apply(change: LibraryChange): void;
  subscribe(id: string, listener: Listener): () => void;
  subscribeCounts(listener: Listener): () => void;
}

export function createLibraryStore(): LibraryStore {
  const bulletins = new Map<string, BulletinState>();
  const listeners = new Map<string, Set<Listener>>();
  const countListeners = new Set<Listener>();
  let counts: Counts | null = null;

  const notify = (id: string) => {
    const forId = listeners.get(id);
    if (forId) for (const listener of forId) listener();
  };
  /** Replaces a bulletin's entry only when a value differs, so unchanged rows keep their snapshot. */
  const update = (id: string, next: Partial<BulletinState>) => {
    const previous = bulletins.get(id);
    if (previous) {
      const differs = (Object.keys(next) as (keyof BulletinState)[]).some(
        (key) => previous[key] !== next[key],
      );
      if (!differs) return;
      bulletins.set(id, { ...previous, ...next });
      notify(id);
      return;
    }
    // A bulletin never seen by this window: its other marks are unknown, so nothing is shown from it.
    if ('bookmarked' in next && 'read' in next && 'noted' in next) {
      bulletins.set(id, next as BulletinState);
      notify(id);
    }
  };

  const store: LibraryStore = {
    bulletin: (id) => bulletins.get(id),
    counts: () => counts,
    seed(rows) {
      for (const row of rows)
        update(row.id, { bookmarked: row.bookmarked, read: row.read, noted: row.noted });
    },
    seedDetail(detail) {
      update(detail.bulletin.id, {
        bookmarked: detail.bookmarked,
        read: detail.read,
        noted: detail.note.trim() !== '',
        collections: detail.collections,
      });
    },
    patch(ids, marks) {
      for (const id of ids) update(id, marks);
    },
    setCollections(id, collections) {
      update(id, { collections });
    },
    setCounts(next) {
      // Every change event brings the counts whole: a bookmark changes one number, and the
      // collections (which the window's menus and pickers read) mostly none.
      const collections =
        counts && sameCollections(counts.collections, next.collections)
          ? counts.collections
          : next.collections;
      if (
        counts &&
        collections === counts.collections &&
        next.all === counts.all &&
        next.unread === counts.unread &&
        next.bookmarks === counts.bookmarks
      )
        return;
      counts = { ...next, collections };
      for (const listener of countListeners) listener();
    },
    apply(change) {
      store.patch(change.ids, change.marks);
      const { collection } = change;
      if (collection) {
        for (const id of change.ids) {
          const held = bulletins.get(id)?.collections;
          if (!held) continue;
          const without = held.filter((other) => other !== collection.id);
          store.setCollections(id, collection.member ? [...without, collection.id] : without);
        }
      }
      store.setCounts(change.counts);
    },
    subscribe(id, listener) {
      let forId = listeners.get(id);
      if (!forId) listeners.set(id, (forId = new Set()));
      forId.add(listener);
      return () => {
        forId.delete(listener);
        if (forId.size === 0) listeners.delete(id);
      };
    },
    subscribeCounts(listener) {
      countListeners.add(listener);
      return () => countListeners.delete(listener);
    },
  };
  return store;
}

/** Same collections, field by field (whatever fields CollectionInfo gains). */
const sameCollections = (held: readonly CollectionInfo[], next: readonly CollectionInfo[]) =>
  held.length === next.length &&
  held.every((collection, index) => {
    const other = next[index];
    if (other === undefined) return false;
    const keys = Object.keys(collection) as (keyof CollectionInfo)[];
    return keys.length === Object.keys(other).length && keys.every((key) => collection[key] === other[key]);
  });
