import { describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { bulletinRow } from '../../../main/ipc/bulletinRow';
import { matchingIds, searchBulletins } from '../../../main/search/searchBulletins';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { correctQuery, editDistance, type Vocabulary } from '../../../main/search/spelling';
import { CORPUS } from '../../fixtures/searchCorpus';
import { fail, fakeLibrary, searcher } from './searchHelpers';

const ADDED = '2026-01-01T00:00:00.000Z';

/** A bulletin saying `words` in its title: the archive's vocabulary is made of them. */
function saying(id: string, words: string, published = '2024-01-01'): Bulletin {
  return {
    id,
    title: words,
    summary: '',
    source: 'OIM',
    countries: [],
    tags: [],
    language: 'es',
    published,
    importedAt: ADDED,
    contentHash: id,
  };
}

// "comunicado" is common; "comunicada" exists once (a real, rare word); "comunicdo" is a typo in
// one bulletin (which counts cannot tell from a rare word); "Ouanaminthe" is a rare name.
const ARCHIVE: Bulletin[] = [
  ...Array.from({ length: 60 }, (_, n) => saying(`c${n}`, `Comunicado de prensa número ${n}`)),
  saying('rare', 'Una persona comunicada con su familia'),
  saying('stray', 'El comunicdo de ayer'),
  saying('name', 'Rapatriement à Ouanaminthe'),
  saying('station', 'Reception station opens'),
  saying('albergue', 'El albergue de Tapachula'),
];
const index = createSearchIndex();
await index.add(ARCHIVE);
const vocabulary: Vocabulary = index.vocabulary() ?? fail();
const correct = (text: string, keep: string[] = []) => correctQuery(text, vocabulary, new Set(keep))?.text;

describe('spelling correction from the archive’s own words', () => {
  it('counts two swapped letters as one edit', async () => {
    expect(editDistance('comunicado', 'comuincado')).toBe(1);
    expect(editDistance('comunicado', 'comunicdo')).toBe(1);
    expect(editDistance('albergue', 'albreuge')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('corrects two swapped letters in a short word (one edit, which the index alone counts as two)', async () => {
    expect(correct('albreguex')).toBeUndefined();
    expect(correct('statoin ')).toBe('station ');
    expect(correct('comuincado ')).toBe('comunicado ');
  });

  it('corrects a missing letter, keeping the rest of the query as typed', async () => {
    expect(correct('Tapachla albergue ')).toBe('tapachula albergue ');
    expect(correct('source:OIM recepton')).toBe('source:OIM reception');
  });

  it('prefers the nearer word, then the commoner one', async () => {
    // "comunicadx": one edit from both "comunicado" (60 bulletins) and "comunicada" (one).
    expect(correct('comunicadx ')).toBe('comunicado ');
  });

  it('leaves a word alone whose only difference is its accents (folding makes them one word)', async () => {
    expect(correct('Ouanaminthé')).toBeUndefined();
    expect(correct('número comunicado')).toBeUndefined();
  });

  it('leaves an existing word alone, however rare beside a common neighbour', async () => {
    expect(correct('comunicada ')).toBeUndefined();
    expect(correct('comunicdo ')).toBeUndefined();
    expect(correct('Ouanaminthe ')).toBeUndefined();
  });

  it('leaves quoted phrases, exclusions and filter values untouched', async () => {
    expect(correct('"comuincado de prensa"')).toBeUndefined();
    expect(correct('-Tapachla albergue')).toBeUndefined();
    expect(correct('country:Tapachla')).toBeUndefined();
  });

  it('leaves a name the user searched before untouched', async () => {
    expect(correct('Ouanamnthe ')).toBe('ouanaminthe ');
    expect(correct('Ouanamnthe ', ['ouanamnthe'])).toBeUndefined();
  });

  it('leaves a word being typed alone while some word starts with it', async () => {
    expect(correct('comunic')).toBeUndefined();
    expect(correct('Tapachla')).toBe('tapachula');
  });

  it('corrects only a bounded number of words of a pasted paragraph', async () => {
    const pasted = Array.from({ length: 200 }, () => 'Tapachla').join(' ');
    const started = performance.now();
    const corrected = correctQuery(`${pasted} xqzwvkpl`, vocabulary, new Set());
    expect(performance.now() - started).toBeLessThan(200);
    expect(corrected?.words.get('tapachla')).toBe('tapachula');
    expect(corrected?.text.includes('xqzwvkpl')).toBe(true);
  });
});

const library = fakeLibrary([...ARCHIVE, ...CORPUS]);
const both = createSearchIndex();
await both.add([...ARCHIVE, ...CORPUS]);
const search = searcher(both, library);

describe('searching with a corrected query', () => {
  it('answers the likely words and says so; with `literal`, the words as typed', async () => {
    const corrected = await search('Tapachla');
    expect(corrected.correction).toEqual({ searched: 'tapachula', typed: 'Tapachla' });
    expect(
      corrected.rows
        .map((row) => row.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['albergue', 'mexico']);
    const literal = await search('Tapachla', { literal: true });
    expect(literal.correction).toBeUndefined();
  });

  it('keeps a name from the recent searches as typed, and selects all of what it shows', async () => {
    const toRow = (bulletin: Bulletin, excerpt: string) => bulletinRow(bulletin, library, excerpt);
    const recent = await searchBulletins({ view: 'all', text: 'Tapachla' }, library, both, toRow, [
      'tapachla  OIM',
    ]);
    expect(recent.correction).toBeUndefined();
    const shown = (await search('Tapachla')).rows.map((row) => row.id);
    expect(await matchingIds({ view: 'all', text: 'Tapachla' }, library, both)).toEqual(shown);
  });

  it('does not correct a word the archive has, nor offer a correction that finds nothing', async () => {
    expect((await search('albergue')).correction).toBeUndefined();
    expect((await search('"Tapachla albergue"')).correction).toBeUndefined();
  });

  it('suggests the corrected query first as you type', async () => {
    // Two letters swapped in a 7-letter word: beyond the completions' own typo tolerance.
    expect(both.suggest('Reception statoin')[0]).toBe('reception station');
    expect(both.suggest('Reception statoin', new Set(['statoin']))).not.toContain('reception station');
  });
});
