import { foldTerm } from './normalise';

const LENGTH = 220;
/** Characters of context kept before the first match, so the passage does not start on it. */
const LEAD = 40;
/** Long bodies are searched for a passage only this far: a snippet is a glimpse, not a search. */
const SCAN_LIMIT = 6000;

interface Match {
  at: number;
  term: number;
}

/**
 * The passage of `texts` (summary, then body) that best shows the search: the
 * window of about 220 characters holding the most distinct matched terms, the
 * earliest of equals. Without a match (a title-only hit) it is the start of the
 * first text. A text may be given as a function, called only if the ones before
 * it lack some term (turning a body's HTML into text costs more than the rest).
 */
export function snippet(texts: ReadonlyArray<string | (() => string)>, terms: readonly string[]): string {
  const wanted = [...new Set(terms.map(foldTerm).filter((term) => term !== ''))];
  let best: { text: string; start: number; score: number } | null = null;
  const seen: string[] = [];
  for (const given of texts) {
    const text = typeof given === 'string' ? given : given();
    seen.push(text);
    const matches = findMatches(text.slice(0, SCAN_LIMIT), wanted);
    // Two pointers over the matches: the window [matches[left].at, +LENGTH) with its distinct terms.
    const inWindow = new Map<number, number>();
    let left = 0;
    for (const match of matches) {
      inWindow.set(match.term, (inWindow.get(match.term) ?? 0) + 1);
      while ((matches[left]?.at ?? 0) < match.at - (LENGTH - LEAD - 20)) {
        const term = matches[left]?.term ?? -1;
        const count = (inWindow.get(term) ?? 1) - 1;
        if (count === 0) inWindow.delete(term);
        else inWindow.set(term, count);
        left++;
      }
      if (!best || inWindow.size > best.score)
        best = { text, start: Math.max(0, (matches[left]?.at ?? 0) - LEAD), score: inWindow.size };
      if (best.score === wanted.length) return clip(best.text, best.start);
    }
  }
  if (!best) return clip(seen.find((text) => text.trim() !== '') ?? '', 0);
  return clip(best.text, best.start);
}

/** Where a term starts a word in `text`, ignoring case and accents, in order. */
function findMatches(text: string, terms: readonly string[]): Match[] {
  if (terms.length === 0) return [];
  const folded = foldTerm(text);
  // Folding keeps offsets for precomposed accented letters; text where it does not (ligatures,
  // decomposed input) is matched word by word instead.
  if (folded.length === text.length) return matchesIn(folded, terms);
  const matches: Match[] = [];
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const foldedWord = foldTerm(word[0]);
    const term = terms.findIndex((candidate) => foldedWord.startsWith(candidate));
    if (term !== -1) matches.push({ at: word.index, term });
  }
  return matches;
}

function matchesIn(folded: string, terms: readonly string[]): Match[] {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map((term) => `(${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join('|')})`,
    'gu',
  );
  const matches: Match[] = [];
  for (const found of folded.matchAll(pattern)) {
    const term = found.slice(1).findIndex((group) => group !== undefined);
    matches.push({ at: found.index, term });
  }
  return matches;
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
