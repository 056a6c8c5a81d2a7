import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../../preload/contract';
import { parseQuery } from '../../../main/search/queryParser';
import { runSearch, type Matcher } from '../../../main/search/runSearch';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, fakeLibrary, searcher } from './searchHelpers';

const index = createSearchIndex();
await index.add(CORPUS);
const library = fakeLibrary(CORPUS, ['belize', 'haiti'], ['darien'], {
  notes: { peru: 'Follow up: call the kiosk in Lima' },
  collections: { 'Border reports': ['darien', 'mexico'] },
});

/** The same search through the Bulletin objects: the index's matcher without its numbered results. */
function throughBulletins(text: string, request: Partial<SearchRequest> = {}) {
  const matcher = index.matcher();
  const plain: Matcher = {
    match: (query, fuzzy) => {
      const found = matcher.match(query, fuzzy);
      return { candidates: found.candidates, termsOf: found.termsOf };
    },
    idsWithWord: matcher.idsWithWord,
  };
  const answer = runSearch(
    parseQuery(text),
    {
      matcher: plain,
      get: library.get,
      inView: () => library.bulletins(request.view ?? 'all'),
      isBookmarked: library.isBookmarked,
      isRead: library.isRead,
      notes: library.notes(),
    },
    { sort: request.sort ?? 'relevance', facets: request.facets ?? {}, offset: 0, limit: 200 },
  );
  return { ids: answer.hits.map((hit) => hit.bulletin.id), total: answer.total, facets: answer.facets };
}

describe('search on the index columns answers as the search on the bulletins', () => {
  const search = searcher(index, library);
  const cases: Array<[string, Partial<SearchRequest>]> = [
    ['migrants', {}],
    ['migra', { sort: 'date' }],
    ['migration country:panama', {}],
    ['migrants source:"oim"', {}],
    ['migrants lang:es', {}],
    ['migrants after:2020 before:2023', { sort: 'date' }],
    ['migrants is:bookmarked', {}],
    ['migrants is:unread', {}],
    ['kiosk', {}],
    ['migrants -cash', {}],
    ['"reception station"', {}],
    ['migrants', { facets: { language: ['es'] } }],
    ['migrants', { facets: { year: ['2021', '2022'], country: ['Haïti'] } }],
    ['', { facets: { language: ['es'] } }],
    ['is:unread lang:es', { sort: 'date' }],
    ['country:panama after:2019', {}],
  ];
  it.each(cases)('%s %j', (text, request) => {
    const expected = throughBulletins(text, request);
    const answer = search(text, request);
    expect(expected.total).toBeGreaterThan(0);
    expect(answer.rows.map((row) => row.id)).toEqual(expected.ids);
    expect(answer.total).toBe(expected.total);
    expect(answer.facets).toEqual(expected.facets);
    expect(expected).toMatchSnapshot();
  });
});

describe('while the index builds, the scan answers through the same pipeline', () => {
  const building = createSearchIndex({
    file: '/nonexistent/never-written',
    bulletins: () => CORPUS,
    build: () => new Promise(() => {}),
  });
  const search = searcher(building, library);
  const cases: Array<[string, Partial<SearchRequest>]> = [
    ['migra', { sort: 'date' }],
    ['migrants country:panama', {}],
    ['tapach', {}],
    ['migrants -cash', { facets: { language: ['es'] } }],
    ['kiosk', {}],
    ['', { view: 'bookmarks' }],
    ['"reception station"', {}],
  ];
  it.each(cases)('%s %j', (text, request) => {
    const answer = search(text, request);
    expect({
      ids: answer.rows.map((row) => row.id),
      total: answer.total,
      facets: answer.facets,
    }).toMatchSnapshot();
  });
});

describe('the index columns follow the archive', () => {
  it('a changed source, a removed and a re-added bulletin are searched as they are now', async () => {
    const own = createSearchIndex();
    await own.add(CORPUS);
    const darien = CORPUS.find((bulletin) => bulletin.id === 'darien') ?? fail();
    const moved = { ...darien, source: 'UNHCR Colombia' };
    const search = searcher(own, fakeLibrary(CORPUS.map((b) => (b.id === 'darien' ? moved : b))));
    const ids = (text: string) => search(text).rows.map((row) => row.id);

    expect(ids('reception source:"iom panama"')).toEqual(['darien']);
    await own.update([moved]);
    expect(ids('reception source:"iom panama"')).toEqual([]);
    expect(ids('reception source:unhcr')).toEqual(['darien']);
    expect(search('reception').facets?.source.map((facet) => facet.value)).toContain('UNHCR Colombia');

    await own.remove(['darien']);
    expect(ids('reception station')).toEqual([]);
    await own.add([moved]);
    expect(ids('reception station')).toEqual(['darien']);
  });
});

describe('stop words', () => {
  it('a stop word among the words of SearchIndex.search (an export of a search) is ignored, not matched as nothing', () => {
    const found = index.search('station in the Darién').hits.map((hit) => hit.id);
    expect(found).toEqual(index.search('station Darién').hits.map((hit) => hit.id));
    expect(found).toContain('darien');
  });
});
