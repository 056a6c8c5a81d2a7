import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { BulletinDetail } from '../../preload/contract';
import { useLibraryStore } from '../store/useLibraryStore';
import { bridge } from '../bridge/bridge';

interface Loaded {
  id: string;
  /** null: main no longer has it. */
  detail: BulletinDetail | null;
}

/**
 * The bulletin in the reading pane. While the next one loads, the previous one
 * stays on screen (marked busy) rather than flashing an empty pane on every j/k.
 * Its marks and collections are not read from the store here but in the pane (useHeldDetail): a
 * mark on the open bulletin would otherwise render the whole window, not the pane alone.
 */
export function useOpenBulletin(onError: (error: unknown) => void) {
  const store = useLibraryStore();
  const [openId, setOpenId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const reportError = useEffectEvent(onError);

  useEffect(() => {
    if (openId === null) return;
    let current = true;
    bridge()
      .get(openId)
      .then(
        (detail) => {
          if (!current) return;
          if (detail) store.seedDetail(detail);
          setLoaded({ id: openId, detail });
        },
        (error: unknown) => current && reportError(error),
      );
    return () => {
      current = false;
    };
  }, [openId, generation, store]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  // A delete, undo, import or restore can have removed or corrected the open bulletin.
  const onLibraryChanged = useEffectEvent(() => {
    if (openId !== null) reload();
  });
  useEffect(
    () =>
      bridge().subscribe('library:changed', (change) => {
        if (change.membership === 'every') onLibraryChanged();
      }),
    [],
  );

  const detail = loaded?.detail ?? null;
  return {
    openId,
    open: setOpenId,
    /**
     * What the pane shows: the open bulletin, or the previous one while the open one loads; its
     * marks as fetched (the pane reads their changes from the store, see useHeldDetail).
     */
    shown: loaded,
    /** The open bulletin's detail, once it has arrived (not the previous one's, still on screen). */
    openDetail: detail && detail.bulletin.id === openId ? detail : null,
    busy: openId !== null && loaded?.id !== openId,
    reload,
  };
}
