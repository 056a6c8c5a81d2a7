import { Worker, type WorkerOptions } from 'node:worker_threads';
import { parseFile, type ParseRequest, type ParsedFile } from './parseFile';
import type { ParseMessage, ParseReply } from './parseWorker';

/** Reads one untrusted file's bytes into bulletins (or a refusal, or an OPML list's feeds). */
export type ParseFile = (request: ParseRequest) => Promise<ParsedFile>;

/** On this thread, with no budget: for tests and tools. The app reads files with parseInWorker. */
export const parseHere: ParseFile = parseFile;

/** A file that took longer than its budget to read: the worker reading it was ended. */
export class ParseTookTooLong extends Error {
  constructor(readonly budgetMs: number) {
    super(`reading the file took longer than ${budgetMs} ms`);
  }
}

/**
 * The time a file may take to read: 10 s, and 1 s more per MB. A real feed reads at 10–20 MB/s
 * here (10,000 items, 18 MB, in ≈ 1 s on a shared 2-core machine, language detection
 * included), so only a file built to make the reader work far beyond its size runs out.
 */
export const budgetFor = (byteLength: number): number => 10_000 + Math.ceil(byteLength / 1_048_576) * 1_000;

export interface WorkerParser {
  parse: ParseFile;
  /** Ends the worker (it is started again by the next file). */
  close(): void;
}

/**
 * Reads files in a worker thread started from `workerFile` (out/main/parseWorker.js in the app;
 * tests start the TypeScript source through a loader, with `options`), one file at a time. The
 * budget counts from when the worker begins the file, not from its start-up; past it the worker
 * is ended and the file refused (ParseTookTooLong); the next file starts a fresh worker.
 */
export function parseInWorker(
  workerFile: string | URL,
  {
    options = {},
    budget = budgetFor,
  }: { options?: WorkerOptions; budget?: (byteLength: number) => number } = {},
): WorkerParser {
  let worker: Worker | null = null;
  let nextId = 0;
  /** Files are read one after another: a file ending the worker never takes another with it. */
  let queue: Promise<unknown> = Promise.resolve();

  const end = () => {
    const thread = worker;
    worker = null;
    void thread?.terminate();
  };

  const running = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerFile, options);
    // An idle worker never keeps the app (or a test) alive.
    started.unref();
    worker = started;
    return started;
  };

  function read(request: ParseRequest): Promise<ParsedFile> {
    const thread = running();
    const id = nextId++;
    return new Promise<ParsedFile>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        clearTimeout(timer);
        thread.unref();
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id !== id) return;
        if (reply.kind === 'started') {
          const budgetMs = budget(request.bytes.byteLength);
          timer = setTimeout(() => {
            settle();
            end();
            reject(new ParseTookTooLong(budgetMs));
          }, budgetMs);
          return;
        }
        settle();
        if (reply.kind === 'parsed') resolve(reply.parsed);
        else reject(new Error(reply.message));
      };
      const onError = (error: Error) => {
        settle();
        if (worker === thread) worker = null;
        reject(error);
      };
      const onExit = (code: number) => onError(new Error(`the parse worker stopped (exit code ${code})`));
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.ref();
      // Copied, not transferred: the caller's bytes stay usable (a copy is a memcpy, ≈ 10 ms for 50 MB).
      thread.postMessage({ id, request } satisfies ParseMessage);
    });
  }

  return {
    parse(request) {
      const result = queue.then(() => read(request));
      queue = result.catch(() => undefined);
      return result;
    },
    close: end,
  };
}
