import { copyFile, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { noForeground } from '../mainThread/slices';

export interface DurableJsonFileOptions<T> {
  /**
   * Runs with the text each write is about to give the file, before the file is replaced (in the
   * write queue): e.g. keep a copy of it, so the file is never the only copy of a change. If it
   * rejects, the write does too and the file is left as it was.
   */
  beforeReplace?: (bytes: Uint8Array) => Promise<void>;
  /** Refuses every write, e.g. for a file made by a newer version of the app. */
  refusal?: () => Error | null;
  /**
   * A second copy of a small file (a settings file), written before the file itself: `read` falls
   * back to it when the file is missing, not JSON, or not `valid`.
   */
  copy?: string;
  valid?: (data: unknown) => data is T;
}

/**
 * A lowdb adapter that survives power loss: lowdb's own file adapters rename a
 * temporary file into place but never fsync, so a crash can leave an empty file.
 *
 * Writes go to a temporary file, are fsynced, renamed over the target, and the
 * folder is fsynced so the rename itself is durable. Writes are serialised and a
 * burst is coalesced: while one write is on disk, later ones collapse into a
 * single follow-up that carries the newest data. Each returned promise resolves
 * only once data at least as new as its own is on disk.
 */
export function durableJsonFile<T>(file: string, options: DurableJsonFileOptions<T> = {}): Adapter<T> {
  let lastWrite: Promise<void> = Promise.resolve();
  let queued: { data: T; done: Promise<void> } | null = null;
  const { copy, valid = (data: unknown): data is T => data !== null } = options;

  return {
    async read() {
      if (copy === undefined) {
        const text = await readIfThere(file);
        return text === null ? null : (JSON.parse(text) as T);
      }
      for (const path of [file, copy]) {
        const data = parseOrNull(await readIfThere(path));
        if (valid(data)) return data;
      }
      return null;
    },
    write(data) {
      const refusal = options.refusal?.();
      if (refusal) return Promise.reject(refusal);
      if (queued) {
        queued.data = data;
        return queued.done;
      }
      const entry = { data, done: Promise.resolve() };
      entry.done = lastWrite.then(async () => {
        const bytes = await inATurnOfItsOwn(() => {
          // A write asked for until now joins this one.
          queued = null;
          // Encoded once, for the copy and the file (encoding costs as much as stringifying).
          return Buffer.from(JSON.stringify(entry.data));
        });
        await options.beforeReplace?.(bytes);
        if (copy !== undefined) {
          await mkdir(dirname(copy), { recursive: true });
          await writeAtomically(copy, bytes);
        }
        await writeAtomically(file, bytes);
      });
      queued = entry;
      lastWrite = entry.done.catch(() => undefined);
      return entry.done;
    },
  };
}

/** The serialisation last asked for, of any file (see inATurnOfItsOwn). */
let lastSerialised: Promise<unknown> = Promise.resolve();

/**
 * Runs `serialise` once every serialisation asked for before it has run, in a later turn of the
 * event loop than theirs, so that timers and the window's messages run between two files. A
 * commit starts the writes of every month it touched at once: serialised as they came (a chain of
 * microtasks, or immediates, which Node runs all in one go) they held main's thread 6–8 s when an
 * import touched all 168 months of a generated archive (10,000 to 100,000 bulletins, loaded machine).
 * A file waits while a search runs (mainThread/slices.ts): an import's months, each a turn of tens of
 * ms at 100k, came between a search's slices and made it answer several times later.
 */
export function inATurnOfItsOwn<T>(serialise: () => T): Promise<T> {
  const turn = lastSerialised
    .then(() => new Promise((resolve) => setImmediate(resolve)))
    .then(noForeground)
    .then(serialise);
  lastSerialised = turn.catch(() => undefined);
  return turn;
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function parseOrNull(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * tmp → fsync → rename → fsync of the folder: after it resolves, `file` holds
 * `data` (chunks are written in order) or its old content, never a mix. An
 * aborted or failed write removes its temporary file and leaves `file` alone.
 */
export async function writeAtomically(
  file: string,
  data: string | Uint8Array | readonly string[] | AsyncIterable<string>,
  signal?: AbortSignal,
): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  const handle = await open(temporary, 'w');
  try {
    // Made as they are written (a library backup reads its bodies a batch at a time).
    for await (const chunk of chunks) await handle.writeFile(chunk, { signal });
    await handle.sync();
    signal?.throwIfAborted();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await renameWithRetry(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(file));
}

/**
 * Keeps the current content of `from` as `to` (a file's form before a migration), as durably as
 * writeAtomically writes. A hard link costs no copying, and once `from` is replaced (by rename,
 * never in place) the link is the only name of the old content; but until then it shares any
 * damage done to `from` in place, so it is never used for a copy of current content (see
 * backups.ts). Where links are refused (FAT-formatted USB sticks, some network shares) it copies.
 */
export async function preserveAtomically(from: string, to: string): Promise<void> {
  const temporary = `${to}.${process.pid}.tmp`;
  await rm(temporary, { force: true });
  try {
    await link(from, temporary);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw error;
    await copyFile(from, temporary);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await renameWithRetry(temporary, to);
  await syncFolder(dirname(to));
}

/**
 * On Windows a virus scanner, indexer or backup tool that has the target open
 * makes rename fail with EBUSY, EPERM or EACCES for a moment. Retry with a
 * doubling delay, bounded (about 1.3 s in all), then give up with the error.
 */
const RENAME_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640];
const TRANSIENT = new Set(['EBUSY', 'EPERM', 'EACCES']);

export async function renameWithRetry(
  from: string,
  to: string,
  renameFile: (from: string, to: string) => Promise<void> = rename,
  delays: readonly number[] = RENAME_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await renameFile(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !TRANSIENT.has(errorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; its rename is already durable there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
