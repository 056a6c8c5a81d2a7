import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ColleagueBackupReading } from '../share/colleagueBackup';
import type { BackupReading } from '../store/libraryBackup';
import { parseFile, type ParseRequest, type ParsedFile } from './parseFile';
import type { ParseMessage, ParseReply } from './parseWorker';
import { taskSize, type TaskOutcome, type UntrustedTask } from './untrustedWork';

/** Reads one untrusted file's bytes into bulletins (or a refusal, or an OPML list's feeds). */
export type ParseFile = (request: ParseRequest) => Promise<ParsedFile>;

/** Everything main has read from untrusted bytes or text, each kind of work by its own name. */
export interface UntrustedReader {
  parse: ParseFile;
  /** A backup chosen to restore, read and checked whole. */
  readBackup(bytes: Uint8Array): Promise<BackupReading>;
  /** A colleague's backup chosen to merge: its marks whole, its bulletins one by one. */
  readColleagueBackup(bytes: Uint8Array): Promise<ColleagueBackupReading>;
  /** The web images a bulletin's body names (main/images/remoteImages.ts). */
  imageSources(html: string): Promise<string[]>;
}

/** On this thread, with no budget: for tests and tools. The app reads files with parseInWorker. */
export const parseHere: ParseFile = parseFile;

/** A file that took longer than its budget to read: the worker reading it was ended. */
export class ParseTookTooLong extends Error {
  constructor(readonly budgetMs: number) {
    super(`reading the file took longer than ${budgetMs} ms`);
  }
}

/** A file whose reading filled the worker's heap (HEAP_CAP_MB): the worker died of it. */
export class ParseRanOutOfMemory extends Error {
  constructor() {
    super('reading the file needed more memory than the reader may take');
  }
}

/**
 * The time a file may take to read: 10 s, and 1 s more per MB. A real feed reads at 10–20 MB/s
 * here (10,000 items, 18 MB, in ≈ 1 s on a shared 2-core machine, language detection
 * included), so only a file built to make the reader work far beyond its size runs out.
 */
export const budgetFor = (byteLength: number): number => 10_000 + Math.ceil(byteLength / 1_048_576) * 1_000;

/**
 * The worker's heap cap. Without one, a file built to balloon in memory (or a backup too large for
 * the laptop) grows the worker until V8 aborts the whole app; with it, only the worker dies and
 * the file is refused (JSON is measured before it is parsed: see jsonWithinHeap.ts). Measured with
 * `npx tsx tests/bench/parseWorkerHeap.ts <heapMb> feed|backup <MB>`: a 50 MB feed (the default
 * import limit) needs more than 256 MB and less than 512; under 2 GB a 202 MB feed (125,836 items)
 * and a 252 MB backup (145,834 bulletins) still read. Imports between ≈ 200 MB and the 500 MB the
 * limit may be raised to are refused as too large to read.
 */
export const HEAP_CAP_MB = 2048;

export interface WorkerParser extends UntrustedReader {
  /** Ends the worker (it is started again by the next file). */
  close(): void;
}

/**
 * Reads untrusted bytes in a worker thread started from `workerFile` (out/main/parseWorker.js in
 * the app; tests bundle the TypeScript source, with `options`), one task at a time. The budget
 * counts from when the worker begins the task, not from its start-up; past it the worker is ended
 * and the task refused (ParseTookTooLong); one that fills the worker's heap is refused
 * (ParseRanOutOfMemory). Either way the next task starts a fresh worker.
 */
export function parseInWorker(
  workerFile: string | URL,
  {
    options = {},
    budget = budgetFor,
    heapMb = HEAP_CAP_MB,
  }: { options?: WorkerOptions; budget?: (size: number) => number; heapMb?: number } = {},
): WorkerParser {
  let worker: Worker | null = null;
  let nextId = 0;
  /** Tasks run one after another: a task ending the worker never takes another with it. */
  let queue: Promise<unknown> = Promise.resolve();

  const end = () => {
    const thread = worker;
    worker = null;
    void thread?.terminate();
  };

  const running = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerFile, {
      ...options,
      resourceLimits: { ...options.resourceLimits, maxOldGenerationSizeMb: heapMb },
    });
    // An idle worker never keeps the app (or a test) alive.
    started.unref();
    worker = started;
    return started;
  };

  function run(task: UntrustedTask): Promise<TaskOutcome> {
    const thread = running();
    const id = nextId++;
    return new Promise<TaskOutcome>((resolve, reject) => {
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
          const budgetMs = budget(taskSize(task));
          timer = setTimeout(() => {
            settle();
            end();
            reject(new ParseTookTooLong(budgetMs));
          }, budgetMs);
          return;
        }
        settle();
        if (reply.kind === 'done') resolve(reply.outcome);
        else reject(new Error(reply.message));
      };
      const onError = (error: Error) => {
        settle();
        if (worker === thread) worker = null;
        const code = (error as NodeJS.ErrnoException).code;
        reject(code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParseRanOutOfMemory() : error);
      };
      const onExit = (code: number) => onError(new Error(`the parse worker stopped (exit code ${code})`));
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.ref();
      // Copied, not transferred: the caller's bytes stay usable (a copy is a memcpy, ≈ 10 ms for 50 MB).
      thread.postMessage({ id, task } satisfies ParseMessage);
    });
  }

  const queued = (task: UntrustedTask): Promise<TaskOutcome> => {
    const result = queue.then(() => run(task));
    queue = result.catch(() => undefined);
    return result;
  };

  return { ...readerOver(queued), close: end };
}

function readerOver(run: (task: UntrustedTask) => Promise<TaskOutcome>): UntrustedReader {
  return {
    async parse(request) {
      const outcome = await run({ kind: 'file', request });
      if (outcome.kind !== 'file') throw new Error(`the parse worker answered ${outcome.kind} for a file`);
      return outcome.parsed;
    },
    async readBackup(bytes) {
      const outcome = await run({ kind: 'backup', bytes });
      if (outcome.kind !== 'backup')
        throw new Error(`the parse worker answered ${outcome.kind} for a backup`);
      return outcome.reading;
    },
    async readColleagueBackup(bytes) {
      const outcome = await run({ kind: 'colleagueBackup', bytes });
      if (outcome.kind !== 'colleagueBackup')
        throw new Error(`the parse worker answered ${outcome.kind} for a colleague's backup`);
      return outcome.reading;
    },
    async imageSources(html) {
      const outcome = await run({ kind: 'imageSources', html });
      if (outcome.kind !== 'imageSources')
        throw new Error(`the parse worker answered ${outcome.kind} for images`);
      return outcome.sources;
    },
  };
}
