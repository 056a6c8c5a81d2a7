import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/search/queryParser';

const words = (text: string) => parseQuery(text).clauses.map((clause) => clause.map((term) => term.text));

describe('query parser', () => {
  it('reads plain words as clauses that must all match, the last one open while typed', () => {
    const parsed = parseQuery('reception Panam');
    expect(words('reception Panam')).toEqual([['reception'], ['Panam']]);
    expect(parsed.lastWordOpen).toBe(true);
    expect(parseQuery('reception Panama ').lastWordOpen).toBe(false);
    expect(parsed.hints).toEqual([]);
  });

  it('keeps "exact phrases" together', () => {
    expect(parseQuery('"reception station" panama').clauses).toEqual([
      [{ text: 'reception station', phrase: true }],
      [{ text: 'panama', phrase: false }],
    ]);
    expect(parseQuery('"reception station"').lastWordOpen).toBe(false);
  });

  it('collects -exclusions, words and phrases', () => {
    const parsed = parseQuery('panama -costa -"san josé"');
    expect(parsed.exclude).toEqual([
      { text: 'costa', phrase: false },
      { text: 'san josé', phrase: true },
    ]);
    expect(words('panama -costa')).toEqual([['panama']]);
  });

  it('joins words around OR into alternatives', () => {
    expect(words('station panama OR honduras')).toEqual([['station'], ['panama', 'honduras']]);
    expect(words('a OR b OR c')).toEqual([['a', 'b', 'c']]);
  });

  it('reads every filter', () => {
    const { filters, clauses, hints } = parseQuery(
      'source:"IOM Panama" country:mexico lang:ES is:bookmarked is:unread before:2020-10-01 after:2019-02 health',
    );
    expect(filters).toEqual({
      sources: ['IOM Panama'],
      countries: ['mexico'],
      languages: ['es'],
      bookmarked: true,
      unread: true,
      noted: false,
      before: '2020-10-01',
      after: '2019-02-28',
      collections: [],
    });
    expect(clauses).toEqual([[{ text: 'health', phrase: false }]]);
    expect(hints).toEqual([]);
  });

  it('reads a year as the whole year', () => {
    expect(parseQuery('before:2020').filters.before).toBe('2020-01-01');
    expect(parseQuery('after:2020').filters.after).toBe('2020-12-31');
  });

  it('parses in:"collection" as a filter, leaving the name for the search to match', () => {
    const parsed = parseQuery('in:"Border reports" water');
    expect(parsed.filters.collections).toEqual(['Border reports']);
    expect(parsed.hints).toEqual([]);
    expect(words('in:"Border reports" water')).toEqual([['water']]);
  });

  it('reads is:noted', () => {
    expect(parseQuery('is:noted').filters.noted).toBe(true);
    expect(parseQuery('is:noted').hints).toEqual([]);
  });

  it('searches unknown or malformed syntax as plain words, with a hint, never throwing', () => {
    expect(parseQuery('colour:red').hints).toEqual([{ code: 'unknownFilter', value: 'colour:' }]);
    expect(words('colour:red')).toEqual([['colour red']]);
    expect(parseQuery('before:2020-13-01').hints).toEqual([{ code: 'badDate', value: 'before:2020-13-01' }]);
    expect(parseQuery('before:2021-02-30').hints[0]?.code).toBe('badDate');
    expect(parseQuery('is:starred').hints).toEqual([{ code: 'badValue', value: 'is:starred' }]);
    expect(parseQuery('"reception station').hints[0]?.code).toBe('unclosedQuote');
    expect(words('"reception station')).toEqual([['reception station']]);
    expect(parseQuery('OR panama').hints).toEqual([{ code: 'danglingOr', value: 'OR' }]);
    expect(parseQuery('panama OR').hints).toEqual([{ code: 'danglingOr', value: 'OR' }]);
    expect(parseQuery('-source:x').hints[0]?.code).toBe('badValue');
    for (const text of ['"', '-', ':', 'source:', '""', '- -"', 'a:"b', 'OR OR OR']) {
      expect(() => parseQuery(text)).not.toThrow();
    }
  });
});
