import type { LibraryChange, SavedSearchInfo, SavedSearchQuery } from '../../../../preload/contract';
import { COUNTS } from '../hooks/fakeBridge';

/** A saved search of "flood" over every bulletin, with what `query` changes. */
export const savedSearch = (query: Partial<SavedSearchQuery> = {}): SavedSearchInfo => ({
  id: 's1',
  name: 'Floods',
  query: { view: 'all', text: 'flood', sort: 'relevance', facets: {}, ...query },
  count: 4,
  fresh: 0,
});

/** The library's change events a saved search's count may follow, or not. */
export const readMark: LibraryChange = {
  ids: ['b1'],
  marks: { read: true },
  counts: COUNTS,
  membership: ['unread'],
};
export const bookmark: LibraryChange = {
  ids: ['b1'],
  marks: { bookmarked: true },
  counts: COUNTS,
  membership: ['bookmarks'],
};
export const noted: LibraryChange = { ids: ['b1'], marks: { noted: true }, counts: COUNTS, membership: [] };
/** An import (or a delete): no bulletin named, every view may have changed. */
export const imported: LibraryChange = { ids: [], marks: {}, counts: COUNTS, membership: 'every' };
