import type { Counts, LibraryChange, Marks, View } from '../../preload/contract';

/**
 * The one place main says what changed in the library (the `library:changed` topic). Each change
 * names its bulletins, the marks' new values, the counts, and which views can have gained or lost
 * bulletins, so the window patches what it holds and reloads a list only when it must: at 100,000
 * bulletins a bookmark used to make it fetch the whole list again (about 21 calls of 5,000 rows).
 */
export interface ChangeEvents {
  /** Marks set to one value on `ids` (a toggle, a bulk action, an automatic read mark, a note). */
  marks(ids: readonly string[], marks: Partial<Marks>): void;
  /** Bulletins put in or taken out of a collection. */
  collection(collectionId: string, ids: readonly string[], member: boolean): void;
  /** Collections made, renamed, deleted or restored: counts and names, no list changes. */
  collections(): void;
  /** The archive changed (import, delete, undo, restore): any list can have changed. */
  archive(imported?: LibraryChange['archive']): void;
}

/** Which fixed views' lists a mark decides. */
const VIEWS_OF_MARK: Record<keyof Marks, View[]> = {
  bookmarked: ['bookmarks'],
  read: ['unread'],
  noted: [],
};

export function createChangeEvents(
  counts: () => Counts,
  send: (change: LibraryChange) => void,
): ChangeEvents {
  const emit = (change: Omit<LibraryChange, 'counts'>) => send({ ...change, counts: counts() });
  return {
    marks(ids, marks) {
      const membership = (Object.keys(marks) as (keyof Marks)[]).flatMap((mark) => VIEWS_OF_MARK[mark]);
      emit({ ids: [...ids], marks, membership });
    },
    collection(collectionId, ids, member) {
      emit({
        ids: [...ids],
        marks: {},
        collection: { id: collectionId, member },
        membership: [`collection:${collectionId}`],
      });
    },
    collections() {
      emit({ ids: [], marks: {}, membership: [] });
    },
    archive(imported) {
      emit({ ids: [], marks: {}, membership: 'every', ...(imported ? { archive: imported } : {}) });
    },
  };
}
