import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeptPhraseLookup } from '../search/runSearch';
import { articleFileName, type ArticleStore } from './articleStore';
import { checkKeptPhrases, type PhraseAnswer, type PhraseQuestion } from './keptPhraseCheck';

/**
 * Quoted phrases checked against the full articles kept offline. The index holds no word
 * positions, so a phrase is confirmed by reading the text; a bulletin's own fields are in memory,
 * its kept article is on disk. A search runs once with what is known; the kept bulletins it asked
 * about and that are not known yet (those whose own fields lack the phrase: a small set) are read
 * once, and the search runs again. The app reads them in the offline worker (`check`): main
 * receives only verdicts and the passages showing the phrases, and remembers only those, never
 * the texts: main's thread and memory stay flat however much is kept.
 */
export interface KeptPhrases {
  /** Answers a search (run once, or twice when kept texts had to be read) with the kept articles' phrases. */
  search<T>(run: (kept: KeptPhraseLookup) => Promise<T>): Promise<T>;
  /** These bulletins' kept content came, changed or went: what was known of them is forgotten. */
  changed(bulletinIds: readonly string[]): Promise<void>;
}

/** Verdicts remembered across searches (typing, paging and "select all" ask the same again). */
const REMEMBERED = 2000;
/**
 * Kept articles read by one search at most. Measured with 58 KB article files: 500 read in 364 ms
 * of CPU (783 ms on the shared machine at a load of 13); the same search again, 1.9 ms. Those
 * beyond are read by the next searches (what is read is remembered).
 */
export const READS_PER_SEARCH = 500;

/** Reads the kept articles asked about and answers each phrase (keptPhraseCheck.ts). */
export type CheckKeptPhrases = (questions: PhraseQuestion[]) => Promise<PhraseAnswer[]>;

type Verdict = { passage: string } | null;

/**
 * `check`: where the kept articles are read; by default on this thread, through `articles` (tests
 * and tools). The app passes the offline worker's (extractInWorker.ts).
 */
export function createKeptPhrases(
  folder: string,
  articles: Pick<ArticleStore, 'read'>,
  check: CheckKeptPhrases = (questions) => checkKeptPhrases(questions, articles.read),
): KeptPhrases {
  /** The file names of the kept articles (hashes of ids, 45 bytes each): which bulletins have one. */
  let present = new Set<string>();
  const listed = readdir(folder)
    .then((names) => {
      present = new Set(names.filter((name) => name.endsWith('.json')));
    })
    .catch(() => undefined);
  const known = new Map<string, Verdict>();
  const keyOf = (id: string, phrase: readonly string[]) => `${id}\u0000${phrase.join(' ')}`;
  const remember = (key: string, verdict: Verdict) => {
    known.delete(key);
    known.set(key, verdict);
    if (known.size > REMEMBERED) known.delete(known.keys().next().value ?? '');
  };

  /** Reads each asked bulletin's kept text once and settles every phrase asked of it. */
  const learn = async (
    asked: ReadonlyMap<string, ReadonlyArray<readonly string[]>>,
    found: Map<string, Verdict>,
  ) => {
    const questions = [...asked]
      .slice(0, READS_PER_SEARCH)
      .map(([id, phrases]) => ({ id, phrases: phrases.map((phrase) => [...phrase]) }));
    // Past its time budget (or gone), the worker answers nothing: what is unknown stays unknown and
    // the next search asks again; this one answers with what was known.
    const answers = await check(questions).catch((): PhraseAnswer[] => []);
    for (const { id, phrase, passage } of answers) {
      const verdict = passage === null ? null : { passage };
      found.set(keyOf(id, phrase), verdict);
      remember(keyOf(id, phrase), verdict);
    }
  };

  return {
    async search(run) {
      await listed;
      // This search's own verdicts: the second run sees every one the first asked, whatever was forgotten since.
      const found = new Map<string, Verdict>();
      const asked = new Map<string, Array<readonly string[]>>();
      const passages = new Map<string, string>();
      const lookup: KeptPhraseLookup = {
        has(id, phrase) {
          if (phrase.length === 0 || !present.has(articleFileName(id))) return false;
          const key = keyOf(id, phrase);
          const verdict = found.get(key) ?? known.get(key);
          if (verdict === undefined) {
            const phrases = asked.get(id) ?? [];
            phrases.push(phrase);
            asked.set(id, phrases);
            return false;
          }
          if (verdict) passages.set(id, verdict.passage);
          return verdict !== null;
        },
        passage: (id) => passages.get(id),
      };
      const first = await run(lookup);
      if (asked.size === 0) return first;
      await learn(asked, found);
      asked.clear();
      return run(lookup);
    },
    async changed(bulletinIds) {
      await listed;
      const ids = new Set(bulletinIds);
      for (const key of [...known.keys()])
        if (ids.has(key.slice(0, key.indexOf('\u0000')))) known.delete(key);
      for (const id of bulletinIds) {
        const name = articleFileName(id);
        const kept = await stat(join(folder, name)).then(
          () => true,
          () => false,
        );
        if (kept) present.add(name);
        else present.delete(name);
      }
    },
  };
}
