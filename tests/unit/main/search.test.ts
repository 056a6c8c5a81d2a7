import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/search/queryParser';
import { bulletinRow } from '../../../main/ipc/bulletinRow';
import { searchPage } from '../../../main/search/pageSnippets';
import { matchingIds, searchBulletins } from '../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { whole } from '../../../main/mainThread/slices';
import { CORPUS } from '../../fixtures/searchCorpus';
import { bodiesIn, fail, fakeLibrary, searcher } from './searchHelpers';

const FIRST = CORPUS[0] ?? fail();
const index = createSearchIndex();
await index.add(CORPUS);
const library = fakeLibrary(CORPUS, ['belize', 'haiti'], ['darien'], {
  notes: { peru: 'Follow up: call the kiosk in Lima', haiti: 'Shared with the partner' },
  collections: { 'Border reports': ['darien', 'mexico'] },
});
const search = searcher(index, library);
const ids = async (text: string) => (await search(text)).rows.map((row) => row.id);

describe('known-item search: the half-remembered bulletin is in the top 3', () => {
  const cases: Array<[kind: string, query: string, target: string]> = [
    ['accent dropped', 'darien reception', 'darien'],
    ['accent dropped', 'cucuta', 'colombia'],
    ['accent dropped', 'migracion laboral', 'honduras'],
    ['accent dropped', 'refugies venezueliens', 'peru'],
    ['accent dropped', 'ninos barrio', 'sanjose'],
    ['accent added', 'Tápachula', 'mexico'],
    ['one-letter typo', 'recepton station', 'darien'],
    ['one-letter typo', 'Tapachla', 'mexico'],
    ['one-letter typo', 'huricane preparedness', 'belize'],
    ['one-letter typo', 'Quetzaltenago', 'guatemala'],
    ['one-letter typo', 'rapatriment', 'haiti'],
    ['one-letter typo', 'regularizacion construcion', 'dominican'],
    ['word prefix', 'quetzal', 'guatemala'],
    ['word prefix', 'shelter prepared', 'belize'],
    ['word prefix', 'becas panad', 'salvador'],
    ['another order', 'station reception Darién', 'darien'],
    ['another order', 'formación becas jóvenes', 'salvador'],
    ['another order', 'traite dialogue régional', 'nicaragua'],
    ['another order', 'migrants vaccination Venezuelan', 'colombia'],
  ];
  it.each(cases)('%s: %s', async (_kind, query, target) => {
    expect((await ids(query)).slice(0, 3)).toContain(target);
  });
});

describe('query syntax', () => {
  it('matches an "exact phrase" only with its words together and in order', async () => {
    expect(await ids('"reception station"')).toEqual(['darien']);
    expect(await ids('"station reception"')).toEqual([]);
  });

  it('drops -excluded words and phrases', async () => {
    expect(await ids('migrants')).toContain('guatemala');
    const without = await ids('migrants -cash');
    expect(without).not.toContain('guatemala');
    expect(without.length).toBeGreaterThan(0);
    expect(await ids('shelter -"hurricane season"')).not.toContain('belize');
  });

  it('takes either side of OR', async () => {
    expect((await ids('Tapachula OR Quetzaltenango')).sort()).toEqual(['guatemala', 'mexico']);
    expect(await ids('cash OR albergue Tapachula')).toEqual(['mexico']);
  });

  it('filters by source, country and language, folded and from a word start', async () => {
    expect(await ids('source:"OIM Honduras"')).toEqual(['honduras']);
    expect((await ids('source:regional')).sort()).toEqual(['guatemala', 'nicaragua']);
    expect((await ids('country:mexico')).sort()).toEqual(['guatemala', 'mexico']);
    expect((await ids('lang:fr')).sort()).toEqual(['haiti', 'nicaragua', 'peru']);
    expect((await ids('lang:fr migrants')).sort()).toEqual(['haiti', 'nicaragua']);
  });

  it('filters by the user marks', async () => {
    expect((await ids('is:bookmarked')).sort()).toEqual(['belize', 'haiti']);
    expect(await ids('is:unread station')).toEqual([]);
    expect((await ids('is:unread')).length).toBe(CORPUS.length - 1);
  });

  it('filters by date, both bounds exclusive', async () => {
    expect((await ids('before:2020-01-01')).sort()).toEqual(['honduras', 'peru']);
    expect((await ids('after:2022-01-10')).sort()).toEqual(['colombia', 'haiti']);
    expect((await ids('after:2020-12-31 before:2021-12-31')).sort()).toEqual([
      'dominican',
      'guatemala',
      'nicaragua',
      'sanjose',
    ]);
  });

  it('narrows to a collection named with in:"…", regardless of case and accents', async () => {
    expect((await ids('in:"border reports"')).sort()).toEqual(['darien', 'mexico']);
    expect(await ids('in:"Bórder Reports" Tapachula')).toEqual(['mexico']);
    expect((await search('in:"Border reports" Tapachula')).hints).toEqual([]);
  });

  it('finds nothing in a collection that does not exist, and says so', async () => {
    const result = await search('in:"Trip notes" Tapachula');
    expect(result.rows).toEqual([]);
    expect(result.hints).toEqual([{ code: 'unknownCollection', value: 'in:Trip notes' }]);
  });

  it('finds bulletins by the words of their note, and by is:noted', async () => {
    // "Kiosk" is in no bulletin: only the note has it.
    expect(await ids('kiosk')).toEqual(['peru']);
    expect(await ids('follow up kios')).toEqual(['peru']);
    expect(await ids('"call the kiosk"')).toEqual(['peru']);
    expect((await ids('is:noted')).sort()).toEqual(['haiti', 'peru']);
    expect(await ids('is:noted lang:fr kiosk')).toEqual(['peru']);
    expect((await search('kiosk')).rows[0]?.noted).toBe(true);
  });

  it('searches unknown syntax as words with a hint, never failing', async () => {
    const result = await search('colour:Tapachula');
    expect(result.hints).toEqual([{ code: 'unknownFilter', value: 'colour:' }]);
    await expect(search('"')).resolves.toBeDefined();
    expect((await search('before:soon')).hints?.[0]?.code).toBe('badDate');
  });

  it('does not index stop words, and ignores them in queries', async () => {
    const indexed = (word: string) => whole(index.matcher().match(parseQuery(word), true)).docs.length;
    expect(indexed('the')).toBe(0);
    expect(indexed('les')).toBe(0);
    expect(await ids('the station in the Darién')).toEqual(['darien']);
  });
});

describe('ranking and order', () => {
  it('ranks by relevance with recency breaking ties, or by date on request', async () => {
    const twin = (id: string, published: string) => ({ ...FIRST, id, published, contentHash: id });
    const twins = [twin('old', '2018-01-01'), twin('new', '2024-01-01'), twin('mid', '2020-01-01')];
    const twinIndex = createSearchIndex();
    await twinIndex.add(twins);
    const twinSearch = searcher(twinIndex, fakeLibrary(twins));
    expect((await twinSearch('Lajas Blancas')).rows.map((row) => row.id)).toEqual(['new', 'mid', 'old']);

    const byDate = (await search('migrants', { sort: 'date' })).rows.map((row) => row.published);
    expect(byDate).toEqual([...byDate].sort().reverse());
  });

  it('puts a title match above a body match', async () => {
    expect((await ids('vaccination'))[0]).toBe('colombia');
    expect(await ids('vaccination')).toContain('colombia');
  });
});

describe('pages of results', () => {
  it('pages through the same order, counting every result in the total and facets', async () => {
    const whole = await search('migrants OR migración OR réfugiés', { sort: 'date' });
    const total = whole.total ?? fail();
    expect(total).toBeGreaterThan(4);
    const firstPage = await search('migrants OR migración OR réfugiés', { sort: 'date', limit: 2 });
    const secondPage = await search('migrants OR migración OR réfugiés', {
      sort: 'date',
      offset: 2,
      limit: 2,
    });
    expect([...firstPage.rows, ...secondPage.rows].map((row) => row.id)).toEqual(
      whole.rows.slice(0, 4).map((row) => row.id),
    );
    expect(secondPage.total).toBe(total);
    expect(secondPage.facets).toEqual(whole.facets);
  });

  it('gives every matching id in row order, for actions on all results', async () => {
    const request = { view: 'all' as const, text: 'migrants', sort: 'relevance' as const };
    expect(await matchingIds(request, library, index)).toEqual(
      (await search('migrants')).rows.map((row) => row.id),
    );
  });
});

describe('facets', () => {
  it('count the results, per source, country, year and language', async () => {
    const result = await search('migrants');
    const facets = result.facets ?? fail();
    const total = result.total ?? fail();
    expect(total).toBe(result.rows.length);
    for (const name of ['source', 'year', 'language'] as const) {
      expect(facets[name].reduce((sum, value) => sum + value.count, 0)).toBe(total);
    }
    for (const { value, count } of facets.language)
      expect(result.rows.filter((row) => row.language === value)).toHaveLength(count);
    expect(facets.year.map((value) => value.value)).toEqual(
      [...facets.year.map((value) => value.value)].sort().reverse(),
    );
  });

  it('narrow the results, combine with each other and keep their own alternatives', async () => {
    const spanish = await search('', { facets: { language: ['es'] } });
    expect(spanish.rows.every((row) => row.language === 'es')).toBe(true);
    expect(spanish.rows).toHaveLength(5);
    expect((spanish.facets ?? fail()).language.map((value) => value.value).sort()).toEqual([
      'en',
      'es',
      'fr',
    ]);
    const both = await search('', { facets: { language: ['es'], year: ['2021'] } });
    expect(both.rows.map((row) => row.id).sort()).toEqual(['dominican', 'sanjose']);
    expect((both.facets ?? fail()).year.find((value) => value.value === '2021')?.count).toBe(2);
    const country = await search('migrants', { facets: { country: ['Mexico'] } });
    expect(country.rows.map((row) => row.id)).toEqual(['guatemala']);
  });
});

describe('highlight terms and snippets', () => {
  it('returns the index terms that matched, typo and accent variants included', async () => {
    expect((await search('Tapachla')).terms).toContain('tapachula');
    expect((await search('darien')).terms).toContain('darien');
    expect((await search('quetzal')).terms).toContain('quetzaltenango');
  });

  it('shows the passage that matched, not always the first line', async () => {
    // Through the window's pipeline: a row's passage from its summary, else from its body read then.
    const page = (text: string) =>
      searchPage(
        (toRow) => searchBulletins({ view: 'all', text }, library, index, toRow),
        (bulletin, excerpt) => bulletinRow(bulletin, library, excerpt),
        bodiesIn(CORPUS),
      );
    const row = (await page('rougeole')).rows[0];
    expect(row?.id).toBe('haiti');
    expect(row?.excerpt).toMatch(/rougeole/);
    expect((await page('Ouanaminthe')).rows[0]?.excerpt).toMatch(/^L'accueil/);
  });

  it('suggests completions of the word being typed', async () => {
    expect(index.suggest('tapach')).toContain('tapachula');
    expect(index.suggest('')).toEqual([]);
  });
});
