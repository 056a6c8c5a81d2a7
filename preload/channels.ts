import type { BridgeErrorCode } from './contract';

/**
 * One named IPC channel per API method, shared by the preload (which invokes)
 * and main (which handles). Event topics travel on `event:<topic>`.
 */
export const channels = {
  list: 'bulletins:list',
  search: 'bulletins:search',
  suggest: 'search:suggest',
  recentSearches: 'search:recent',
  rememberSearch: 'search:remember',
  searchStatus: 'search:status',
  get: 'bulletins:get',
  loadImages: 'bulletins:loadImages',
  counts: 'library:counts',
  toggleBookmark: 'library:toggleBookmark',
  markRead: 'library:markRead',
  listIds: 'bulletins:listIds',
  setBookmarked: 'library:setBookmarked',
  setRead: 'library:setRead',
  setNote: 'library:setNote',
  collections: 'collections:list',
  createCollection: 'collections:create',
  renameCollection: 'collections:rename',
  deleteCollection: 'collections:delete',
  restoreCollection: 'collections:restore',
  addToCollection: 'collections:add',
  removeFromCollection: 'collections:remove',
  savedSearches: 'savedSearches:list',
  saveSearch: 'savedSearches:save',
  renameSavedSearch: 'savedSearches:rename',
  deleteSavedSearch: 'savedSearches:delete',
  restoreSavedSearch: 'savedSearches:restore',
  openSavedSearch: 'savedSearches:open',
  deleteBulletins: 'library:deleteBulletins',
  undoDelete: 'library:undoDelete',
  importFiles: 'import:chooseFiles',
  importDropped: 'import:dropped',
  cancelImport: 'import:cancel',
  subscriptions: 'subscriptions:list',
  addSubscription: 'subscriptions:add',
  addSubscriptions: 'subscriptions:addMany',
  renameSubscription: 'subscriptions:rename',
  removeSubscription: 'subscriptions:remove',
  setSubscriptionKeep: 'subscriptions:setKeep',
  refreshSubscriptions: 'subscriptions:refresh',
  openExternal: 'links:openExternal',
  exportOptions: 'export:options',
  exportBulletins: 'export:start',
  cancelExport: 'export:cancel',
  revealExport: 'export:reveal',
  openExport: 'export:open',
  shareBulletins: 'share:save',
  notices: 'notices:list',
  settings: 'settings:get',
  settingsLimits: 'settings:limits',
  saveSettings: 'settings:save',
  windowLayout: 'layout:get',
  saveWindowLayout: 'layout:save',
  keepOffline: 'offline:keep',
  keptArticle: 'offline:article',
  keepQueue: 'offline:queue',
  cancelKeeping: 'offline:cancel',
  retryKeeping: 'offline:retry',
  clearKeptFinished: 'offline:clearFinished',
  keptUsage: 'offline:usage',
  removeKept: 'offline:remove',
} as const;

export type Method = keyof typeof channels;

export const eventChannel = (topic: string): string => `event:${topic}`;

/** What every handler sends back: errors travel as data, never as stack traces. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: BridgeFailure };

/** A failed call, as data: a code the window branches on, and a translated sentence. */
export interface BridgeFailure {
  code: BridgeErrorCode;
  message: string;
}
