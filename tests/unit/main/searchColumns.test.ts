import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../../preload/contract';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, fakeLibrary, foundIds, searcher } from './searchHelpers';

const index = createSearchIndex();
await index.add(CORPUS);
const library = fakeLibrary(CORPUS, ['belize', 'haiti'], ['darien'], {
  notes: { peru: 'Follow up: call the kiosk in Lima' },
  collections: { 'Border reports': ['darien', 'mexico'] },
});

/**
 * The snapshots were recorded from the search on the Bulletin objects, which the search on the
 * columns then matched case by case, before the object search was removed: the one pipeline left
 * must still give the same rows, totals and facets.
 */
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
  it.each(cases)('%s %j', async (text, request) => {
    const answer = await search(text, request);
    expect(answer.total).toBeGreaterThan(0);
    expect({
      ids: answer.rows.map((row) => row.id),
      total: answer.total,
      facets: answer.facets,
    }).toMatchSnapshot();
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
  it.each(cases)('%s %j', async (text, request) => {
    const answer = await search(text, request);
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
    const ids = async (text: string) => (await search(text)).rows.map((row) => row.id);

    expect(await ids('reception source:"iom panama"')).toEqual(['darien']);
    await own.update([moved]);
    expect(await ids('reception source:"iom panama"')).toEqual([]);
    expect(await ids('reception source:unhcr')).toEqual(['darien']);
    expect((await search('reception')).facets?.source.map((facet) => facet.value)).toContain(
      'UNHCR Colombia',
    );

    await own.remove(['darien']);
    expect(await ids('reception station')).toEqual([]);
    await own.add([moved]);
    expect(await ids('reception station')).toEqual(['darien']);
  });
});

describe('stop words', () => {
  it('a stop word among the words searched is ignored, not matched as nothing', async () => {
    const found = await foundIds(index, library, 'station in the Darién');
    expect(found).toEqual(await foundIds(index, library, 'station Darién'));
    expect(found).toContain('darien');
  });
});
