import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` beside `file` under a temporary name, fsyncs it and renames it
 * into place, so the target is either the old file or the whole new one. A
 * cancelled or failed write removes its temporary file.
 */
export async function writeFileAtomically(
  file: string,
  data: Uint8Array,
  signal?: AbortSignal,
): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const handle = await open(temporary, 'w');
  let renamed = false;
  try {
    await handle.writeFile(data, signal ? { signal } : {});
    await handle.sync();
    await handle.close();
    signal?.throwIfAborted();
    await rename(temporary, file);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => {});
      await rm(temporary, { force: true });
    }
  }
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
