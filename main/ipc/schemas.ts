import { z } from 'zod';
import type { BulletinsApi } from '../../preload/api';
import type { Method } from '../../preload/channels';
import { exportRequestSchema } from '../export/options';
import { MAX_FILE_MEGABYTES } from '../importers/importFiles';

const view = z.enum(['all', 'unread', 'bookmarks']);
const id = z.string().min(1).max(200);
const facetValues = z.array(z.string().max(200)).max(50).optional();

// Base64 of a file at the import size cap, with room for padding; larger is refused here.
const MAX_DROPPED_BASE64 = Math.ceil((MAX_FILE_MEGABYTES * 1024 * 1024 * 4) / 3) + 4;
const droppedFile = z.strictObject({
  name: z.string().min(1).max(255),
  base64: z.string().max(MAX_DROPPED_BASE64),
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
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
  ]),
  search: z.tuple([
    z.strictObject({
      view,
      text: z.string().max(1000),
      sort: z.enum(['relevance', 'date']).optional(),
      facets: z
        .strictObject({
          source: facetValues,
          country: facetValues,
          year: facetValues,
          language: facetValues,
        })
        .optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
  ]),
  suggest: z.tuple([z.string().max(1000)]),
  recentSearches: z.tuple([]),
  rememberSearch: z.tuple([z.string().max(1000)]),
  searchStatus: z.tuple([]),
  get: z.tuple([id]),
  loadImages: z.tuple([id]),
  counts: z.tuple([]),
  toggleBookmark: z.tuple([id]),
  markRead: z.tuple([id, z.boolean()]),
  importFiles: z.tuple([]),
  importDropped: z.tuple([z.array(droppedFile).min(1).max(200)]),
  cancelImport: z.tuple([]),
  subscriptions: z.tuple([]),
  addSubscription: z.tuple([z.string().min(1).max(2048)]),
  renameSubscription: z.tuple([id, z.string().min(1).max(200)]),
  removeSubscription: z.tuple([id]),
  refreshSubscriptions: z.tuple([id.nullable()]),
  openExternal: z.tuple([z.string().max(8192)]),
  exportOptions: z.tuple([]),
  exportBulletins: z.tuple([exportRequestSchema]),
  cancelExport: z.tuple([]),
  revealExport: z.tuple([z.uuid()]),
  openExport: z.tuple([z.uuid()]),
  notices: z.tuple([]),
} satisfies { [M in Method]: z.ZodType<Parameters<BulletinsApi[M]>> };
