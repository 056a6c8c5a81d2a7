/**
 * The data that crosses the bridge between main and the renderer.
 *
 * Everything here is plain JSON (ISO date strings, arrays, plain objects) so the
 * same contract works over Electron IPC and over the test host. The methods
 * themselves are defined once, in `api.ts`; their types are inferred from it.
 */

import type { FacetSelection, Facets, IndexStatus, SearchHint, SearchSort } from './searchTypes';

export type * from './searchTypes';

/** A news bulletin as stored in the archive. */
export interface Bulletin {
  /** Stable: feed GUID, else canonical link, else a hash of source + date + title. */
  id: string;
  source: string;
  title: string;
  /** Plain text: the lead paragraph. */
  summary: string;
  /** Untrusted HTML from the source: sanitise wherever it is rendered. */
  bodyHtml?: string;
  link?: string;
  /** ISO 8601 date (YYYY-MM-DD) or date-time. */
  published: string;
  /** BCP 47 language tag, e.g. "en". */
  language: string;
  countries: string[];
  tags: string[];
  /** ISO 8601 date-time. */
  importedAt: string;
  contentHash: string;
}

/** One row of the bulletin list: enough to paint it without the body. */
export interface BulletinRow {
  id: string;
  title: string;
  published: string;
  source: string;
  language: string;
  /** The first line of the text, or the passage that matched a search. */
  excerpt: string;
  bookmarked: boolean;
  read: boolean;
}

/** A bulletin opened in the reading pane, with the user's marks on it. */
export interface BulletinDetail {
  bulletin: Bulletin;
  bookmarked: boolean;
  read: boolean;
}

/** The sidebar's views. */
export type View = 'all' | 'unread' | 'bookmarks';

export interface ListRequest {
  view: View;
}

export interface SearchRequest {
  view: View;
  text: string;
  /** Relevance (recency breaks ties) unless 'date'. */
  sort?: SearchSort;
  facets?: FacetSelection;
}

export interface ListResult {
  rows: BulletinRow[];
  /** Normalised words that matched (accent- and case-folded): what to highlight. */
  terms: string[];
  /** Searches only: all results (rows may stop short of it), facet counts, notes on the query. */
  total?: number;
  facets?: Facets;
  hints?: SearchHint[];
}

export interface Counts {
  all: number;
  unread: number;
  bookmarks: number;
}

export interface ImportedFile {
  /** File name without its folder: the renderer never sees paths. */
  name: string;
  added: number;
  unchanged: number;
  /** Set when the file was refused as a whole; a translated, user-facing sentence. */
  error?: string;
}

export interface ImportReport {
  files: ImportedFile[];
  added: number;
  unchanged: number;
}

/** What a failed call rejects with: a code to branch on and a translated message. */
export interface BridgeError {
  code: 'invalid-request' | 'forbidden' | 'not-found' | 'failed';
  message: string;
}

/** Events main pushes to the renderer, by topic. */
export interface Topics {
  /** The archive or the user's marks changed: reload lists and counts. */
  'library:changed': Counts;
  /** An import started from the menu, drag and drop or the OS finished. */
  'import:finished': ImportReport;
  /** A menu item that acts in the window (e.g. Edit > Find). */
  'menu:command': MenuCommand;
  /** The search index is being built (progress) or became ready. */
  'search:status': IndexStatus;
}

export type MenuCommand = 'find' | 'toggle-bookmark';
