import { foldTerm } from './normalise';

const WORD = /[\p{L}\p{N}]+/gu;
const LENGTH = 220;
/** Words of context kept before the first match, so the passage does not start on it. */
const LEAD = 40;

/**
 * The passage of `texts` (summary, then body) that best shows the search: the
 * window of about 220 characters holding the most distinct matched terms.
 * Without a match (a title-only hit) it is the start of the first text.
 */
export function snippet(texts: readonly string[], terms: readonly string[]): string {
  const wanted = terms.map(foldTerm).filter((term) => term !== '');
  let best: { text: string; start: number; score: number } | null = null;
  for (const text of texts) {
    const matches: Array<{ at: number; term: string }> = [];
    for (const word of text.matchAll(WORD)) {
      const folded = foldTerm(word[0]);
      const term = wanted.find((candidate) => folded.startsWith(candidate));
      if (term !== undefined) matches.push({ at: word.index, term });
    }
    for (const { at } of matches) {
      const start = Math.max(0, at - LEAD);
      const inWindow = new Set(
        matches
          .filter((match) => match.at >= start && match.at < start + LENGTH - 10)
          .map((match) => match.term),
      );
      if (!best || inWindow.size > best.score) best = { text, start, score: inWindow.size };
    }
  }
  if (!best) return clip(texts.find((text) => text.trim() !== '') ?? '', 0);
  return clip(best.text, best.start);
}

/** About LENGTH characters of `text` from `start`, cut at word boundaries, with ellipses where cut. */
function clip(text: string, start: number): string {
  let from = start;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space === -1 || space - from > 20 ? from : space + 1;
  }
  let to = Math.min(text.length, from + LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + LENGTH / 2) to = space;
  }
  const body = text.slice(from, to).trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
