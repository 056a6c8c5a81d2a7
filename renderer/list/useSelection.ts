import { useMemo, useState } from 'react';
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
  const current = state.key === key ? state : emptySelection(key);
  const ids = current.ids;

  /** Applies a change; resolves to the new count, for the screen reader (key presses come one render apart). */
  const apply = (change: (selection: Selection) => Selection): number => {
    const next = change(current);
    setState(next);
    return next.ids.size;
  };
  const at = (index: number, change: (selection: Selection, id: string) => Selection) => {
    const row = rows[index];
    return row ? apply((selection) => change(selection, row.id)) : ids.size;
  };

  const toggle = (index: number) => at(index, toggled);
  const anchor = (index: number) => at(index, anchoredAt);
  /** Selects from the anchor (else `from`, the active row) to `index`. */
  const extendTo = (index: number, from: number) =>
    apply((selection) => extended(selection, rows, index, from));
  const selectAll = (all: readonly string[]) => apply(() => allOf(key, all));
  const clear = () => apply(() => emptySelection(key));
  const ordered = useMemo(() => orderedIds(ids, rows), [ids, rows]);

  return { ids, count: ids.size, ordered, toggle, anchor, extendTo, selectAll, clear };
}
