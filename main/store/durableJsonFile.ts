import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

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
export function durableJsonFile<T>(file: string): Adapter<T> {
  let lastWrite: Promise<void> = Promise.resolve();
  let queued: { data: T; done: Promise<void> } | null = null;

  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return JSON.parse(text) as T;
    },
    write(data) {
      if (queued) {
        queued.data = data;
        return queued.done;
      }
      const entry = { data, done: Promise.resolve() };
      entry.done = lastWrite.then(() => {
        queued = null;
        return writeAtomically(file, JSON.stringify(entry.data));
      });
      queued = entry;
      lastWrite = entry.done.catch(() => undefined);
      return entry.done;
    },
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
  await syncFolder(dirname(file));
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

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
