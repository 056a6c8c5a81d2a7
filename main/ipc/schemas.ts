import { z } from 'zod';
import type { BulletinsApi } from '../../preload/api';
import type { Method } from '../../preload/channels';

const view = z.enum(['all', 'unread', 'bookmarks']);
const id = z.string().min(1).max(200);
const facetValues = z.array(z.string().max(200)).max(50).optional();

/**
 * The arguments each channel accepts, checked before any handler runs. The
 * `satisfies` clause ties every schema to the preload's method signature, so
 * the contract and its validation cannot drift apart.
 */
export const argumentSchemas = {
  list: z.tuple([z.strictObject({ view })]),
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
    }),
  ]),
  suggest: z.tuple([z.string().max(1000)]),
  recentSearches: z.tuple([]),
  rememberSearch: z.tuple([z.string().max(1000)]),
  searchStatus: z.tuple([]),
  get: z.tuple([id]),
  counts: z.tuple([]),
  toggleBookmark: z.tuple([id]),
  markRead: z.tuple([id, z.boolean()]),
  importFiles: z.tuple([]),
  openExternal: z.tuple([z.string().max(8192)]),
} satisfies { [M in Method]: z.ZodType<Parameters<BulletinsApi[M]>> };
