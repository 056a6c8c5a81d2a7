// Who is who: the live windows and web contents, and how to find them from a Chromium page or target.

/** @typedef {import('./browser-window.mjs').BrowserWindow} BrowserWindow */
/** @typedef {import('./web-contents.mjs').WebContents} WebContents */

/** Live windows, oldest first (Electron's getAllWindows order). */
/** @type {BrowserWindow[]} */
export const windows = [];

/** @type {WebContents[]} */
export const allContents = [];

/** @type {Map<import('playwright-core').Page, WebContents>} */
export const contentsByPage = new Map();

/** @type {Map<string, WebContents>} */
export const contentsByTarget = new Map();

/** The window that last received focus, input or show(): Electron's focused window. */
/** @type {{ window: BrowserWindow | null }} */
export const focus = { window: null };

/**
 * @template T
 * @param {T[]} list
 * @param {T} item
 */
export function removeFrom(list, item) {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}
