import { ipcRenderer } from 'electron';
import { channels, eventChannel, type BridgeFailure, type Reply } from './channels';
import type {
  AppNotice,
  BulletinDetail,
  CollectionInfo,
  Counts,
  DeleteReceipt,
  ExportOptions,
  ExportOutcome,
  ExportRequest,
  DroppedFile,
  ImportReport,
  IndexStatus,
  KeepQueueStatus,
  KeepWhat,
  KeptUsage,
  KeptView,
  ListRequest,
  ListResult,
  SearchRequest,
  Settings,
  SettingsLimits,
  ShareOutcome,
  ShareScope,
  SubscriptionList,
  ListedFeed,
  SavedSearchInfo,
  SavedSearchQuery,
  Topics,
  WindowLayout,
} from './contract';

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply<T>;
  if (reply.ok) return reply.value;
  // contextBridge copies an Error's message only (its other properties are lost on the way), so
  // the failure crosses as plain data; the window's bridge() turns it back into an Error with its code.
  const failure: BridgeFailure = { code: reply.error.code, message: reply.error.message };
  return Promise.reject(failure);
}

/**
 * The renderer's whole view of the app, exposed as `window.bulletins`.
 * Its type (`BulletinsApi`) is inferred from this object: one source of truth.
 */
export const api = {
  /** Rows of a sidebar view, newest first. */
  list: (request: ListRequest) => invoke<ListResult>(channels.list, request),
  /** Full-text search within a view, best match first. */
  search: (request: SearchRequest) => invoke<ListResult>(channels.search, request),
  /** Completions of the words being typed, best first. */
  suggest: (text: string) => invoke<string[]>(channels.suggest, text),
  /** The last searches, newest first. */
  recentSearches: () => invoke<string[]>(channels.recentSearches),
  /** Remembers a search the user settled on; resolves to the updated list. */
  rememberSearch: (text: string) => invoke<string[]>(channels.rememberSearch, text),
  /** Whether the search index is ready or still being built. */
  searchStatus: () => invoke<IndexStatus>(channels.searchStatus),
  /** One bulletin with its body, or null when it no longer exists. */
  get: (id: string) => invoke<BulletinDetail | null>(channels.get, id),
  /**
   * The bulletin's remote images, fetched by main on the user's request, as data: URLs keyed by
   * the `src` in its body (the renderer never reaches the network). Missing keys failed to load.
   */
  loadImages: (id: string) => invoke<Record<string, string>>(channels.loadImages, id),
  counts: () => invoke<Counts>(channels.counts),
  /** Resolves to the new state: true when now bookmarked. */
  toggleBookmark: (id: string) => invoke<boolean>(channels.toggleBookmark, id),
  markRead: (id: string, read: boolean) => invoke<undefined>(channels.markRead, id, read),
  /**
   * Every id of a view (`text` '' and no facets) or of a search in it, in the order the list
   * shows them: what "select all" and "mark all read" act on when the list holds only some rows.
   */
  listIds: (request: SearchRequest) => invoke<string[]>(channels.listIds, request),
  /** Bookmarks or un-bookmarks many bulletins at once; resolves to the ids that changed. */
  setBookmarked: (ids: string[], bookmarked: boolean) =>
    invoke<string[]>(channels.setBookmarked, ids, bookmarked),
  /** Marks many bulletins read or unread at once; resolves to the ids that changed. */
  setRead: (ids: string[], read: boolean) => invoke<string[]>(channels.setRead, ids, read),
  /** Saves the user's note on a bulletin as typed; a blank text removes it. */
  setNote: (id: string, text: string) => invoke<undefined>(channels.setNote, id, text),
  /** The user's collections, in the order made, with their counts. */
  collections: () => invoke<CollectionInfo[]>(channels.collections),
  /** Rejects with a translated message when the name is empty or already taken. */
  createCollection: (name: string) => invoke<CollectionInfo>(channels.createCollection, name),
  renameCollection: (id: string, name: string) => invoke<undefined>(channels.renameCollection, id, name),
  /** Resolves to an undo token for `restoreCollection` (valid until the app quits). */
  deleteCollection: (id: string) => invoke<string>(channels.deleteCollection, id),
  /** Puts a deleted collection back with its bulletins; false when the token is unknown. */
  restoreCollection: (undoToken: string) => invoke<boolean>(channels.restoreCollection, undoToken),
  /** Resolves to how many were not in the collection yet. Any number of ids, one write. */
  addToCollection: (collectionId: string, ids: string[]) =>
    invoke<number>(channels.addToCollection, collectionId, ids),
  /** Resolves to how many were in it. */
  removeFromCollection: (collectionId: string, ids: string[]) =>
    invoke<number>(channels.removeFromCollection, collectionId, ids),
  /** The saved searches, in the order made, with their counts and new matches. */
  savedSearches: () => invoke<SavedSearchInfo[]>(channels.savedSearches),
  /** Keeps a search under a name; rejects with a translated message when the name is empty or taken. */
  saveSearch: (name: string, query: SavedSearchQuery) =>
    invoke<SavedSearchInfo>(channels.saveSearch, name, query),
  renameSavedSearch: (id: string, name: string) => invoke<undefined>(channels.renameSavedSearch, id, name),
  /** Resolves to an undo token for `restoreSavedSearch` (valid until the app quits). */
  deleteSavedSearch: (id: string) => invoke<string>(channels.deleteSavedSearch, id),
  /** Puts a deleted saved search back; false when the token is unknown. */
  restoreSavedSearch: (undoToken: string) => invoke<boolean>(channels.restoreSavedSearch, undoToken),
  /** Notes it opened now (its new matches count from here); resolves to what it searches. */
  openSavedSearch: (id: string) => invoke<SavedSearchQuery>(channels.openSavedSearch, id),
  /** Hides bulletins everywhere (bookmarks, notes and collections keep them for undo). */
  deleteBulletins: (ids: string[]) => invoke<DeleteReceipt>(channels.deleteBulletins, ids),
  /** Brings back what one `deleteBulletins` call hid; resolves to how many came back. */
  undoDelete: (undoToken: string) => invoke<number>(channels.undoDelete, undoToken),
  /** Asks for files with the system dialog and imports them; null when the user cancels. */
  importFiles: () => invoke<ImportReport | null>(channels.importFiles),
  /** Imports files dropped on the window, sent as bytes (no paths cross the bridge). */
  importDropped: (files: DroppedFile[]) => invoke<ImportReport>(channels.importDropped, files),
  /** Stops the running import after the file in hand; the report says `cancelled`. */
  cancelImport: () => invoke<undefined>(channels.cancelImport),
  subscriptions: () => invoke<SubscriptionList>(channels.subscriptions),
  /** Follows a feed by its web address and fetches it at once. */
  addSubscription: (url: string) => invoke<SubscriptionList>(channels.addSubscription, url),
  /** Follows the feeds the user chose from an imported subscription list (OPML), in one write. */
  addSubscriptions: (feeds: ListedFeed[]) => invoke<SubscriptionList>(channels.addSubscriptions, feeds),
  renameSubscription: (id: string, title: string) =>
    invoke<SubscriptionList>(channels.renameSubscription, id, title),
  removeSubscription: (id: string) => invoke<SubscriptionList>(channels.removeSubscription, id),
  /** What of a subscription's new items to keep offline after each refresh. */
  setSubscriptionKeep: (id: string, keep: KeepWhat) =>
    invoke<SubscriptionList>(channels.setSubscriptionKeep, id, keep),
  /** Refreshes one subscription now, or all of them (null). */
  refreshSubscriptions: (id: string | null) => invoke<SubscriptionList>(channels.refreshSubscriptions, id),
  /** Asks the user to confirm the real address, then opens it in the system browser. */
  openExternal: (url: string) => invoke<boolean>(channels.openExternal, url),
  /** The export dialog's last choices (the title is the caller's). */
  exportOptions: () => invoke<ExportOptions>(channels.exportOptions),
  /** Remembers the options, asks where to save, then writes the file; null when the user cancels the save dialog. */
  exportBulletins: (request: ExportRequest) =>
    invoke<ExportOutcome | null>(channels.exportBulletins, request),
  /** Stops the running export; nothing is left on disk. */
  cancelExport: () => invoke<undefined>(channels.cancelExport),
  /** Shows a finished export in the system's file manager. */
  revealExport: (exportId: string) => invoke<undefined>(channels.revealExport, exportId),
  /** Opens a finished export in the system's viewer. */
  openExport: (exportId: string) => invoke<undefined>(channels.openExport, exportId),
  /**
   * Share…: writes the bulletins with the user's notes and bookmarks (and a collection's name) as
   * one file for a colleague, where the save dialog says; null when the user cancels it.
   */
  shareBulletins: (scope: ShareScope) => invoke<ShareOutcome | null>(channels.shareBulletins, scope),
  /** Every notice main has given since it started, so none is missed before the window subscribed. */
  notices: () => invoke<AppNotice[]>(channels.notices),
  /** File › Settings…: the import size cap and how often subscriptions refresh. */
  settings: () => invoke<Settings>(channels.settings),
  /** The range each setting accepts, for the dialog to say and check. */
  settingsLimits: () => invoke<SettingsLimits>(channels.settingsLimits),
  /** Saves and applies them at once; resolves to what was saved. Out-of-range values are refused. */
  saveSettings: (settings: Settings) => invoke<Settings>(channels.saveSettings, settings),
  /** The text size and pane widths the user last chose (answered before the library has opened). */
  windowLayout: () => invoke<WindowLayout>(channels.windowLayout),
  /** Remembers them; resolves to what was saved. Values out of bounds are refused. */
  saveWindowLayout: (layout: WindowLayout) => invoke<WindowLayout>(channels.saveWindowLayout, layout),
  /** Queues bulletins to keep offline (their full article, their images); the queue runs in main. */
  keepOffline: (ids: string[], what: KeepWhat) => invoke<undefined>(channels.keepOffline, ids, what),
  /** What is kept of a bulletin, or null when nothing is. */
  keptArticle: (id: string) => invoke<KeptView | null>(channels.keptArticle, id),
  keepQueue: () => invoke<KeepQueueStatus>(channels.keepQueue),
  /** Cancels the given jobs (null: every queued or running one). */
  cancelKeeping: (ids: string[] | null) => invoke<undefined>(channels.cancelKeeping, ids),
  /** Queues failed or cancelled jobs again (null: all of them). */
  retryKeeping: (ids: string[] | null) => invoke<undefined>(channels.retryKeeping, ids),
  clearKeptFinished: () => invoke<undefined>(channels.clearKeptFinished),
  /** What kept content takes on disk. */
  keptUsage: () => invoke<KeptUsage>(channels.keptUsage),
  /** Removes content kept more than `days` days ago (0: all of it); resolves to what remains. */
  removeKept: (days: number) => invoke<KeptUsage>(channels.removeKept, days),
  /** Listens to an event from main; returns the function that stops listening. */
  subscribe<K extends keyof Topics>(topic: K, listener: (payload: Topics[K]) => void): () => void {
    const channel = eventChannel(topic);
    // The listener never sees the IpcRendererEvent (it carries `sender`, a way back into IPC).
    const forward = (_event: unknown, payload: Topics[K]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

export type BulletinsApi = typeof api;
