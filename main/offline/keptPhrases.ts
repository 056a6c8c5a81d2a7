import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { containsPhrase, foldedWords } from '../search/documentText';
import type { KeptPhraseLookup } from '../search/runSearch';
import { snippet } from '../search/snippet';
import { articleFileName, type ArticleStore } from './articleStore';

/**
 * Quoted phrases checked against the full articles kept offline. The index holds no word
 * positions, so a phrase is confirmed by reading the text; a bulletin's own fields are in memory,
 * its kept article is on disk. A search runs once with what is known; the kept bulletins it asked
 * about and that are not known yet (those whose own fields lack the phrase: a small set) are read
 * once, one file at a time, and the search runs again. Only verdicts (and the passage showing the
 * phrase) are remembered, never the texts: main's memory stays flat however much is kept.
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
 * Kept articles read by one search at most, one file at a time (main's thread is never held for
 * more than one). Measured with 58 KB article files: 500 read in 364 ms of CPU (783 ms on the
 * shared machine at a load of 13); the same search again, 1.9 ms. Those beyond are read by the
 * next searches (what is read is remembered).
 */
export const READS_PER_SEARCH = 500;
/** Characters before the phrase kept in its passage. */
const LEAD = 60;

type Verdict = { passage: string } | null;

export function createKeptPhrases(folder: string, articles: Pick<ArticleStore, 'read'>): KeptPhrases {
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
    let reads = 0;
    for (const [id, phrases] of asked) {
      if (reads++ >= READS_PER_SEARCH) break;
      const text = (await articles.read(id))?.text ?? '';
      const words = foldedWords(text);
      for (const phrase of phrases) {
        const verdict = containsPhrase([words], phrase) ? { passage: passageOf(text, phrase) } : null;
        found.set(keyOf(id, phrase), verdict);
        remember(keyOf(id, phrase), verdict);
      }
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

/** The passage of a kept text around the phrase's first place (a long article's phrase may be far in). */
function passageOf(text: string, phrase: readonly string[]): string {
  const last: Array<{ word: string; at: number }> = [];
  for (const found of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    last.push({ word: foldedWords(found[0]).join(' '), at: found.index });
    if (last.length > phrase.length) last.shift();
    if (last.length < phrase.length || !last.every(({ word }, at) => word === phrase[at])) continue;
    const from = Math.max(0, (last[0]?.at ?? 0) - LEAD);
    const passage = snippet([text.slice(from, from + 2 * LEAD + 400)], [...phrase]);
    return from > 0 && !passage.startsWith('…') ? `…${passage}` : passage;
  }
  return snippet([text], [...phrase]);
}
