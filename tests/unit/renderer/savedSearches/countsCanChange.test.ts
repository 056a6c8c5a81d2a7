import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../../preload/contract';
import { countsCanChange } from '../../../../renderer/savedSearches/countsCanChange';
import { COUNTS } from '../hooks/fakeBridge';
import { bookmark, imported, noted, readMark, savedSearch as saved } from './savedSearchFixtures';

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
    expect(countsCanChange(noted, [saved({ text: 'flood' })])).toBe(true);
    expect(countsCanChange(noted, [saved({ text: '  ' })])).toBe(false);
  });

  it('after a change that names no bulletins: an import, a delete, a saved search renamed', () => {
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
