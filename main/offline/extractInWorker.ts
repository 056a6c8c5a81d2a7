import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ExtractedArticle } from './extractArticle';
import type { ExtractReply, ExtractRequest } from './extractWorker';

/** Finds a fetched page's article off main's thread; rejects with 'extractTimeout' past the budget. */
export type ExtractPage = (
  bytes: Uint8Array,
  contentType: string,
  url: string,
) => Promise<ExtractedArticle | null>;

/**
 * Readability takes 25 to 260 ms on a median page here (docs/offline.md); a page still parsing after
 * 15 s is hostile or broken. The budget counts from when the worker starts on the page, not from
 * when it was asked: loading the DOM libraries and the pages ahead in line are not this page's fault.
 */
const TIME_BUDGET_MS = 15_000;
/** A queue's pages come seconds apart: the thread (and its DOM libraries, tens of MB) stays that long. */
const IDLE_MS = 30_000;

interface Pending {
  request: ExtractRequest;
  resolve: (article: ExtractedArticle | null) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * One worker thread (out/main/extractWorker.js in the app; tests start the TypeScript source
 * through a loader, with `options`), started on first use, ended when idle, and ended when a page
 * overruns its time budget: that page fails, the pages waiting behind it go to a fresh thread.
 */
export function extractInWorker(
  workerFile: string | URL,
  options: WorkerOptions = {},
  timeBudgetMs = TIME_BUDGET_MS,
): ExtractPage {
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
  const fail = (error: Error) => {
    for (const id of [...waiting.keys()]) settle(id)?.reject(error);
    const ending = worker;
    worker = null;
    void ending?.terminate();
  };

  const running = (): Worker => {
    clearTimeout(idle);
    if (worker) return worker;
    const started = new Worker(workerFile, options);
    started.unref();
    started.on('message', (reply: ExtractReply) => {
      if ('started' in reply) {
        const pending = waiting.get(reply.id);
        if (!pending) return;
        pending.timer = setTimeout(() => {
          settle(reply.id)?.reject(new Error('extractTimeout'));
          restart();
        }, timeBudgetMs);
        pending.timer.unref();
        return;
      }
      const pending = settle(reply.id);
      if (pending) {
        if ('error' in reply) pending.reject(new Error('extractFailed'));
        else pending.resolve(reply.article);
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
      if (worker === started) fail(new Error('extractFailed'));
    });
    started.on('exit', () => {
      if (worker === started) fail(new Error('extractFailed'));
    });
    worker = started;
    return started;
  };

  return (bytes, contentType, url) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      // Copied, not transferred: a page waiting behind one that overran is sent again to a new thread.
      const request: ExtractRequest = { id, bytes: bytes.slice().buffer, contentType, url };
      waiting.set(id, { request, resolve, reject });
      running().postMessage(request);
    });
}
