import { foldText, foldWithOffsets } from './fold';

/** A run of text, marked when it matched a search term. */
export interface Segment {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `position` in `folded` starts a word (the search index only matches words and word prefixes). */
function startsWord(folded: string, position: number): boolean {
  if (position === 0) return true;
  // The character before may be a surrogate pair: look at the whole code point.
  const before = folded.slice(Math.max(0, position - 2), position);
  const previous = Array.from(before).pop() ?? '';
  return !WORD_CHAR.test(previous);
}

/** Sorts ranges and merges those that overlap or touch. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Splits `text` into segments, marking where a search term matches the start
 * of a word. Matching ignores case and accents, like the search index: the term
 * "darien" marks "Darién" and "DARIEN"; a term that is a word prefix marks only
 * that prefix ("migra" marks the first five letters of "Migration").
 *
 * Terms are the folded words main returns with a search result; they are
 * folded again here, which is harmless and protects against unfolded input.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (text === '') return [];
  const wanted = [...new Set(terms.map((term) => foldText(term.trim())).filter((term) => term !== ''))];
  if (wanted.length === 0) return [{ text, match: false }];

  const { folded, starts, ends } = foldWithOffsets(text);
  const foldedRanges: Array<[number, number]> = [];
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      if (startsWord(folded, at)) foldedRanges.push([at, at + term.length]);
    }
  }
  if (foldedRanges.length === 0) return [{ text, match: false }];

  // Back to positions in the original text. One original character can fold to
  // several units (a ligature), so ranges may grow and overlap: merge again.
  const ranges = mergeRanges(
    mergeRanges(foldedRanges).map(([start, end]): [number, number] => [
      starts[start] ?? 0,
      ends[end - 1] ?? 0,
    ]),
  );

  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
