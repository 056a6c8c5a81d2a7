/**
 * Folds a word for matching: lower case, accents removed, so that "Darién",
 * "DARIEN" and "darien" are one term. Used both to index and to query, and its
 * output is what the renderer receives as highlight terms.
 */
export function foldTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
