import { z } from 'zod';
import type { ExportOptions, ExportRequest, ExportScope } from '../../preload/contract';
import { facetSelectionSchema, searchSortSchema } from '../search/requestSchema';

const view = z.enum(['all', 'unread', 'bookmarks']);

/** The longest title the cover and the page header are laid out for. */
export const TITLE_MAX = 200;
/** A selection larger than the whole archive is certainly not one. */
const IDS_MAX = 500_000;

export const exportOptionsSchema = z.strictObject({
  format: z.enum(['pdf', 'html', 'markdown', 'json']),
  title: z.string().trim().min(1).max(TITLE_MAX),
  cover: z.boolean(),
  tableOfContents: z.boolean(),
  pageSize: z.enum(['A4', 'Letter']),
  landscape: z.boolean(),
  includeLinks: z.boolean(),
  includeNotes: z.boolean(),
  newPagePerBulletin: z.boolean(),
}) satisfies z.ZodType<ExportOptions>;

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('view'), view, sort: z.enum(['published', 'added']).optional() }),
  z.strictObject({
    kind: z.literal('search'),
    view,
    text: z.string().min(1).max(1000),
    sort: searchSortSchema.optional(),
    facets: facetSelectionSchema.optional(),
    literal: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('ids'),
    ids: z.array(z.string().min(1).max(200)).min(1).max(IDS_MAX),
    label: z.string().max(TITLE_MAX),
  }),
]) satisfies z.ZodType<ExportScope>;

export const exportRequestSchema = z.strictObject({
  scope: exportScopeSchema,
  options: exportOptionsSchema,
}) satisfies z.ZodType<ExportRequest>;

/** What a first export offers. A4 is the paper of most of the countries our staff work in. */
export function defaultExportOptions(title: string): ExportOptions {
  return {
    format: 'pdf',
    title,
    cover: true,
    tableOfContents: true,
    pageSize: 'A4',
    landscape: false,
    includeLinks: true,
    includeNotes: true,
    newPagePerBulletin: true,
  };
}

/** The remembered part of the options: everything but the title, which belongs to each export. */
export type RememberedOptions = Omit<ExportOptions, 'title'>;

export const rememberedOptionsSchema = exportOptionsSchema.omit({ title: true });

export function remembered(options: ExportOptions): RememberedOptions {
  const { title, ...rest } = options;
  void title;
  return rest;
}
