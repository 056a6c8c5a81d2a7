import { describe, expect, it } from 'vitest';
import type { LibraryChange, SavedSearchInfo, SavedSearchQuery } from '../../../../preload/contract';
import { countsCanChange } from '../../../../renderer/savedSearches/countsCanChange';

const COUNTS = { all: 0, unread: 0, bookmarks: 0, collections: [] };
const saved = (query: Partial<SavedSearchQuery>): SavedSearchInfo => ({
  id: 's1',
  name: 'Saved',
  query: { view: 'all', text: 'flood', sort: 'relevance', facets: {}, ...query },
  count: 3,
  fresh: 0,
});
const readMark: LibraryChange = {
  ids: ['b1'],
  marks: { read: true },
  counts: COUNTS,
  membership: ['unread'],
};
const bookmark: LibraryChange = {
  ids: ['b1'],
  marks: { bookmarked: true },
  counts: COUNTS,
  membership: ['bookmarks'],
};
const note: LibraryChange = { ids: ['b1'], marks: { noted: true }, counts: COUNTS, membership: [] };

describe('when the saved searches are asked for again', () => {
  it('not after a read mark or a bookmark that no saved search follows', () => {
    const searches = [saved({}), saved({ view: 'collection:c1' })];
    expect(countsCanChange(readMark, searches)).toBe(false);
    expect(countsCanChange(bookmark, searches)).toBe(false);
  });

  it('after a mark that a saved search follows, by its view or by is:/in: in its words', () => {
    expect(countsCanChange(readMark, [saved({ view: 'unread' })])).toBe(true);
    expect(countsCanChange(bookmark, [saved({ view: 'bookmarks' })])).toBe(true);
    expect(countsCanChange(readMark, [saved({ text: 'flood is:unread' })])).toBe(true);
  });

  it('after a note changes, when a saved search searches words (notes are searched too)', () => {
    expect(countsCanChange(note, [saved({ text: 'flood' })])).toBe(true);
    expect(countsCanChange(note, [saved({ text: '  ' })])).toBe(false);
  });

  it('after a change that names no bulletins: an import, a delete, a saved search renamed', () => {
    const imported: LibraryChange = { ids: [], marks: {}, counts: COUNTS, membership: 'every' };
    const renamed: LibraryChange = { ids: [], marks: {}, counts: COUNTS, membership: [] };
    expect(countsCanChange(imported, [])).toBe(true);
    expect(countsCanChange(renamed, [saved({})])).toBe(true);
  });

  it('after bulletins join a collection that a saved search shows', () => {
    const joined: LibraryChange = {
      ids: ['b1'],
      marks: {},
      collection: { id: 'c1', member: true },
      counts: COUNTS,
      membership: ['collection:c1'],
    };
    expect(countsCanChange(joined, [saved({ view: 'collection:c1' })])).toBe(true);
    expect(countsCanChange(joined, [saved({ view: 'collection:c2' })])).toBe(false);
  });
});
