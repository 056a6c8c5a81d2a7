import { parentPort } from 'node:worker_threads';
import { createArticleStore } from './articleStore';
import { decodePage } from './decodePage';
import type * as ArticleFinder from './extractArticle';
import type { ExtractedArticle } from './extractArticle';
import { htmlToText } from '../search/htmlText';
import { answerPhrases, type PhraseAnswer, type PhraseQuestion, type ReadText } from './phraseCheck';

/**
 * The thread for web pages' text, so that main's thread never holds it: it parses fetched pages
 * (untrusted, up to the page cap) and finds their article, and it checks a search's quoted phrases
 * in kept articles (which it reads) and in bulletins' bodies (which main reads and sends). Main ends it when a task takes longer than its time budget
 * (extractInWorker.ts). In: an OfflineRequest. Out: { id, started } as it begins, then { id,
 * result } or { id, error }; one task at a time.
 */
/** The texts a phrase check reads: the kept articles in a folder, or bodies (HTML) by id. */
export type PhraseTexts = { folder: string } | { bodies: Array<[string, string]> };
export type OfflineRequest =
  | { id: number; kind: 'extract'; bytes: ArrayBuffer; contentType: string; url: string }
  /** `deadlineMs`: the answers so far are sent after that long. */
  | { id: number; kind: 'phrases'; texts: PhraseTexts; questions: PhraseQuestion[]; deadlineMs: number };
export type OfflineResult =
  { kind: 'extract'; article: ExtractedArticle | null } | { kind: 'phrases'; answers: PhraseAnswer[] };
export type OfflineReply =
  { id: number; started: true } | { id: number; result: OfflineResult } | { id: number; error: string };

/**
 * The DOM libraries load on the first page only: jsdom, linkedom and Readability take 1.3–2.5 s
 * and 73 MB to load here (`node -e "require('jsdom'); …"` against a bare Node's 0.18 s, 40 MB),
 * which a phrase search, the thread's other task, does not need.
 */
let extractor: Promise<typeof ArticleFinder> | undefined;

async function run(request: OfflineRequest): Promise<OfflineResult> {
  if (request.kind === 'phrases') {
    const deadline = performance.now() + request.deadlineMs;
    const { texts, questions } = request;
    // Kept articles answer with the passage that shows the phrase; a body's is found for its row (pageSnippets.ts).
    const answers =
      'folder' in texts
        ? await answerPhrases(questions, keptText(texts.folder), deadline, true)
        : await answerPhrases(questions, bodyText(new Map(texts.bodies)), deadline);
    return { kind: 'phrases', answers };
  }
  const { extractArticle } = await (extractor ??= import('./extractArticle'));
  const page = decodePage(new Uint8Array(request.bytes), request.contentType);
  return { kind: 'extract', article: extractArticle(page, request.url) };
}

function keptText(folder: string): ReadText {
  const { read } = createArticleStore(folder);
  return async (id) => (await read(id))?.text;
}

function bodyText(bodies: ReadonlyMap<string, string>): ReadText {
  return (id) => {
    const body = bodies.get(id);
    return Promise.resolve(body === undefined ? undefined : htmlToText(body));
  };
}

/** One task at a time, as main's budgets count: each from when it begins. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: OfflineRequest) => {
  queue = queue.then(async () => {
    const { id } = request;
    // Main's time budget for this task starts now (see extractInWorker.ts).
    parentPort?.postMessage({ id, started: true } satisfies OfflineReply);
    let reply: OfflineReply;
    try {
      reply = { id, result: await run(request) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  });
});
