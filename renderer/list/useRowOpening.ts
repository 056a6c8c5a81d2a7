import type { RefObject } from 'react';
import type { ListView } from './useListView';

interface RowOpeningOptions {
  shown: ListView;
  /** The bulletin open in the reading pane, and opening another there. */
  reader: { openId: string | null; open: (id: string) => void };
  /** The selection's anchor follows the row opened (Shift+click then selects from it). */
  anchor: (index: number) => void;
  announce: (message: string) => void;
  listRef: RefObject<HTMLDivElement | null>;
}

/** Opening a row in the reading pane: by click or Enter (`openAt`), or the next/previous one (j/k). */
export function useRowOpening({ shown, reader, anchor, announce, listRef }: RowOpeningOptions) {
  const { list, navigation } = shown;
  const { rows } = list;

  /** Shows a row's bulletin in the reading pane (it is marked read after a few seconds there). */
  const openAt = (index: number) => {
    const row = rows[index];
    if (!row) return;
    navigation.activate(index);
    anchor(index);
    reader.open(row.id);
    list.keep(row.id);
    // Opening a result is settling on the search: remember it.
    if (shown.searchedText !== '') shown.rememberSearch(shown.searchedText);
  };

  const step = (delta: number) => {
    // A row that only has the focus ring (say, on focusing the list) opens first, rather than being skipped.
    const active = rows[navigation.activeIndex];
    const target = active && active.id !== reader.openId ? navigation.activeIndex : navigation.step(delta);
    const row = rows[target];
    if (!row) return;
    openAt(target);
    // In the list, the screen reader reads the newly active row itself; elsewhere, say what opened.
    if (document.activeElement !== listRef.current) announce(row.title);
  };

  return { openAt, step };
}
