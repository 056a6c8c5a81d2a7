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
 * The list's multi-selection (see selection.ts). `key` names the list shown:
 * a new view or search starts with nothing selected.
 */
export function useSelection(key: string, rows: readonly BulletinRow[]) {
  const [state, setState] = useState<Selection>(() => emptySelection(key));
  // Another list: start empty (set during render, React's way to reset state when a prop changes),
  // so coming back to a view does not bring back what was selected in it before.
  if (state.key !== key) setState(emptySelection(key));
  const ids = state.key === key ? state.ids : emptySelection(key).ids;

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
