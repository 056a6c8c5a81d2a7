import { useEffect, useEffectEvent } from 'react';
import { bridge } from '../bridge/bridge';
import { useLibraryStore } from './useLibraryStore';

/**
 * Keeps the store in step with main: the counts once at start, then every change main describes
 * (marks, collections, counts) patched in. Lists and the reading pane decide for themselves
 * whether a change means asking again (see changesMembership).
 */
export function useLibraryChanges(onError: (error: unknown) => void) {
  const store = useLibraryStore();
  const reportError = useEffectEvent(onError);
  useEffect(() => {
    let current = true;
    bridge()
      .counts()
      .then(
        // A change that arrived meanwhile brought newer counts.
        (counts) => current && store.counts() === null && store.setCounts(counts),
        (error: unknown) => current && reportError(error),
      );
    const unsubscribe = bridge().subscribe('library:changed', (change) => store.apply(change));
    return () => {
      current = false;
      unsubscribe();
    };
  }, [store]);
}
