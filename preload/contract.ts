/**
 * The data that crosses the bridge between main and the renderer.
 *
 * Everything here is plain JSON (ISO date strings, arrays, plain objects) so the
 * same contract works over Electron IPC and over the test host. The methods
 * themselves are defined once, in `api.ts`; their types are inferred from it.
 */

import type {
  FacetSelection,
  Facets,
  IndexStatus,
  SearchCorrection,
  SearchHint,
  SearchSort,
} from './searchTypes';

export type * from './searchTypes';
export type { Settings, SettingsLimits } from './settings';
export type { WindowLayout } from './windowLayout';

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
  /** The date as the source wrote it, when that differs from `published`. */
  publishedOriginal?: string;
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
  /** The user wrote a note on it. */
  noted: boolean;
}

/** A bulletin opened in the reading pane, with the user's marks on it. */
export interface BulletinDetail {
  bulletin: Bulletin;
  bookmarked: boolean;
  read: boolean;
  /** The user's note; empty when there is none. */
  note: string;
  /** Ids of the collections it is in. */
  collections: string[];
}

/** The sidebar's views: the fixed ones and one per collection (`collection:<id>`). */
export type View = FixedView | CollectionView;
export type FixedView = 'all' | 'unread' | 'bookmarks';
export type CollectionView = `collection:${string}`;

/**
 * A list's order, newest first: by date published, or by when the user added the bulletin
 * (bookmarked it, or put it in the collection). 'added' applies to bookmarks and collections only.
 */
export type ListSort = 'published' | 'added';

export interface ListRequest {
  view: View;
  /** Default 'published'. */
  sort?: ListSort;
  /** A page of the view (newest first): at 100,000 bulletins the whole list takes seconds to send. */
  offset?: number;
  limit?: number;
}

export interface SearchRequest {
  view: View;
  text: string;
  /** Relevance (recency breaks ties) unless 'date'. */
  sort?: SearchSort;
  facets?: FacetSelection;
  /** Search the words as typed: no spelling correction (the user asked for them after one). */
  literal?: boolean;
  /** A page of the results (200 rows from the first unless said): the total and facets count them all. */
  offset?: number;
  limit?: number;
}

export interface ListResult {
  rows: BulletinRow[];
  /** Normalised words that matched (accent- and case-folded): what to highlight. */
  terms: string[];
  /** All rows of the view or all search results, when `rows` stops short of them. */
  total?: number;
  /**
   * A first page answered while the archive is still opening: `total` is not known yet, and the
   * next page (which waits for the whole archive) brings it.
   */
  counting?: boolean;
  /** Searches only: facet counts and notes on the query. */
  facets?: Facets;
  hints?: SearchHint[];
  /** Searches only: the words typed were not in the archive, and likelier ones were searched. */
  correction?: SearchCorrection;
}

export interface Counts {
  all: number;
  unread: number;
  bookmarks: number;
  /** In the order the user made them. */
  collections: CollectionInfo[];
}

/** A collection as the sidebar shows it; counts leave out deleted bulletins. */
export interface CollectionInfo {
  id: string;
  name: string;
  count: number;
  unread: number;
  /** ISO date-time. */
  createdAt: string;
}

/** What a saved search searches: opened, it fills the view, search box, facets and order. */
export interface SavedSearchQuery {
  view: View;
  text: string;
  sort: SearchSort;
  facets: FacetSelection;
}

/** A saved search ("smart collection") as the sidebar shows it; counts leave out deleted bulletins. */
export interface SavedSearchInfo {
  id: string;
  name: string;
  query: SavedSearchQuery;
  count: number;
  /** Matches imported since the user last opened it. */
  fresh: number;
}

/** What `deleteBulletins` did: `undoToken` takes it back (it survives a restart). */
export interface DeleteReceipt {
  count: number;
  undoToken: string;
}

export interface ImportedFile {
  /** File name without its folder: the renderer never sees paths. */
  name: string;
  added: number;
  /** Already in the archive with other content: replaced, the user's marks kept. */
  updated: number;
  unchanged: number;
  /** Items left out while the rest of the file was imported (at most the first 50: see rejectedCount). */
  rejected: RejectedItem[];
  /** How many items were left out, when more than `rejected` lists. */
  rejectedCount?: number;
  /** Items that repeated an earlier item of the same file (same id) and were merged into it. */
  merged?: number;
  /** The first groups of those duplicates, each naming the item kept. */
  duplicates?: DuplicateGroup[];
  /**
   * For a subscription list (OPML): the feeds it names (web addresses, at most the first 500;
   * the others are in `rejected`). Nothing is subscribed until the user chooses among them.
   */
  feeds?: ListedFeed[];
  /** Set when the file was refused as a whole; a translated, user-facing sentence. */
  error?: string;
  /** A colleague's share file: who sent it, and what its notes, collection and bookmarks did. */
  share?: SharedImport;
}

/** What merging a share file did (main/share/mergeShare.ts). */
export interface SharedImport {
  sender: string;
  /** ISO date-time the sender made the file. */
  sentAt: string;
  /** Notes the user did not have. */
  notesNew: number;
  /** Notes kept beside the user's own, different one. */
  notesBeside: number;
  /** Notes the user already had. */
  notesSame: number;
  collection?: { name: string; created: boolean; added: number; already: number };
  /** `added` stays 0 unless the user took them when asked. */
  bookmarks: { offered: number; added: number; already: number };
}

/** A feed named by a subscription list, offered to the user to follow. */
export interface ListedFeed {
  url: string;
  title?: string;
}

export interface RejectedItem {
  /** The item's title when it has one, else its position ("item 3"). */
  item: string;
  /** A translated, user-facing sentence. */
  reason: string;
}

/** Items of one file sharing an id: the first was kept, `merged` others were merged into it. */
export interface DuplicateGroup {
  /** The kept item's title, else its position ("item 3"). */
  kept: string;
  merged: number;
}

export interface ImportReport {
  files: ImportedFile[];
  added: number;
  updated: number;
  unchanged: number;
  /** The user stopped the import: `files` lists those done before. */
  cancelled?: boolean;
}

/** How far a running import is: `done` of `total` files, `file` the one being read. */
export interface ImportProgress {
  done: number;
  total: number;
  file?: string;
}

/** A file dropped on the window, as bytes: the renderer never sees paths. */
export interface DroppedFile {
  name: string;
  /** Bytes on disk: a file over the import limit is sent with its size only (`base64` empty). */
  size: number;
  /** The file's bytes, base64: the bridge carries plain JSON only. */
  base64: string;
}

/** A feed the user follows, as the window shows it. */
export interface SubscriptionInfo {
  id: string;
  url: string;
  title: string;
  /** ISO date-time of the last refresh that worked. */
  lastSuccess?: string;
  /** What went wrong the last time, in words; absent when the last refresh worked. */
  lastError?: string;
  /** What of its new items is kept offline after each refresh (both false: nothing). */
  keep: KeepWhat;
}

export interface SubscriptionList {
  /** Offline is normal: the window says so quietly, and refreshes wait. */
  online: boolean;
  feeds: SubscriptionInfo[];
}

/**
 * The kinds of failure a call can reject with (see `BridgeError` in preload/api.ts).
 * `superseded`: a newer search from the same window replaced this one before it was answered.
 */
export type BridgeErrorCode =
  'invalid-request' | 'forbidden' | 'not-found' | 'disk-full' | 'superseded' | 'failed';

/** A bulletin's marks, as a row and the reading pane show them. */
export interface Marks {
  bookmarked: boolean;
  read: boolean;
  /** The user wrote a note on it. */
  noted: boolean;
}

/**
 * What changed in the library, said by main once per change (main/ipc/changeEvents.ts): the
 * window patches what it holds instead of asking again, and reloads a list only when its
 * membership can have changed.
 */
export interface LibraryChange {
  /** The bulletins whose marks changed; empty when the change is not about marks. */
  ids: string[];
  /** The marks' new values, the same for every id in `ids`. */
  marks: Partial<Marks>;
  /** A collection's membership changed for `ids`. */
  collection?: { id: string; member: boolean };
  /** The sidebar's numbers after the change. */
  counts: Counts;
  /**
   * Views whose list can have gained or lost bulletins: 'every' when the archive itself changed
   * (import, delete, undo, restore). A search in a view follows its view, and any search that
   * filters by marks (`is:`, `in:`) follows every change of marks.
   */
  membership: 'every' | View[];
  /** An import: how many bulletins came in or were corrected. */
  archive?: { added: number; updated: number };
}

/** Events main pushes to the renderer, by topic. */
export interface Topics {
  /** The archive or the user's marks changed, and how. */
  'library:changed': LibraryChange;
  /** An import started from the menu, drag and drop or the OS finished. */
  'import:finished': ImportReport;
  /** A running import moved on to its next file. */
  'import:progress': ImportProgress;
  /** Subscriptions were added, renamed, removed or refreshed. */
  'subscriptions:changed': SubscriptionList;
  /** A menu item that acts in the window (e.g. Edit > Find). */
  'menu:command': MenuCommand;
  /** How far the running export has got. */
  'export:progress': ExportProgress;
  /** Something main has to tell the user (a file recovered at start, a full disk, a restore). */
  'notice:added': AppNotice;
  /** The search index is being built (progress) or became ready. */
  'search:status': IndexStatus;
  /** The keep-offline queue moved: the jobs queued, started, kept, failed, cancelled or forgotten. */
  'offline:changed': KeepQueueChange;
}

/** What to keep of a bulletin offline: the page its link leads to, its images, or both. */
export interface KeepWhat {
  fullArticle: boolean;
  images: boolean;
}

/** One bulletin in the keep-offline queue. */
export interface KeepJob extends KeepWhat {
  bulletinId: string;
  title: string;
  host: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Why it failed: an i18n key under `offline.problems.`. */
  problem?: string;
}

/** How many jobs of the queue are in each state, and whether the queue can run (online). */
export interface KeepQueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
  cancelled: number;
  online: boolean;
}

/** The whole queue: what the window asks for once, then patches with KeepQueueChange. */
export interface KeepQueueStatus extends KeepQueueCounts {
  jobs: KeepJob[];
}

/** One move of the queue: only the jobs it changed (new ones last), the ones it forgot, and the counts after. */
export interface KeepQueueChange extends KeepQueueCounts {
  changed: KeepJob[];
  /** Bulletin ids of jobs no longer in the queue (cleared, or the oldest finished ones). */
  removed: string[];
}

/** A kept bulletin as the reader shows it. */
export interface KeptView {
  keptAt: string;
  /** The page the article was read from. */
  url: string;
  /** The full article, sanitised; absent when only images were kept. */
  html?: string;
  /** Kept images by the `src` the article or the feed's text gives them, as paths on the window's own origin (/kept/…). */
  images: Record<string, string>;
  /** What could not be kept, and why (`problem`: an i18n key under `offline.problems.`). */
  refused: { src: string; problem: string }[];
}

/** What kept content takes on disk. */
export interface KeptUsage {
  articles: number;
  bytes: number;
}

/** A message from main for the notices corner, already translated. */
export interface AppNotice {
  /** Unique for the app's run: the same notice from `notices()` and from the topic is shown once. */
  id: number;
  kind: 'info' | 'warning' | 'error';
  message: string;
  details: string[];
}

export type MenuCommand =
  | 'find'
  | 'toggle-bookmark'
  | 'toggle-read'
  | 'delete'
  | 'keep-offline'
  | 'export'
  | 'share'
  | 'settings'
  | 'mark-all-read'
  | 'select-all'
  | 'save-search'
  | 'keyboard-shortcuts'
  | 'text-larger'
  | 'text-smaller'
  | 'text-reset';

/**
 * Which bulletins to export. `ids` is for a selection or a collection (their
 * order is kept, and the label names them); the others name what the list shows.
 */
export type ExportScope =
  | { kind: 'view'; view: FixedView; sort?: ListSort }
  | {
      kind: 'search';
      view: FixedView;
      text: string;
      sort?: SearchSort;
      facets?: FacetSelection;
      /** The words as typed, not corrected (see SearchRequest). */
      literal?: boolean;
    }
  | { kind: 'ids'; ids: string[]; label: string };

/** What Share… writes: what an export covers, or a collection (its name goes with it). */
export type ShareScope = ExportScope | { kind: 'collection'; id: string };

/** What Share… came to; `fileName` without its folder. */
export type ShareOutcome = { status: 'done'; fileName: string; count: number } | { status: 'empty' };

export type ExportFormat = 'pdf' | 'html' | 'markdown' | 'json';

/** The choices of the export dialog; all but the title are remembered between exports. */
export interface ExportOptions {
  format: ExportFormat;
  title: string;
  cover: boolean;
  tableOfContents: boolean;
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
  includeLinks: boolean;
  includeNotes: boolean;
  /** Each bulletin starts a new page; otherwise they flow one after another. */
  newPagePerBulletin: boolean;
}

export interface ExportRequest {
  scope: ExportScope;
  options: ExportOptions;
}

export type ExportPhase = 'preparing' | 'rendering' | 'printing' | 'writing';

export interface ExportProgress {
  phase: ExportPhase;
  /** 0 to 1. */
  fraction: number;
}

/** What an export came to. `exportId` names the file for reveal/open: the renderer never sees its path. */
export type ExportOutcome =
  | { status: 'done'; exportId: string; fileName: string; count: number }
  | { status: 'cancelled' }
  | { status: 'empty' };
