/** A stretch of the window's height, in CSS pixels from its top. */
export interface Span {
  top: number;
  bottom: number;
}

/** Where a menu hung from its button goes: under it, or above it; and a height cap when neither fits it whole. */
export interface AnchoredPlace {
  above: boolean;
  maxHeight?: number;
}

/** The gap between the button and its menu, and between the menu and the edge it must stay within. */
const GAP = 4;

/**
 * Places a menu of `height` hung from `anchor` inside `bounds` (what of the window the user sees of
 * the button's scrolling container): under the button when it fits there, otherwise on the side with
 * more room, capped to that room (the menu scrolls inside). Never past the edge: in the sidebar a menu
 * that ran past it lengthened the sidebar's scroll instead of showing.
 */
export function placeAnchored(anchor: Span, height: number, bounds: Span): AnchoredPlace {
  const below = bounds.bottom - anchor.bottom - 2 * GAP;
  if (height <= below) return { above: false };
  const above = anchor.top - bounds.top - 2 * GAP;
  const up = above > below;
  const room = Math.max(0, up ? above : below);
  return height <= room ? { above: up } : { above: up, maxHeight: room };
}

/**
 * The part of the window's height in which `element` can be seen: the window, cut by every
 * ancestor that clips its content (a scrolling sidebar, a dialog).
 */
export function visibleSpan(element: Element): Span {
  let top = 0;
  let bottom = window.innerHeight;
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    if (getComputedStyle(ancestor).overflowY === 'visible') continue;
    const box = ancestor.getBoundingClientRect();
    top = Math.max(top, box.top);
    bottom = Math.min(bottom, box.bottom);
  }
  return { top, bottom };
}
