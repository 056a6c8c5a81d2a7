import type { BulletinRow } from '../../preload/contract';

/**
 * The rows the user picked for a bulk action, apart from the open row: opening a
 * bulletin never selects it. Kept by id, so it survives paging, scrolling and
 * reloads; it belongs to one list (`key`: view, search and facets) and is empty
 * in any other.
 */
export interface Selection {
  key: string;
  ids: ReadonlySet<string>;
  /** Where a range starts (Shift-click, Shift+j/k): the last row clicked, toggled or moved to without Shift. */
  anchor: string | null;
  /** What was selected when the anchor was set: a range adds to it, and shrinks back to it. */
  base: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export const emptySelection = (key: string): Selection => ({ key, ids: NONE, anchor: null, base: NONE });

/** Adds the row if it was not selected, removes it if it was; it becomes the anchor. */
export function toggled(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ...selection, ids, anchor: id, base: ids };
}

/** Starts the next range at this row, keeping what is selected. */
export function anchoredAt(selection: Selection, id: string): Selection {
  return selection.anchor === id && selection.base === selection.ids
    ? selection
    : { ...selection, anchor: id, base: selection.ids };
}

/**
 * The selection from before the anchor was set plus every row from the anchor
 * to `index`, inclusive. Without an anchor in the list, the range starts at `from`.
 */
export function extended(
  selection: Selection,
  rows: readonly BulletinRow[],
  index: number,
  from: number,
): Selection {
  const found = selection.anchor === null ? -1 : rows.findIndex((row) => row.id === selection.anchor);
  const start = found >= 0 ? found : Math.max(0, from);
  const anchor = rows[start]?.id ?? null;
  const ids = new Set(found >= 0 ? selection.base : selection.ids);
  const base = found >= 0 ? selection.base : selection.ids;
  const [low, high] = start <= index ? [start, index] : [index, start];
  for (let at = low; at <= high; at++) {
    const row = rows[at];
    if (row) ids.add(row.id);
  }
  return { ...selection, ids, anchor, base };
}

/** Every id given, in that order (select all: main's ids of the whole view or search). */
export function allOf(key: string, ids: readonly string[]): Selection {
  const set = new Set(ids);
  return { key, ids: set, anchor: null, base: set };
}

/**
 * The selected ids in the list's order: loaded rows first, then those beyond
 * them (from "select all"), in the order main listed them.
 */
export function orderedIds(ids: ReadonlySet<string>, rows: readonly BulletinRow[]): string[] {
  const ordered = rows.filter((row) => ids.has(row.id)).map((row) => row.id);
  if (ordered.length === ids.size) return ordered;
  const listed = new Set(ordered);
  for (const id of ids) if (!listed.has(id)) ordered.push(id);
  return ordered;
}
