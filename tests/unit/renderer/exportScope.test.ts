import { beforeAll, describe, expect, it } from 'vitest';
import { currentScope, defaultTitle } from '../../../renderer/export/exportScope';
import { uiI18n } from './uiI18n';

let i18n: Awaited<ReturnType<typeof uiI18n>>;

beforeAll(async () => {
  i18n = await uiI18n();
});

describe('export scope', () => {
  const nothing = { text: '', sort: 'relevance', facets: {} } as const;

  it('is the search with its facets and order when one is shown, else the view in its sort', () => {
    expect(currentScope({ view: 'bookmarks', listSort: 'added', search: nothing })).toEqual({
      kind: 'view',
      view: 'bookmarks',
      sort: 'added',
    });
    const search = { text: 'Panamá', sort: 'date' as const, facets: { country: ['Panama'] } };
    expect(currentScope({ view: 'unread', search })).toEqual({ kind: 'search', view: 'unread', ...search });
    // Searched as typed after a correction: the export is of those results, not corrected again.
    expect(currentScope({ view: 'all', search: { ...search, text: 'Tapachla', literal: true } })).toEqual({
      kind: 'search',
      view: 'all',
      ...search,
      text: 'Tapachla',
      literal: true,
    });
  });

  it('leaves a collection, and facets without words, to the ids the list stands for', () => {
    expect(currentScope({ view: 'collection:c1', search: nothing })).toBeNull();
    expect(currentScope({ view: 'collection:c1', search: { ...nothing, text: 'Darién' } })).toBeNull();
    expect(currentScope({ view: 'all', search: { ...nothing, facets: { year: ['2020'] } } })).toBeNull();
  });

  it('names the export after what the list shows', () => {
    expect(defaultTitle({ kind: 'view', view: 'bookmarks' }, i18n.t)).toBe('Bookmarks');
    expect(defaultTitle({ kind: 'search', view: 'all', text: 'Darién' }, i18n.t)).toBe(
      'Search for “Darién” in All bulletins',
    );
    expect(defaultTitle({ kind: 'ids', ids: ['a'], label: 'Trip to Darién' }, i18n.t)).toBe('Trip to Darién');
  });
});
