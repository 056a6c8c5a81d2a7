import type { PhraseAnswer, PhraseQuestion } from '../offline/phraseCheck';
import type { SearchHint } from '../../preload/searchTypes';
import type { KeptPhraseLookup } from './runSearch';

/**
 * Quoted phrases checked in texts main does not hold: the bulletins' bodies (store/bodies.ts) and
 * the full articles kept offline. The index holds no word positions, so a phrase is confirmed by
 * reading the text. A search runs once with the verdicts known; the texts it asked about and that
 * are not known yet (the index has already narrowed them to the bulletins holding every word of
 * the phrase, and only those whose own fields lack it are asked) are read and folded in the offline
 * worker, every source at once, and the search runs again. Main receives and remembers verdicts
 * (and a kept article's passage), never the texts' words.
 */

/** Reads the texts asked about and answers each phrase, within its time budget (a worker in the app). */
export type CheckPhrases = (questions: PhraseQuestion[]) => Promise<PhraseAnswer[]>;

export interface PhraseSourceOptions {
  check: CheckPhrases;
  /** Texts read by one search at most: those beyond are read by the next searches (verdicts are kept). */
  readsPerSearch: number;
  /** Verdicts remembered across searches (typing, paging and "select all" ask the same again). */
  remembered: number;
  /** Whether the bulletin has a text of this kind at all (a kept article); by default every one. */
  holds?(id: string): boolean;
  /** The text's version (a body's content hash): a verdict on another version is never used. */
  version?(id: string): string | undefined;
}

/** One kind of text's verdicts, remembered across searches. */
export interface PhraseSource {
  /** A search's view of the verdicts: what it asked that is not known is learnt, once. */
  begin(): SourceSearch;
  /** These bulletins' texts changed: what was known of them is forgotten. */
  forget(bulletinIds: readonly string[]): void;
}

export interface SourceSearch {
  lookup: KeptPhraseLookup;
  asked(): boolean;
  /** Reads what was asked and not known; false when some of it could not be read (budget, failure). */
  learn(): Promise<boolean>;
}

type Verdict = { passage?: string } | null;

export function createPhraseSource(options: PhraseSourceOptions): PhraseSource {
  const { check, readsPerSearch, remembered, holds = () => true, version = () => undefined } = options;
  const known = new Map<string, Verdict>();
  const keyOf = (id: string, phrase: readonly string[]) =>
    `${id}\u0000${version(id) ?? ''}\u0000${phrase.join(' ')}`;
  const remember = (key: string, verdict: Verdict) => {
    known.delete(key);
    known.set(key, verdict);
    if (known.size > remembered) known.delete(known.keys().next().value ?? '');
  };

  return {
    begin() {
      // This search's own verdicts: the second run sees every one the first asked, whatever was forgotten since.
      const found = new Map<string, Verdict>();
      const asked = new Map<string, Array<readonly string[]>>();
      const passages = new Map<string, string>();
      const lookup: KeptPhraseLookup = {
        has(id, phrase) {
          if (phrase.length === 0 || !holds(id)) return false;
          const key = keyOf(id, phrase);
          const verdict = found.get(key) ?? known.get(key);
          if (verdict === undefined) {
            const phrases = asked.get(id);
            if (phrases) phrases.push(phrase);
            else asked.set(id, [phrase]);
            return false;
          }
          if (verdict?.passage !== undefined) passages.set(id, verdict.passage);
          return verdict !== null;
        },
        passage: (id) => passages.get(id),
      };
      return {
        lookup,
        asked: () => asked.size > 0,
        async learn() {
          const all = [...asked];
          asked.clear();
          const questions = all
            .slice(0, readsPerSearch)
            .map(([id, phrases]) => ({ id, phrases: phrases.map((phrase) => [...phrase]) }));
          const wanted = questions.reduce((sum, { phrases }) => sum + phrases.length, 0);
          // Past its time budget (or gone), the check answers nothing: what is unknown stays unknown
          // and the next search asks again; this one answers with what was known, and says so.
          const answers = await check(questions).catch((): PhraseAnswer[] => []);
          for (const { id, phrase, found: has, passage } of answers) {
            const verdict = has ? (passage === undefined ? {} : { passage }) : null;
            found.set(keyOf(id, phrase), verdict);
            remember(keyOf(id, phrase), verdict);
          }
          return questions.length === all.length && answers.length >= wanted;
        },
      };
    },
    forget(bulletinIds) {
      const ids = new Set(bulletinIds);
      for (const key of [...known.keys()])
        if (ids.has(key.slice(0, key.indexOf('\u0000')))) known.delete(key);
    },
  };
}

/** A search's answer, and whether every quoted phrase it asked of the texts was checked. */
export interface PhraseChecked<T> {
  answer: T;
  /** False: some texts could not be read in time, and their matches are missing from `answer`. */
  complete: boolean;
}

/** Runs a search with quoted phrases looked up in every source (a phrase in any of them counts). */
export type PhraseSearch = <T>(run: (lookup: KeptPhraseLookup) => Promise<T>) => Promise<PhraseChecked<T>>;

/** `ready`: waited for before each search (the kept articles' folder listed). */
export function createPhraseSearch(sources: readonly PhraseSource[], ready?: Promise<unknown>): PhraseSearch {
  return async (run) => {
    await ready;
    const searches = sources.map((source) => source.begin());
    const lookup: KeptPhraseLookup = {
      has: (id, phrase) => searches.some((search) => search.lookup.has(id, phrase)),
      passage: (id) => {
        for (const search of searches) {
          const passage = search.lookup.passage(id);
          if (passage !== undefined) return passage;
        }
        return undefined;
      },
    };
    const first = await run(lookup);
    const asking = searches.filter((search) => search.asked());
    if (asking.length === 0) return { answer: first, complete: true };
    // Every source's texts at once: a search waits for the slowest, not for their sum.
    const learnt = await Promise.all(asking.map((search) => search.learn()));
    const answer = await run(lookup);
    return { answer, complete: learnt.every(Boolean) };
  };
}

/** A search's answer, with a note when its phrase check was incomplete (the window words it). */
export function withPhraseNote<T extends { hints?: SearchHint[] }>({
  answer,
  complete,
}: PhraseChecked<T>): T {
  if (complete) return answer;
  return { ...answer, hints: [...(answer.hints ?? []), { code: 'phrasesUnchecked', value: '' }] };
}
