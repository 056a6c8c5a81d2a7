import { z } from 'zod';
import type { FacetSelection, SearchSort } from '../../preload/contract';

// How a search is narrowed and ordered, as the window sends it: for a search and for the export of one.

export const searchSortSchema = z.enum(['relevance', 'date']) satisfies z.ZodType<SearchSort>;

const facetValues = z.array(z.string().max(200)).max(50).optional();

export const facetSelectionSchema = z.strictObject({
  source: facetValues,
  country: facetValues,
  year: facetValues,
  language: facetValues,
}) satisfies z.ZodType<FacetSelection>;
