import { describe, expect, it } from 'vitest';
import { highlight, type Segment } from '../../../renderer/search/highlight';

/** The marked parts only, for short assertions. */
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
/** Segments always add up to the original text. */
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('highlight', () => {
  it('marks a whole word, ignoring accents and case', () => {
    const text = 'Reception station in Darién, DARIEN province (darien)';
    const segments = highlight(text, ['darien']);
    expect(marked(segments)).toEqual(['Darién', 'DARIEN', 'darien']);
    expect(joined(segments)).toBe(text);
  });

  it('marks only the start of a word for a prefix term', () => {
    expect(highlight('Migration and migrants', ['migra'])).toEqual([
      { text: 'Migra', match: true },
      { text: 'tion and ', match: false },
      { text: 'migra', match: true },
      { text: 'nts', match: false },
    ]);
  });

  it('does not mark a term inside a word', () => {
    expect(marked(highlight('immigration', ['migra']))).toEqual([]);
    expect(highlight('immigration', ['migra'])).toEqual([{ text: 'immigration', match: false }]);
  });

  it('marks accented terms in unaccented text, and text stored decomposed', () => {
    expect(marked(highlight('Panama City', ['panamá']))).toEqual(['Panama']);
    const decomposed = 'Darie\u0301n';
    expect(marked(highlight(decomposed, ['darien']))).toEqual([decomposed]);
  });

  it('merges overlapping matches of several terms', () => {
    const segments = highlight('International Organization', ['inter', 'international', 'org']);
    expect(marked(segments)).toEqual(['International', 'Org']);
  });

  it('treats punctuation and apostrophes as word boundaries', () => {
    expect(marked(highlight('children’s “Esperanza” park', ['esperanza']))).toEqual(['Esperanza']);
    expect(marked(highlight('co-operation', ['operation']))).toEqual(['operation']);
  });

  it('keeps characters outside the Basic Multilingual Plane intact', () => {
    const text = '𝐀 migration 😀 migrants';
    const segments = highlight(text, ['migra']);
    expect(joined(segments)).toBe(text);
    expect(marked(segments)).toEqual(['migra', 'migra']);
  });

  it('works for right-to-left scripts with diacritics', () => {
    // "مُهاجِر" (migrant, with short vowels) found by the bare word.
    expect(marked(highlight('وصل مُهاجِر جديد', ['مهاجر']))).toEqual(['مُهاجِر']);
  });

  it('folds terms that arrive unfolded, and ignores empty ones', () => {
    expect(marked(highlight('Costa Rica', ['  COSTA ', '']))).toEqual(['Costa']);
    expect(highlight('Costa Rica', [])).toEqual([{ text: 'Costa Rica', match: false }]);
    expect(highlight('', ['costa'])).toEqual([]);
  });
});
