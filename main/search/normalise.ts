/** Printable ASCII and line breaks: nothing to fold but case. */
const ASCII = /^[ -~\t\n\r]*$/;

/**
 * Folds a word for matching: lower case, accents removed, so that "Darién",
 * "DARIEN" and "darien" are one term. Used both to index and to query, and its
 * output is what the renderer receives as highlight terms. Plain ASCII skips
 * the Unicode decomposition (most words, and the costly part of folding).
 */
export function foldTerm(term: string): string {
  if (ASCII.test(term)) return term.toLowerCase();
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Distinct words seen lately and their folds. Indexing and country-finding fold
 * every word of every bulletin (tens of millions at 100k) but an archive has far
 * fewer distinct words; this made folding a small part of an import. Bounded:
 * emptied when full, so memory stays flat.
 */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_MAX = 200_000;

/** foldTerm for one word, memoised. */
export function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldTerm(word);
    if (foldedWords.size >= FOLDED_WORDS_MAX) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}
