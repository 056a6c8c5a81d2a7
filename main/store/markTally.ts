import type { CollectionInfo } from '../../preload/contract';
import type { Collection, State } from './schema';

/** Above this many ids changed at once, the collections' numbers are counted again instead. */
const PATCH_LIMIT = 64;

/**
 * The sidebar's numbers, kept as marks change instead of counted for each change event. Counting
 * went through every read mark, every bookmark and every collection's items on main's thread:
 * ~260 ms per change with 100,000 read marks (a throwaway script on this 2-core machine, load 6),
 * for every bookmark once the user had pressed Mark all read. Now a mark moves the numbers by one;
 * a change of which bulletins are visible, or of the marks wholesale, counts once, when next asked.
 */
export interface MarkTally {
  /** Visible bulletins read, and bookmarked. */
  read(): number;
  bookmarks(): number;
  collection(collection: Collection): CollectionInfo;
  /** Read marks or bookmarks set (+1) or cleared (−1) on these visible bulletins. */
  marked(map: 'read' | 'bookmarks', ids: readonly string[], delta: 1 | -1): void;
  /** A collection's members changed (or it is gone). */
  membersChanged(collectionId: string): void;
  /** Bulletins shown or hidden (import, delete, undo) or marks replaced (merge, restore). */
  forget(): void;
}

export function createMarkTally(state: () => State, isVisible: (id: string) => boolean): MarkTally {
  let read: number | undefined;
  let bookmarks: number | undefined;
  const members = new Map<string, { count: number; unread: number }>();
  const visibleIn = (marks: Record<string, unknown>) => {
    let count = 0;
    for (const id in marks) if (isVisible(id)) count++;
    return count;
  };
  const countMembers = (collection: Collection) => {
    const marksRead = state().read;
    let count = 0;
    let unread = 0;
    for (const id in collection.items) {
      if (!isVisible(id)) continue;
      count++;
      if (!(id in marksRead)) unread++;
    }
    return { count, unread };
  };
  return {
    read: () => (read ??= visibleIn(state().read)),
    bookmarks: () => (bookmarks ??= visibleIn(state().bookmarks)),
    collection(collection) {
      let counted = members.get(collection.id);
      if (!counted) members.set(collection.id, (counted = countMembers(collection)));
      const { id, name, createdAt } = collection;
      return { id, name, createdAt, ...counted };
    },
    marked(map, ids, delta) {
      if (map === 'bookmarks') {
        if (bookmarks !== undefined) bookmarks += delta * ids.length;
        return;
      }
      if (read !== undefined) read += delta * ids.length;
      if (ids.length > PATCH_LIMIT) return members.clear();
      for (const collection of state().collections) {
        const counted = members.get(collection.id);
        if (!counted) continue;
        for (const id of ids) if (id in collection.items) counted.unread -= delta;
      }
    },
    membersChanged: (collectionId) => void members.delete(collectionId),
    forget() {
      read = undefined;
      bookmarks = undefined;
      members.clear();
    },
  };
}
