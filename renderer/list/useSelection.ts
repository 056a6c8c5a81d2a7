import { useCallback, useMemo, useState } from 'react';
import type { BulletinRow } from '../../preload/contract';
import {
  allOf,
  anchoredAt,
  emptySelection,
  extended,
  orderedIds,
  toggled,
  type Selection,
} from './selection';

/**
 * The list's multi-selection (see selection.ts). `key` names the list shown;
 * a selection made in another list reads as empty, so a new view or search
 * starts with nothing selected without an effect to clear it.
 */
export function useSelection(key: string, rows: readonly BulletinRow[]) {
  const [state, setState] = useState<Selection>(() => emptySelection(key));
  const current = state.key === key ? state : emptySelection(key);
  const ids = current.ids;

  const update = useCallback(
    (change: (selection: Selection) => Selection) =>
      setState((previous) => change(previous.key === key ? previous : emptySelection(key))),
    [key],
  );

  const toggle = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row) update((selection) => toggled(selection, row.id));
    },
    [rows, update],
  );
  const anchor = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row) update((selection) => anchoredAt(selection, row.id));
    },
    [rows, update],
  );
  /** Selects from the anchor (else `from`, the active row) to `index`. */
  const extendTo = useCallback(
    (index: number, from: number) => update((selection) => extended(selection, rows, index, from)),
    [rows, update],
  );
  const selectAll = useCallback((all: readonly string[]) => setState(allOf(key, all)), [key]);
  const clear = useCallback(() => setState(emptySelection(key)), [key]);
  const ordered = useMemo(() => orderedIds(ids, rows), [ids, rows]);

  return { ids, count: ids.size, ordered, toggle, anchor, extendTo, selectAll, clear };
}
