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

/** The sidebar's numbers, as main last said them. */
export function useCountsOf(): Counts | null {
  const store = useLibraryStore();
  return useSyncExternalStore(
    useCallback((listener: () => void) => store.subscribeCounts(listener), [store]),
    store.counts,
  );
}
