import { readFile } from 'node:fs/promises';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { readMonthFile, type MonthText } from './monthLayout';
import type { TextReply, TextRequest } from './textWorker';

/** Reads a file of the store as text; rejects as readFile does (`code` ENOENT for a missing file). */
export type ReadText = (path: string) => Promise<string>;

export const readTextHere: ReadText = (path) => readFile(path, 'utf8');

/** Reads a month file without its bodies, where it can (see monthLayout.ts). */
export type ReadMonth = (path: string) => Promise<MonthText>;

export interface TextReader {
  readMonth: ReadMonth;
  /** The files about to be read, in order: the next few are read and decoded ahead. */
  expect(paths: readonly string[]): void;
  /** Ends the worker; later reads happen on this thread. */
  close(): void;
}

/** Files decoded ahead of the one being parsed: enough to keep the worker busy, few enough to hold. */
const AHEAD = 4;

/**
 * Reads files in a worker thread started from `workerFile` (out/main/textWorker.js in the app;
 * tests start the TypeScript source through a loader, with `options`), so that decoding them
 * overlaps with main parsing the previous one. If the worker fails, reads go on in this thread.
 */
export function readInWorker(workerFile: string | URL, options: WorkerOptions = {}): TextReader {
  let worker: Worker | null = null;
  /** Set once the worker has failed or been closed: reads stay on this thread from then on. */
  let ended = false;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (month: MonthText) => void; reject: (error: Error) => void }>();
  const early = new Map<string, Promise<MonthText>>();
  let queue: string[] = [];

  const stop = (error: Error) => {
    worker = null;
    ended = true;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  // Started on the first read, not before: at launch the newest months are read on this thread
  // while Chromium starts, and a thread more would only compete with it for the cores.
  const running = (): Worker | null => {
    if (worker || ended) return worker;
    const started = new Worker(workerFile, options);
    started.unref();
    started.on('message', (reply: TextReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if ('error' in reply)
        pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else pending.resolve({ text: Buffer.from(reply.bytes).toString(reply.encoding), layout: reply.layout });
    });
    started.on('error', stop);
    started.on('exit', () => stop(new Error('the text worker stopped')));
    worker = started;
    return worker;
  };

  function request(path: string): Promise<MonthText> {
    const thread = running();
    if (!thread) return readMonthFile(path);
    const id = nextId++;
    const month = new Promise<MonthText>((resolve, reject) => waiting.set(id, { resolve, reject }));
    thread.postMessage({ id, path } satisfies TextRequest);
    // The worker gone mid-way (it should not): this file is read here instead.
    return month.catch((error: unknown) => (worker ? Promise.reject(error) : readMonthFile(path)));
  }

  function readAhead() {
    while (early.size < AHEAD && queue.length > 0) {
      const path = queue.shift() as string;
      early.set(path, request(path));
    }
  }

  return {
    readMonth(path) {
      const text = early.get(path);
      early.delete(path);
      readAhead();
      return text ?? request(path);
    },
    expect(paths) {
      queue = [...paths];
      readAhead();
    },
    close() {
      const thread = worker;
      worker = null;
      ended = true;
      // Reads asked ahead and never taken: nobody waits for them.
      waiting.clear();
      early.clear();
      queue = [];
      void thread?.terminate();
    },
  };
}
