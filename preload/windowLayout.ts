/**
 * How the user has laid out the window: the text size of the list and the reading pane (View ›
 * Larger Text…, Ctrl/Cmd + − 0) and the widths they dragged the panes to. Remembered across
 * restarts; each width is the one asked for, which the window narrows to fit and grows back to.
 */
export interface WindowLayout {
  /** Percent of the normal text size. */
  textSize: number;
  /** The list pane's width in CSS pixels; absent: about a third of the window. */
  listWidth?: number;
  /** The sidebar's width in CSS pixels, when it is docked; absent: its default. */
  sidebarWidth?: number;
}

/** The bounds main stores and the window keeps to (percent, CSS pixels). */
export const WINDOW_LAYOUT_LIMITS = {
  textSize: { min: 80, max: 200 },
  listWidth: { min: 260, max: 720 },
  sidebarWidth: { min: 176, max: 360 },
} as const;

export const DEFAULT_WINDOW_LAYOUT: WindowLayout = { textSize: 100 };
