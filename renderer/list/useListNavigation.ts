import { useCallback, useMemo, useState } from 'react';
import type { BulletinRow } from '../../preload/contract';

/**
 * The list's keyboard position (the "active" row, shown with a focus ring; it
 * is not necessarily the open one). Tracked by id, so it survives reloads; when
 * its row disappears (read in the Unread view, say) the position stays where it
 * was, now between rows: next moves to the row that slid into its place,
 * previous to the one above.
 */
export function useListNavigation(rows: readonly BulletinRow[]) {
  const [active, setActive] = useState<{ id: string | null; index: number }>({ id: null, index: -1 });

  const found = useMemo(
    () => (active.id === null ? -1 : rows.findIndex((row) => row.id === active.id)),
    [rows, active.id],
  );
  const last = rows.length - 1;
  const activeIndex = found >= 0 ? found : active.id === null ? -1 : Math.min(active.index, last);

  const activate = useCallback((index: number) => setActive({ id: rows[index]?.id ?? null, index }), [rows]);

  const reset = useCallback(() => setActive({ id: null, index: -1 }), []);

  /** The index `delta` rows away from the active one, kept inside the list; -1 when it is empty. */
  const step = (delta: number): number => {
    if (last < 0) return -1;
    if (activeIndex < 0) return 0;
    // A vanished row leaves a gap at `active.index`: the row after the gap is already there.
    const from = found >= 0 ? activeIndex : delta > 0 ? active.index - 1 : active.index;
    return Math.max(0, Math.min(last, from + delta));
  };

  return { activeIndex, activate, reset, step };
}
