import { eng, fra, spa } from 'stopword';
import { foldTerm } from './normalise';

/**
 * English, Spanish and French stop words, folded like indexed terms. One set
 * for all three languages: a query does not say its language, and a word must
 * be dropped from the query exactly when it was dropped from the index.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...spa, ...fra].map(foldTerm));
