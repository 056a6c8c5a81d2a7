import type { Bulletin } from '../../preload/contract';
import { foldedWords } from './documentText';
import { processTerm } from './indexOptions';
import type { Candidate, Matcher } from './runSearch';

/**
 * The stand-in while the index builds: a scan of titles, summaries, sources,
 * countries and tags (bodies are left out to stay fast at 100k), every word
 * matched as a word prefix. Slower and blunter than the index, but it answers.
 */
export function scanMatcher(bulletins: () => readonly Bulletin[]): Matcher {
  const haystack = (bulletin: Bulletin) =>
    ` ${foldedWords(
      [
        bulletin.title,
        bulletin.summary,
        bulletin.source,
        bulletin.countries.join(' '),
        bulletin.tags.join(' '),
      ].join(' '),
    ).join(' ')}`;
  const queryWords = (text: string) => foldedWords(text).filter((word) => processTerm(word) !== null);

  return {
    match(query) {
      const candidates: Candidate[] = [];
      const matchedWords = new Map<string, string[]>();
      for (const bulletin of bulletins()) {
        const text = haystack(bulletin);
        const title = ` ${foldedWords(bulletin.title).join(' ')}`;
        const matched: string[] = [];
        let score = 0;
        const every = query.clauses.every((clause) =>
          clause.some((term) => {
            const words = queryWords(term.text);
            if (words.length === 0 || !words.every((word) => text.includes(` ${word}`))) return false;
            matched.push(...words);
            score += words.filter((word) => title.includes(` ${word}`)).length * 2 + words.length;
            return true;
          }),
        );
        if (every) {
          candidates.push({ id: bulletin.id, score });
          matchedWords.set(bulletin.id, matched);
        }
      }
      return {
        candidates,
        termsOf: (id) => {
          const words = matchedWords.get(id) ?? [];
          return { terms: words, queryTerms: words };
        },
      };
    },
    idsWithWord(word) {
      const ids = new Set<string>();
      for (const bulletin of bulletins())
        if (` ${haystack(bulletin)} `.includes(` ${word} `)) ids.add(bulletin.id);
      return ids;
    },
  };
}
