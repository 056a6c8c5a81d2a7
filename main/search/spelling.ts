import { foldedWords } from './documentText';
import { fuzzyFor, processTerm } from './indexOptions';
import { parseQuery } from './queryParser';

/** The archive's own words (folded, as indexed) and in how many bulletins each occurs. */
export interface Vocabulary {
  /** Bulletins holding the term; 0 when the archive lacks it. */
  frequency(term: string): number;
  /** Whether some term starts with `prefix` (a word still being typed is no typo). */
  hasCompletion(prefix: string): boolean;
  /** Terms within `distance` edits of `term` (Levenshtein, plus swapped neighbours), with their frequency. */
  neighbours(term: string, distance: number): Iterable<[term: string, frequency: number]>;
}

/** A query searched as if other words had been typed. */
export interface Correction {
  /** The query as searched: the likely words in place of the typed ones. */
  text: string;
  /** Typed word (folded) → the word searched instead. */
  words: Map<string, string>;
}

/**
 * Bounds for a long or pasted query: words looked up per query, and the longest word looked up.
 * A lookup walks the index's tree within the edit distance: about a millisecond at 100k.
 */
const MAX_LOOKUPS = 6;
const MAX_WORD = 30;
const DIGIT = /\p{N}/u;

/**
 * The likely query when some of its plain words are not in the archive: each such word replaced
 * by its nearest word in the archive, edit distance first (a swap of two letters is one edit),
 * then how common it is. A word the archive holds is never corrected, however rare beside a
 * common neighbour: counts cannot tell a rare name ("comunicada" once) from the archive's own
 * typo ("comunicdo" once), and the typo-tolerant pass still finds the neighbour's bulletins.
 * Quoted phrases, exclusions, filters, a word still being typed that some word starts with, and
 * the words of the user's recent searches (`keep`, folded) are left as typed. Null when nothing
 * changes.
 */
export function correctQuery(
  text: string,
  vocabulary: Vocabulary,
  keep: ReadonlySet<string>,
): Correction | null {
  const query = parseQuery(text);
  const last = query.clauses.length - 1;
  const words = new Map<string, string>();
  let lookups = 0;
  for (const [position, clause] of query.clauses.entries()) {
    for (const term of clause) {
      if (term.phrase) continue;
      const open = query.lastWordOpen && position === last;
      for (const word of foldedWords(term.text)) {
        if (words.has(word) || keep.has(word) || !worthChecking(word)) continue;
        if (lookups >= MAX_LOOKUPS) break;
        lookups++;
        const likely = likelyWord(word, open, vocabulary);
        if (likely !== null) words.set(word, likely);
      }
    }
  }
  if (words.size === 0) return null;
  const replaced = new Map<string, string>();
  const corrected = replaceWords(text, words, replaced);
  return replaced.size === 0 ? null : { text: corrected, words: replaced };
}

function worthChecking(word: string): boolean {
  return (
    word.length <= MAX_WORD && fuzzyFor(word) !== false && !DIGIT.test(word) && processTerm(word) !== null
  );
}

/** The word to search instead of `word`, or null to keep it. */
function likelyWord(word: string, open: boolean, vocabulary: Vocabulary): string | null {
  if (vocabulary.frequency(word) > 0 || (open && vocabulary.hasCompletion(word))) return null;
  const maxDistance = editsAllowed(word);
  let best: { term: string; distance: number; frequency: number } | null = null;
  for (const [term, count] of vocabulary.neighbours(word, maxDistance)) {
    const distance = editDistance(word, term, maxDistance);
    if (distance > maxDistance) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (count > best.frequency || (count === best.frequency && term < best.term)))
    )
      best = { term, distance, frequency: count };
  }
  return best?.term ?? null;
}

/** As the index's typo tolerance: one edit up to 7 letters, two from 8. */
function editsAllowed(word: string): number {
  const share = fuzzyFor(word);
  return share === false ? 0 : Math.min(2, Math.round(word.length * share));
}

/**
 * Edit distance with adjacent swaps counting as one edit (optimal string alignment, the usual
 * "Damerau" of spelling checkers), stopping early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, at) => at);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The query's text with each typed word replaced by its likely word, outside quotes and in plain
 * tokens only (not `-word` or `key:value`), everything else as typed.
 */
function replaceWords(
  text: string,
  words: ReadonlyMap<string, string>,
  replaced: Map<string, string>,
): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (/\s/.test(char)) {
      out += char;
      at++;
      continue;
    }
    // One token: from here to the next space, or to a closing quote when it opens one.
    let end = at;
    if (char === '"') {
      const close = text.indexOf('"', at + 1);
      end = close === -1 ? text.length : close + 1;
    } else {
      while (end < text.length && !/\s/.test(text.charAt(end))) end++;
      // A token that opens a quoted value (`source:"a b"`) runs to its closing quote.
      const quote = text.indexOf('"', at);
      if (quote !== -1 && quote < end) {
        const close = text.indexOf('"', quote + 1);
        end = close === -1 ? text.length : Math.max(end, close + 1);
      }
    }
    const token = text.slice(at, end);
    const plain = !token.includes('"') && !token.startsWith('-') && !/^[A-Za-z]+:\S/.test(token);
    out += plain
      ? token.replace(WORD, (word) => {
          const typed = foldedWords(word)[0] ?? '';
          const likely = words.get(typed);
          if (likely === undefined) return word;
          replaced.set(typed, likely);
          return likely;
        })
      : token;
    at = end;
  }
  return out;
}
