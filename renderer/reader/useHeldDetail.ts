import { useMemo } from 'react';
import type { BulletinDetail } from '../../preload/contract';
import { useBulletinState } from '../store/useLibraryStore';

/**
 * The open bulletin as fetched, with its marks and collections as the store holds them now, so a
 * change made anywhere (a key, the list's row, a bulk action, main) shows in the pane. Read in the
 * pane itself: a mark then renders the pane, not the window around it.
 */
export function useHeldDetail(fetched: BulletinDetail | null | undefined): BulletinDetail | null | undefined {
  const held = useBulletinState(fetched?.bulletin.id ?? null);
  return useMemo(
    () =>
      fetched && held
        ? {
            ...fetched,
            bookmarked: held.bookmarked,
            read: held.read,
            collections: held.collections ? [...held.collections] : fetched.collections,
          }
        : fetched,
    [fetched, held],
  );
}
