/** Text with no character beyond ASCII: nothing to fold but case. */
const ASCII = /^[\x00-\x7f]*$/;

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
