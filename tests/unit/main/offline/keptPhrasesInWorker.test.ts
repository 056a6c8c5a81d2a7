import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFileName, createArticleStore, type KeptArticle } from '../../../../main/offline/articleStore';
import { offlineInWorker } from '../../../../main/offline/extractInWorker';
import { createKeptPhrases } from '../../../../main/offline/keptPhrases';
import { answerPhrases } from '../../../../main/offline/phraseCheck';
import { createPhraseSearch } from '../../../../main/search/phraseSearch';

const TS_WORKER = new URL('../tsWorker.mjs', import.meta.url);
const OFFLINE_WORKER = new URL('../../../../main/offline/extractWorker.ts', import.meta.url).href;
const hanging = new URL('./hangingWorker.mjs', import.meta.url);

const kept = (bulletinId: string, text: string): KeptArticle => ({
  bulletinId,
  url: `https://news.example/${bulletinId}`,
  keptAt: '2026-12-05T10:00:00Z',
  text,
  images: {},
  refused: [],
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-kept-phrases-'));
  await mkdir(folder, { recursive: true });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function keep(texts: Record<string, string>) {
  for (const [id, text] of Object.entries(texts))
    await writeFile(join(folder, articleFileName(id)), JSON.stringify(kept(id, text)));
}

/** Main's side: counts what it reads itself (nothing, when the worker answers). */
function mainArticles() {
  const articles = createArticleStore(folder);
  let reads = 0;
  return {
    read: (id: string) => {
      reads++;
      return articles.read(id);
    },
    reads: () => reads,
  };
}

/** A search for one phrase over these bulletins: which have it in their kept article, with the passage. */
const searchFor =
  (ids: string[], phrase: string[]) =>
  (lookup: {
    has(id: string, phrase: readonly string[]): boolean;
    passage(id: string): string | undefined;
  }) =>
    Promise.resolve(ids.filter((id) => lookup.has(id, phrase)).map((id) => [id, lookup.passage(id)]));

describe("a search's quoted phrases in kept articles, checked in the offline worker", () => {
  it('answers with verdicts and passages while main reads no kept text', async () => {
    await keep({
      a: `${'Water trucks reached the camp. '.repeat(200)}The hall will add a desalination plant next month.`,
      b: 'The plant next to the desalination works closed.',
    });
    const articles = mainArticles();
    const worker = offlineInWorker(TS_WORKER, { workerData: { file: OFFLINE_WORKER } });
    const phrases = createKeptPhrases(folder, articles, (questions) =>
      worker.checkPhrases({ folder }, questions),
    );
    const { answer: found } = await createPhraseSearch(
      [phrases],
      phrases.ready,
    )(searchFor(['a', 'b', 'c'], ['desalination', 'plant']));
    expect(found).toEqual([['a', expect.stringContaining('a desalination plant next month')]]);
    expect(articles.reads()).toBe(0);
  }, 30_000);

  it('answers a search without the kept phrases when the check overruns its budget, and the thread recovers', async () => {
    await keep({ hang: 'a slow article', b: 'another' });
    const articles = mainArticles();
    const worker = offlineInWorker(hanging, {}, { phrasesMs: 300 });
    let checks = 0;
    const phrases = createKeptPhrases(folder, articles, (questions) => {
      checks++;
      return worker.checkPhrases({ folder }, questions);
    });
    const search = createPhraseSearch([phrases], phrases.ready);
    // Answered without it, and said to be incomplete.
    expect(await search(searchFor(['hang'], ['slow', 'article']))).toEqual({ answer: [], complete: false });
    // Not remembered as absent: the next search asks again.
    expect(await search(searchFor(['hang'], ['slow', 'article']))).toEqual({ answer: [], complete: false });
    expect(checks).toBe(2);
    // The thread that replaced the stuck one answers the next questions and pages.
    await expect(worker.checkPhrases({ folder }, [{ id: 'b', phrases: [['another']] }])).resolves.toEqual([
      { id: 'b', phrase: ['another'], found: false },
    ]);
    await expect(
      worker.extract(new Uint8Array(), 'text/html', 'https://news.example/after'),
    ).resolves.toMatchObject({
      title: 'https://news.example/after',
    });
    expect(articles.reads()).toBe(0);
  });

  it('stops reading at its deadline, leaving the rest to the next search', async () => {
    await keep({ a: 'clinic open', b: 'clinic open' });
    const { read } = createArticleStore(folder);
    const text = async (id: string) => (await read(id))?.text;
    const questions = ['a', 'b'].map((id) => ({ id, phrases: [['clinic', 'open']] }));
    expect(await answerPhrases(questions, text, performance.now() - 1)).toEqual([]);
    expect(await answerPhrases(questions, text)).toHaveLength(2);
  });
});
