import { WINDOW_LAYOUT_LIMITS } from '../../preload/windowLayout';

/** Below this the reading pane's lines get too short to read (about 35 characters). */
export const READER_MIN_WIDTH = 320;
/** The splitter's own width in the panes' grid. */
const SPLITTER_WIDTH = 5;
/** A sidebar nobody has resized: wide enough for "Todos los boletines 10,000". */
export const DEFAULT_SIDEBAR_WIDTH = 216;

/** A pane's width as shown, and the range its splitter allows at the window's present size. */
export interface ShownWidth {
  width: number;
  min: number;
  max: number;
}

/**
 * The list's width as shown: the width asked for (else two fifths of the panes, 280 to 420 px),
 * narrowed so the reading pane keeps READER_MIN_WIDTH in `panesWidth` (the list, the splitter and
 * the reader together). The width asked for is kept, so the list grows back to it when the window
 * does.
 */
export function shownListWidth(asked: number | undefined, panesWidth: number): ShownWidth {
  const { min, max: limit } = WINDOW_LAYOUT_LIMITS.listWidth;
  const max = Math.max(min, Math.min(limit, panesWidth - SPLITTER_WIDTH - READER_MIN_WIDTH));
  const wanted = asked ?? Math.max(280, Math.min(420, panesWidth * 0.4));
  return { width: Math.round(Math.max(min, Math.min(max, wanted))), min, max };
}

/** The docked sidebar's width (docked only in windows wide enough for its widest). */
export function shownSidebarWidth(asked: number | undefined): ShownWidth {
  const { min, max } = WINDOW_LAYOUT_LIMITS.sidebarWidth;
  const wanted = asked ?? DEFAULT_SIDEBAR_WIDTH;
  return { width: Math.round(Math.max(min, Math.min(max, wanted))), min, max };
}
