import type { Bodies } from '../store/bodies';
import { containsPhrase, foldedWords } from './documentText';
import { htmlToText } from './htmlText';
import type { KeptPhraseLookup } from './runSearch';

/**
 * Quoted phrases checked in the bulletins' bodies, which main does not hold (store/bodies.ts): a
 * search runs once with the verdicts known; the bodies it asked about and could not answer are
 * read (a batch at a time, at most READS_PER_SEARCH) and it runs again. The index has already
 * narrowed the candidates to the bulletins holding every word of the phrase.
 */
export interface BodyPhrases {
  search<T>(run: (lookup: KeptPhraseLookup) => Promise<T>): Promise<T>;
}

/** Bodies read by one search at most: those beyond are read by the next searches (verdicts are kept). */
export const READS_PER_SEARCH = 2000;
/** Verdicts remembered across searches (typing, paging and "select all" ask the same again). */
const REMEMBERED = 20_000;
const BATCH = 200;

/** `version(id)`: the bulletin's content hash, so a verdict on an older body is never used. */
export function createBodyPhrases(bodies: Bodies, version: (id: string) => string | undefined): BodyPhrases {
  const known = new Map<string, boolean>();
  const keyOf = (id: string, phrase: readonly string[]) =>
    `${id}\u0000${version(id) ?? ''}\u0000${phrase.join(' ')}`;
  const remember = (key: string, verdict: boolean) => {
    known.delete(key);
    known.set(key, verdict);
    if (known.size > REMEMBERED) known.delete(known.keys().next().value ?? '');
  };

  const learn = async (
    asked: ReadonlyMap<string, ReadonlyArray<readonly string[]>>,
    found: Map<string, boolean>,
  ) => {
    const ids = [...asked.keys()].slice(0, READS_PER_SEARCH);
    for (let from = 0; from < ids.length; from += BATCH) {
      const batch = ids.slice(from, from + BATCH);
      const read = await bodies.read(batch);
      for (const id of batch) {
        const body = read.get(id);
        const words = body === undefined ? [] : foldedWords(htmlToText(body));
        for (const phrase of asked.get(id) ?? []) {
          const verdict = containsPhrase([words], phrase);
          found.set(keyOf(id, phrase), verdict);
          remember(keyOf(id, phrase), verdict);
        }
      }
    }
  };

  return {
    async search<T>(run: (lookup: KeptPhraseLookup) => Promise<T>): Promise<T> {
      // This search's own verdicts: the second run sees every one the first asked.
      const found = new Map<string, boolean>();
      const asked = new Map<string, Array<readonly string[]>>();
      const lookup: KeptPhraseLookup = {
        has(id, phrase) {
          if (phrase.length === 0) return false;
          const key = keyOf(id, phrase);
          const verdict = found.get(key) ?? known.get(key);
          if (verdict !== undefined) return verdict;
          const phrases = asked.get(id);
          if (phrases) phrases.push(phrase);
          else asked.set(id, [phrase]);
          return false;
        },
        // The passage is the page's (pageSnippets.ts reads the body of a row its summary does not show).
        passage: () => undefined,
      };
      const first = await run(lookup);
      if (asked.size === 0) return first;
      await learn(asked, found);
      return await run(lookup);
    },
  };
}

/** A phrase in the body or in the kept article; the passage is the kept article's. */
export function eitherPhrase(body: KeptPhraseLookup, kept: KeptPhraseLookup): KeptPhraseLookup {
  return {
    has: (id, phrase) => body.has(id, phrase) || kept.has(id, phrase),
    passage: (id) => kept.passage(id),
  };
}

/** Runs a search with quoted phrases looked up in the bodies and in the kept articles. */
export type PhraseSearch = <T>(run: (lookup: KeptPhraseLookup) => Promise<T>) => Promise<T>;

export function phrasesInBodiesAndKept(
  bodies: BodyPhrases,
  kept: { search<T>(run: (lookup: KeptPhraseLookup) => Promise<T>): Promise<T> },
): PhraseSearch {
  return (run) => bodies.search((body) => kept.search((article) => run(eitherPhrase(body, article))));
}
