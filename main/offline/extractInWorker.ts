import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ExtractedArticle } from './extractArticle';
import type { ExtractReply, ExtractRequest } from './extractWorker';

/** Finds a fetched page's article off main's thread; rejects with 'extractTimeout' past the budget. */
export type ExtractPage = (
  bytes: Uint8Array,
  contentType: string,
  url: string,
) => Promise<ExtractedArticle | null>;

/** Readability takes 25 ms on a median page here; a page still parsing after 15 s is hostile or broken. */
const TIME_BUDGET_MS = 15_000;
/** A queue's pages come seconds apart: the thread (and its DOM libraries, tens of MB) stays that long. */
const IDLE_MS = 30_000;

/**
 * One worker thread (out/main/extractWorker.js in the app; tests start the TypeScript source
 * through a loader, with `options`), started on first use and ended when idle or when a page
 * overruns its time budget — the next page starts a fresh one.
 */
export function extractInWorker(
  workerFile: string | URL,
  options: WorkerOptions = {},
  timeBudgetMs = TIME_BUDGET_MS,
): ExtractPage {
  let worker: Worker | null = null;
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;
  const waiting = new Map<
    number,
    { resolve: (article: ExtractedArticle | null) => void; reject: (error: Error) => void }
  >();

  const stop = (error: Error) => {
    const ending = worker;
    worker = null;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    void ending?.terminate();
  };
  const running = (): Worker => {
    clearTimeout(idle);
    if (worker) return worker;
    const started = new Worker(workerFile, options);
    started.unref();
    started.on('message', (reply: ExtractReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if ('error' in reply) pending.reject(new Error('extractFailed'));
      else pending.resolve(reply.article);
      if (waiting.size === 0 && worker === started) {
        idle = setTimeout(() => {
          if (waiting.size > 0 || worker !== started) return;
          worker = null;
          void started.terminate();
        }, IDLE_MS);
        idle.unref();
      }
    });
    started.on('error', (error) => stop(error));
    started.on('exit', () => {
      if (worker === started) stop(new Error('extractFailed'));
    });
    worker = started;
    return started;
  };

  return (bytes, contentType, url) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!waiting.has(id)) return;
        // The worker is busy with this page and cannot be interrupted: end it (and what waits on it).
        waiting.delete(id);
        reject(new Error('extractTimeout'));
        stop(new Error('extractFailed'));
      }, timeBudgetMs);
      timer.unref();
      waiting.set(id, {
        resolve: (article) => {
          clearTimeout(timer);
          resolve(article);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const owned = bytes.slice().buffer;
      const request: ExtractRequest = { id, bytes: owned, contentType, url };
      running().postMessage(request, [owned]);
    });
}
