import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { BulletinRow } from '../../preload/contract';
import { BulletinRowView } from './BulletinRowView';
import { writeBulletinIds } from '../library/dragIds';
import { useRowHandlers } from './useRowHandlers';

interface BulletinListProps {
  /** Also the scrolling element; the app focuses it (Esc). */
  listRef: RefObject<HTMLDivElement | null>;
  /** The grid's id, for the search box's aria-controls; rows get ids from it. */
  id: string;
  label: string;
  rows: readonly BulletinRow[];
  terms: readonly string[];
  activeIndex: number;
  openId: string | null;
  busy: boolean;
  onOpen: (index: number) => void;
  /** What the rows do with the selection: clicks, keys and drags (useListSelection). */
  selection: ListGestures;
  onToggleBookmark: (id: string) => void;
  /** The list scrolled near its last row: time to fetch more, when the list has more to come. */
  onNearEnd: () => void;
  /** A row's context menu was asked for (right-click, the ContextMenu key, Shift+F10), at a point. */
  onRowMenu: (index: number, at: { x: number; y: number }) => void;
}

/** The list's part in the multi-selection. */
export interface ListGestures {
  /** Rows picked for a bulk action, by id. */
  selectedIds: ReadonlySet<string>;
  /** The keyboard's place moved to a row without opening it (arrows, a click): the anchor follows. */
  onActivate: (index: number) => void;
  onToggle: (index: number) => void;
  /** Moves the active row with Shift held: selects from the anchor to `index`. */
  onExtend: (index: number) => void;
  /** Ctrl/Cmd+A: every row of the view or search, loaded or not. */
  onSelectAll: () => void;
  /** The ids a drag from this row carries. */
  dragIds: (index: number) => string[];
}

/** How many rows before the end the next page is fetched. */
const NEAR_END = 40;

/** A first guess at a row's height; rows are measured once drawn. */
const ESTIMATED_ROW_HEIGHT = 92;

/**
 * The bulletins as a multi-select grid of one-column rows: a grid, not a listbox, because a row
 * holds controls (its bookmark button), which an option may not. Only the rows in view exist in
 * the DOM (an archive has tens of thousands), so focus stays on the grid and
 * aria-activedescendant points at the active row, which is always scrolled into view and
 * therefore always rendered; aria-rowcount/aria-rowindex tell the whole length. Arrows move,
 * Enter opens, Space ticks, Shift with a move extends the selection, Ctrl/Cmd+A selects all. The
 * open row is aria-current; aria-selected is the selection.
 */
export function BulletinList({
  listRef,
  id,
  label,
  rows,
  terms,
  activeIndex,
  openId,
  busy,
  onOpen,
  selection,
  onToggleBookmark,
  onNearEnd,
  onRowMenu,
}: BulletinListProps) {
  const { selectedIds, onActivate, onToggle, onExtend, onSelectAll, dragIds } = selection;
  // The React Compiler cannot memoise around this hook's mutable instance; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  // Within a couple of screens of the end, the next page is asked for, so scrolling rarely waits.
  const lastDrawn = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && lastDrawn >= rows.length - NEAR_END) onNearEnd();
  }, [lastDrawn, rows.length, onNearEnd]);

  const rowId = (index: number) => `${id}-row-${index}`;
  const last = rows.length - 1;

  /**
   * The row End went to, while the list is still paged in as it scrolls: each page that arrives
   * moves the focus on to the new last row, so End reaches the end of the whole view, not of the
   * rows loaded when it was pressed. Any other move ends it.
   */
  const followingEnd = useRef<number | null>(null);
  useEffect(() => {
    const at = followingEnd.current;
    if (at === null || last <= at) return;
    if (activeIndex !== at) {
      followingEnd.current = null;
      return;
    }
    followingEnd.current = last;
    onActivate(last);
  }, [last, activeIndex, onActivate]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 0) / ESTIMATED_ROW_HEIGHT) - 1);
    const from = Math.max(activeIndex, 0);
    let target: number;
    switch (event.key) {
      case 'ArrowDown':
        target = activeIndex < 0 ? 0 : from + 1;
        break;
      case 'ArrowUp':
        target = from - 1;
        break;
      case 'PageDown':
        target = from + page;
        break;
      case 'PageUp':
        target = from - page;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = last;
        break;
      case 'Enter':
        event.preventDefault();
        if (activeIndex >= 0) onOpen(activeIndex);
        return;
      case ' ':
        event.preventDefault();
        if (activeIndex >= 0) onToggle(activeIndex);
        return;
      case 'F10':
      case 'ContextMenu': {
        if (event.key === 'F10' && !event.shiftKey) return;
        event.preventDefault();
        // From the keyboard, the menu opens under the active row's start.
        const box = document.getElementById(rowId(activeIndex))?.getBoundingClientRect();
        if (activeIndex >= 0 && box) onRowMenu(activeIndex, { x: box.left + 16, y: box.bottom });
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    const index = Math.max(0, Math.min(last, target));
    followingEnd.current = event.key === 'End' && !event.shiftKey ? index : null;
    if (event.shiftKey) onExtend(index);
    else onActivate(index);
  };

  const handlers = useRowHandlers({
    onOpen,
    onToggle,
    onExtend,
    onDragStart: (index: number, event: DragEvent<HTMLElement>) =>
      writeBulletinIds(event.dataTransfer, dragIds(index), rows[index]?.title ?? ''),
    onToggleBookmark,
  });

  // Focus that comes with a click: the clicked row is the one to act on, and scrolling to another
  // between mouse down and up would send the click elsewhere.
  const pointing = useRef(false);
  const onFocus = () => {
    if (pointing.current) {
      pointing.current = false;
      return;
    }
    // Arriving by Tab or Esc with no active row: start at the open bulletin, or the top.
    if (activeIndex < 0 && rows.length > 0) {
      const open = openId === null ? -1 : rows.findIndex((row) => row.id === openId);
      onActivate(Math.max(open, 0));
    }
  };

  return (
    <div
      ref={listRef}
      id={id}
      className="list"
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={rows.length}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      aria-busy={busy}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onPointerDown={() => (pointing.current = true)}
      onPointerUp={() => (pointing.current = false)}
      onContextMenu={(event) => {
        const row =
          event.target instanceof Element ? event.target.closest<HTMLElement>('[data-index]') : null;
        if (!row) return;
        event.preventDefault();
        const index = Number(row.dataset.index);
        onActivate(index);
        onRowMenu(index, { x: event.clientX, y: event.clientY });
      }}
    >
      <div className="list-sizer" role="presentation" style={{ blockSize: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <BulletinRowView
              key={item.key}
              row={row}
              id={rowId(item.index)}
              index={item.index}
              terms={terms}
              open={row.id === openId}
              selected={selectedIds.has(row.id)}
              active={item.index === activeIndex}
              start={item.start}
              measure={virtualizer.measureElement}
              handlers={handlers}
            />
          );
        })}
      </div>
    </div>
  );
}
