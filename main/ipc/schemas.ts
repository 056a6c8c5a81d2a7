import { z } from 'zod';
import type { BulletinsApi } from '../../preload/api';
import type { Method } from '../../preload/channels';
import { exportRequestSchema, exportScopeSchema } from '../export/options';
import { facetSelectionSchema, searchSortSchema } from '../search/requestSchema';
import { SETTINGS_LIMITS, settingsSchema } from '../store/schema';
import { windowLayoutSchema } from '../windows/windowLayout';

const id = z.string().min(1).max(200);
const view = z.union([
  z.enum(['all', 'unread', 'bookmarks']),
  z.templateLiteral(['collection:', z.string().min(1).max(200)]),
]);
/** A selection: every id of a view or its search results, at most every bulletin of a large archive. */
const ids = z.array(id).max(500_000);
const collectionName = z.string().max(1000);
const token = z.uuid();
const savedSearchQuery = z.strictObject({
  view,
  text: z.string().max(1000),
  sort: searchSortSchema,
  facets: facetSelectionSchema,
});

// Base64 of a file at the largest import cap the settings allow, with room for padding; larger is
// refused here, and a file over the user's own cap by the importer, with the sentence that names it.
const MAX_DROPPED_BASE64 = Math.ceil((SETTINGS_LIMITS.importCapMegabytes.max * 1024 * 1024 * 4) / 3) + 4;
const droppedFile = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  base64: z.string().max(MAX_DROPPED_BASE64),
});

/** What to keep of a bulletin offline (a selection, or a subscription's new items). */
const keepWhat = z.strictObject({ fullArticle: z.boolean(), images: z.boolean() });

const searchRequest = z.strictObject({
  view,
  text: z.string().max(1000),
  sort: searchSortSchema.optional(),
  facets: facetSelectionSchema.optional(),
  literal: z.boolean().optional(),
  // A page of results; `listIds` ignores them and answers every id.
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/**
 * The arguments each channel accepts, checked before any handler runs. The
 * `satisfies` clause ties every schema to the preload's method signature, so
 * the contract and its validation cannot drift apart.
 */
export const argumentSchemas = {
  list: z.tuple([
    z.strictObject({
      view,
      sort: z.enum(['published', 'added']).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
  ]),
  search: z.tuple([searchRequest]),
  suggest: z.tuple([z.string().max(1000)]),
  recentSearches: z.tuple([]),
  rememberSearch: z.tuple([z.string().max(1000)]),
  searchStatus: z.tuple([]),
  get: z.tuple([id]),
  loadImages: z.tuple([id]),
  counts: z.tuple([]),
  toggleBookmark: z.tuple([id]),
  markRead: z.tuple([id, z.boolean()]),
  listIds: z.tuple([searchRequest]),
  setBookmarked: z.tuple([ids, z.boolean()]),
  setRead: z.tuple([ids, z.boolean()]),
  // A note is the user's own text: long meeting notes fit, a pasted book does not.
  setNote: z.tuple([id, z.string().max(100_000)]),
  collections: z.tuple([]),
  createCollection: z.tuple([collectionName]),
  renameCollection: z.tuple([id, collectionName]),
  deleteCollection: z.tuple([id]),
  restoreCollection: z.tuple([token]),
  addToCollection: z.tuple([id, ids]),
  removeFromCollection: z.tuple([id, ids]),
  savedSearches: z.tuple([]),
  saveSearch: z.tuple([collectionName, savedSearchQuery]),
  renameSavedSearch: z.tuple([id, collectionName]),
  deleteSavedSearch: z.tuple([id]),
  restoreSavedSearch: z.tuple([token]),
  openSavedSearch: z.tuple([id]),
  deleteBulletins: z.tuple([ids]),
  undoDelete: z.tuple([token]),
  importFiles: z.tuple([]),
  importDropped: z.tuple([z.array(droppedFile).min(1).max(200)]),
  cancelImport: z.tuple([]),
  subscriptions: z.tuple([]),
  addSubscription: z.tuple([z.string().min(1).max(2048)]),
  // The feeds chosen among those of one import's subscription lists (each lists at most 500).
  addSubscriptions: z.tuple([
    z.array(z.object({ url: z.string().min(1).max(2048), title: z.string().max(200).optional() })).max(5_000),
  ]),
  renameSubscription: z.tuple([id, z.string().min(1).max(200)]),
  removeSubscription: z.tuple([id]),
  setSubscriptionKeep: z.tuple([id, keepWhat]),
  refreshSubscriptions: z.tuple([id.nullable()]),
  openExternal: z.tuple([z.string().max(8192)]),
  exportOptions: z.tuple([]),
  exportBulletins: z.tuple([exportRequestSchema]),
  cancelExport: z.tuple([]),
  revealExport: z.tuple([z.uuid()]),
  openExport: z.tuple([z.uuid()]),
  shareBulletins: z.tuple([
    z.union([exportScopeSchema, z.strictObject({ kind: z.literal('collection'), id })]),
  ]),
  notices: z.tuple([]),
  settings: z.tuple([]),
  settingsLimits: z.tuple([]),
  saveSettings: z.tuple([settingsSchema]),
  windowLayout: z.tuple([]),
  saveWindowLayout: z.tuple([windowLayoutSchema]),
  keepOffline: z.tuple([ids.min(1), keepWhat]),
  keptArticle: z.tuple([id]),
  keepQueue: z.tuple([]),
  cancelKeeping: z.tuple([ids.nullable()]),
  retryKeeping: z.tuple([ids.nullable()]),
  clearKeptFinished: z.tuple([]),
  keptUsage: z.tuple([]),
  removeKept: z.tuple([z.number().int().min(0).max(36_500)]),
} satisfies { [M in Method]: z.ZodType<Parameters<BulletinsApi[M]>> };
