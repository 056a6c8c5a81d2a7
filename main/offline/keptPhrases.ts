import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createPhraseSource, type CheckPhrases, type PhraseSource } from '../search/phraseSearch';
import { articleFileName, type ArticleStore } from './articleStore';
import { answerPhrases } from './phraseCheck';

/**
 * Quoted phrases in the full articles kept offline (main/search/phraseSearch.ts runs the searches).
 * A bulletin's own fields are in memory, its kept article on disk: only bulletins with one are
 * asked about, and the app reads them in the offline worker (`check`).
 */
export interface KeptPhrases extends PhraseSource {
  /** Listed the kept articles' folder: searches wait for it. */
  readonly ready: Promise<void>;
  /** These bulletins' kept content came, changed or went: what was known of them is forgotten. */
  changed(bulletinIds: readonly string[]): Promise<void>;
}

/** Verdicts remembered across searches (each may hold a passage). */
const REMEMBERED = 2000;
/**
 * Kept articles read by one search at most. Measured with 58 KB article files: 500 read in 364 ms
 * of CPU (783 ms on the shared machine at a load of 13); the same search again, 1.9 ms. Those
 * beyond are read by the next searches (what is read is remembered).
 */
export const READS_PER_SEARCH = 500;

/**
 * `check`: where the kept articles are read; by default on this thread, through `articles` (tests
 * and tools). The app passes the offline worker's (extractInWorker.ts).
 */
export function createKeptPhrases(
  folder: string,
  articles: Pick<ArticleStore, 'read'>,
  check: CheckPhrases = (questions) =>
    answerPhrases(questions, async (id) => (await articles.read(id))?.text, Infinity, true),
): KeptPhrases {
  /** The file names of the kept articles (hashes of ids, 45 bytes each): which bulletins have one. */
  let present = new Set<string>();
  const ready = readdir(folder)
    .then((names) => {
      present = new Set(names.filter((name) => name.endsWith('.json')));
    })
    .catch(() => undefined);
  const source = createPhraseSource({
    check,
    readsPerSearch: READS_PER_SEARCH,
    remembered: REMEMBERED,
    holds: (id) => present.has(articleFileName(id)),
  });
  return {
    ...source,
    ready,
    async changed(bulletinIds) {
      await ready;
      source.forget(bulletinIds);
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
