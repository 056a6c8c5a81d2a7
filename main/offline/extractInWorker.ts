import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ExtractedArticle } from './extractArticle';
import type { OfflineReply, OfflineRequest, OfflineResult, PhraseTexts } from './extractWorker';
import type { PhraseAnswer, PhraseQuestion } from './phraseCheck';

/** Finds a fetched page's article off main's thread; rejects with 'extractTimeout' past the budget. */
export type ExtractPage = (
  bytes: Uint8Array,
  contentType: string,
  url: string,
) => Promise<ExtractedArticle | null>;

/** The offline worker's two tasks, each off main's thread and within its time budget. */
export interface OfflineWorker {
  extract: ExtractPage;
  /**
   * A search's quoted phrases in kept articles or bodies (main/search/phraseSearch.ts): the
   * answers found within `readMs` (by default the budget's `phrasesReadMs`); rejects with
   * 'phrasesTimeout' past `phrasesMs`.
   */
  checkPhrases(texts: PhraseTexts, questions: PhraseQuestion[], readMs?: number): Promise<PhraseAnswer[]>;
}

export interface OfflineBudgets {
  /**
   * A page: Readability takes 25 to 260 ms on a median page here (docs/offline.md); a page still
   * parsing after 15 s is hostile or broken.
   */
  extractMs: number;
  /**
   * A phrase check stops reading kept articles after `phrasesReadMs` and answers with what it has
   * (a search waits for it: the articles left are read by the next searches); one not answering
   * by `phrasesMs` (an article built to make folding slow) is ended and the search answers
   * without the kept articles' phrases. 500 articles of 58 KB read in 364 ms of CPU (783 ms at a
   * load of 13).
   */
  phrasesReadMs: number;
  phrasesMs: number;
}

const BUDGETS: OfflineBudgets = { extractMs: 15_000, phrasesReadMs: 2_000, phrasesMs: 5_000 };
/** A queue's pages come seconds apart: the thread (and its DOM libraries, tens of MB) stays that long. */
const IDLE_MS = 30_000;

interface Pending {
  request: OfflineRequest;
  resolve: (result: OfflineResult) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * One worker thread (out/main/extractWorker.js in the app; tests start the TypeScript source
 * through a loader, with `options`), started on first use, ended when idle, and ended when a task
 * overruns its time budget (counted from when the worker starts on it, not from when it was
 * asked: loading the DOM libraries and the tasks ahead in line are not this task's fault): that
 * task fails, the tasks waiting behind it go to a fresh thread.
 */
export function offlineInWorker(
  workerFile: string | URL,
  options: WorkerOptions = {},
  budgets: Partial<OfflineBudgets> = {},
): OfflineWorker {
  const { extractMs, phrasesReadMs, phrasesMs } = { ...BUDGETS, ...budgets };
  let worker: Worker | null = null;
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;
  const waiting = new Map<number, Pending>();

  const settle = (id: number) => {
    const pending = waiting.get(id);
    waiting.delete(id);
    clearTimeout(pending?.timer);
    return pending;
  };
  /** Ends the thread; what it had not started yet is sent again to a new one. */
  const restart = () => {
    const ending = worker;
    worker = null;
    void ending?.terminate();
    for (const pending of waiting.values()) running().postMessage(pending.request);
  };
  const fail = () => {
    for (const [id, { request }] of [...waiting]) settle(id)?.reject(new Error(`${request.kind}Failed`));
    const ending = worker;
    worker = null;
    void ending?.terminate();
  };

  const running = (): Worker => {
    clearTimeout(idle);
    if (worker) return worker;
    const started = new Worker(workerFile, options);
    started.unref();
    started.on('message', (reply: OfflineReply) => {
      if ('started' in reply) {
        const pending = waiting.get(reply.id);
        if (!pending) return;
        const { kind } = pending.request;
        pending.timer = setTimeout(
          () => {
            settle(reply.id)?.reject(new Error(`${kind}Timeout`));
            restart();
          },
          kind === 'extract' ? extractMs : phrasesMs,
        );
        pending.timer.unref();
        return;
      }
      const pending = settle(reply.id);
      if (pending) {
        if ('error' in reply) pending.reject(new Error(`${pending.request.kind}Failed`));
        else pending.resolve(reply.result);
      }
      if (waiting.size === 0 && worker === started) {
        idle = setTimeout(() => {
          if (waiting.size > 0 || worker !== started) return;
          worker = null;
          void started.terminate();
        }, IDLE_MS);
        idle.unref();
      }
    });
    started.on('error', () => {
      if (worker === started) fail();
    });
    started.on('exit', () => {
      if (worker === started) fail();
    });
    worker = started;
    return started;
  };

  const ask = (request: OfflineRequest) =>
    new Promise<OfflineResult>((resolve, reject) => {
      waiting.set(request.id, { request, resolve, reject });
      running().postMessage(request);
    });

  return {
    // Copied, not transferred: a page waiting behind one that overran is sent again to a new thread.
    extract: (bytes, contentType, url) =>
      ask({ id: nextId++, kind: 'extract', bytes: bytes.slice().buffer, contentType, url }).then((done) =>
        done.kind === 'extract' ? done.article : null,
      ),
    checkPhrases: (texts, questions, readMs = phrasesReadMs) =>
      ask({
        id: nextId++,
        kind: 'phrases',
        texts,
        questions,
        deadlineMs: Math.min(readMs, phrasesReadMs),
      }).then((done) => (done.kind === 'phrases' ? done.answers : [])),
  };
}
