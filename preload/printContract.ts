/**
 * What main hands the print window (renderer/print): one export, as plain
 * JSON. It travels through a one-off app:// address rather than IPC, so the
 * print window needs no preload and can call nothing in main.
 */

import type { FixedView } from './contract';

export type PrintOrigin =
  | { kind: 'view'; view: FixedView }
  | { kind: 'search'; view: FixedView; text: string }
  | { kind: 'ids'; label: string };

export interface PrintBulletin {
  /** The fragment the table of contents links to. */
  anchor: string;
  title: string;
  published: string;
  source: string;
  language: string;
  dir: 'ltr' | 'rtl';
  countries: string[];
  /** Untrusted: the print window sanitises it exactly as the reader does. */
  bodyHtml?: string;
  summary: string;
  link?: string;
  note?: string;
  /** Images kept offline, as data: URLs by the `src` the body gives them (an HTML export stays one file). */
  images?: Record<string, string>;
}

export interface PrintJob {
  title: string;
  /** The UI language the labels (cover, contents, "Page X of Y") are written in: "es", "ar-EG"… */
  language: string;
  /** ISO 8601 date-time. */
  exportedAt: string;
  origin: PrintOrigin;
  cover: boolean;
  tableOfContents: boolean;
  newPagePerBulletin: boolean;
  bulletins: PrintBulletin[];
}

/** What the print window's `printReady` promise resolves to. */
export type PrintReadiness = { ok: true; count: number } | { ok: false; reason: string };

/**
 * The global the print page sets to a Promise<PrintReadiness> and main awaits
 * (webContents.executeJavaScript). A type, so the renderer can name it without importing a value.
 */
export type PrintReadyGlobal = 'bulletinPrintReady';

/** The global function the print page sets, returning the laid-out page as one self-contained HTML file. */
export type PrintSnapshotGlobal = 'bulletinPrintSnapshot';
