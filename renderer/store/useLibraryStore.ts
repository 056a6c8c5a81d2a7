import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Counts } from '../../preload/contract';
import { createLibraryStore, type BulletinState, type LibraryStore } from './libraryStore';

/** The window's store; a test renders with its own through `LibraryStoreContext.Provider`. */
export const LibraryStoreContext = createContext<LibraryStore>(createLibraryStore());

export const useLibraryStore = (): LibraryStore => useContext(LibraryStoreContext);

/**
 * One bulletin's marks as the store holds them (undefined: never seen); re-renders only when this
 * bulletin's entry changes.
 */
export function useBulletinState(id: string | null): BulletinState | undefined {
  const store = useLibraryStore();
  const subscribe = useCallback(
    (listener: () => void) => (id === null ? () => undefined : store.subscribe(id, listener)),
    [store, id],
  );
  return useSyncExternalStore(subscribe, () => (id === null ? undefined : store.bulletin(id)));
}

/**
 * The part of the sidebar's numbers a component shows, as main last said them; it re-renders only
 * when that part changes. `select` returns a number, a flag, the counts whole or their
 * `collections` (which keep their array while unchanged): a new object on each call would
 * re-render on every change. Only the sidebar takes the counts whole: every mark changes a number,
 * and a window that re-rendered on each one did 10–20 ms of work per key press (RESULTS.md).
 */
export function useCounts<Part>(select: (counts: Counts | null) => Part): Part {
  const store = useLibraryStore();
  return useSyncExternalStore(
    useCallback((listener: () => void) => store.subscribeCounts(listener), [store]),
    () => select(store.counts()),
  );
}
