import { describe, expect, it } from 'vitest';
import { MAX_ROWS, matchingIds } from '../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, fakeLibrary, searcher } from './searchHelpers';

// "Select all" and "Mark all read" act on every result, not only the rows the list was sent.

const FIRST = CORPUS[0] ?? fail();

describe('matchingIds', () => {
  it('lists every result, past the rows a search sends, in the order of those rows', async () => {
    const many = Array.from({ length: MAX_ROWS + 50 }, (_, n) => ({
      ...FIRST,
      id: `copy-${n}`,
      contentHash: `copy-${n}`,
      published: new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
    }));
    const index = createSearchIndex();
    await index.add(many);
    const library = fakeLibrary(many);
    const shown = await searcher(index, library)('Lajas Blancas', { sort: 'date' });
    const all = await matchingIds({ view: 'all', text: 'Lajas Blancas', sort: 'date' }, library, index);

    expect(shown.rows).toHaveLength(MAX_ROWS);
    expect(shown.total).toBe(many.length);
    expect(all).toHaveLength(many.length);
    expect(new Set(all).size).toBe(many.length);
    expect(all.slice(0, MAX_ROWS)).toEqual(shown.rows.map((row) => row.id));
  });

  it('keeps to the view and the facets, as the list does', async () => {
    const index = createSearchIndex();
    await index.add(CORPUS);
    const library = fakeLibrary(CORPUS, ['belize', 'haiti'], []);
    const search = searcher(index, library);
    const request = { view: 'bookmarks' as const, text: 'migrants' };
    expect(await matchingIds(request, library, index)).toEqual(
      (await search(request.text, request)).rows.map((row) => row.id),
    );

    const language = (await search('migrants')).facets?.language[0]?.value ?? fail();
    const faceted = { view: 'all' as const, text: 'migrants', facets: { language: [language] } };
    const ids = await matchingIds(faceted, library, index);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => library.get(id)?.language === language)).toBe(true);
  });
});
