import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/search/queryParser';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fakeLibrary, searcher } from '../main/searchHelpers';

const index = createSearchIndex();
await index.add(CORPUS);
const library = fakeLibrary(CORPUS, ['belize', 'haiti'], ['darien'], {
  notes: { peru: 'Follow up' },
  collections: { 'Border reports': ['darien', 'mexico'] },
});
const search = searcher(index, library);
const ids = async (text: string) => (await search(text)).rows.map((row) => row.id).sort();

describe('search operators in the UI languages find what the English ones find', () => {
  const cases: Array<[english: string, ...localised: string[]]> = [
    ['country:panama', 'país:panamá', 'pais:panama', 'pays:panama', 'بلد:panama'],
    ['lang:es', 'idioma:es', 'langue:es', 'لغة:es'],
    [
      'source:"OIM Costa Rica"',
      'fuente:"OIM Costa Rica"',
      'source:"OIM Costa Rica"',
      'مصدر:"OIM Costa Rica"',
    ],
    ['before:2021', 'antes:2021', 'avant:2021', 'قبل:2021'],
    ['after:2021', 'después:2021', 'apres:2021', 'بعد:2021'],
    ['is:bookmarked', 'es:favorito', 'est:signet', 'حالة:مرجعية'],
    ['is:unread', 'es:noleído', 'est:nonlu', 'حالة:غير_مقروءة'],
    ['is:noted', 'es:anotado', 'est:annoté', 'حالة:بملاحظة'],
    ['in:"Border reports"', 'en:"Border reports"', 'dans:"Border reports"', 'في:"Border reports"'],
  ];
  it.each(cases)('%s', async (english, ...localised) => {
    const expected = await ids(english);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(CORPUS.length);
    for (const query of localised) expect(await ids(query), query).toEqual(expected);
  });

  it('country: finds a country by its name in Spanish, French or Arabic, not only English', async () => {
    // The Guatemala bulletin also names Mexico, stored by its English name.
    const mexico = await ids('country:mexico');
    expect(mexico).toContain('guatemala');
    for (const query of ['pays:mexique', 'بلد:المكسيك', 'country:mexique', 'país:"méxico"']) {
      expect(await ids(query), query).toContain('guatemala');
    }
    expect(await ids('pays:panama')).toEqual(await ids('country:panama'));
    expect(await ids('país:"costa"')).toEqual(await ids('country:costa'));
  });

  it('a word that is not an operator in any language stays a word, with the hint', async () => {
    const parsed = parseQuery('nota:urgente');
    expect(parsed.hints).toEqual([{ code: 'unknownFilter', value: 'nota:' }]);
    expect(parsed.clauses).toEqual([[{ text: 'nota urgente', phrase: false }]]);
  });

  it('a hint quotes the operator as the user typed it, not the English one', async () => {
    expect(parseQuery('antes:ayer').hints).toEqual([{ code: 'badDate', value: 'antes:ayer' }]);
    expect(parseQuery('après:hier').hints).toEqual([{ code: 'badDate', value: 'après:hier' }]);
    expect(parseQuery('est:rouge').hints).toEqual([{ code: 'badValue', value: 'est:rouge' }]);
    expect(parseQuery('-país:peru').hints).toEqual([{ code: 'badValue', value: '-país:peru' }]);
    expect(parseQuery('قبل:أمس').hints).toEqual([{ code: 'badDate', value: 'قبل:أمس' }]);
    expect((await search('dans:"Notes de voyage"')).hints).toEqual([
      { code: 'unknownCollection', value: 'dans:Notes de voyage' },
    ]);
    expect((await search('before:yesterday')).hints).toEqual([
      { code: 'badDate', value: 'before:yesterday' },
    ]);
  });
});
