import { useLayoutEffect, useRef, useState, type DragEvent } from 'react';

/** What a row does when clicked, ticked, dragged or bookmarked; by index (or id), not per row. */
export interface RowHandlers {
  onOpen: (index: number) => void;
  /** Ctrl/Cmd-click or the checkbox: adds or removes the row from the selection. */
  onToggle: (index: number) => void;
  /** Shift-click: selects the range up to this row. */
  onExtend: (index: number) => void;
  /** A drag starts from this row: the ids it carries (the selection, when the row is in it). */
  onDragStart: (index: number, event: DragEvent<HTMLElement>) => void;
  /** The row's own bookmark toggle, for the pointer (the keyboard has B). */
  onToggleBookmark: (id: string) => void;
}

/**
 * The row handlers as one object that keeps its identity for the list's life, each call going to
 * the handler of the latest render. The window's hooks hand the list new closures on every render
 * (a key press, a mark's new counts); passed straight to the memoised rows, those made every row
 * on screen (30–40) render again for a change that concerns one or two of them.
 */
export function useRowHandlers(handlers: RowHandlers): RowHandlers {
  const latest = useRef(handlers);
  // Rows call these from events only, always after the commit that brought the latest handlers.
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const [stable] = useState<RowHandlers>(() => ({
    onOpen: (index) => latest.current.onOpen(index),
    onToggle: (index) => latest.current.onToggle(index),
    onExtend: (index) => latest.current.onExtend(index),
    onDragStart: (index, event) => latest.current.onDragStart(index, event),
    onToggleBookmark: (id) => latest.current.onToggleBookmark(id),
  }));
  return stable;
}
