import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../store/durableJsonFile';
import type { RasterType } from './sniffImage';

/** A kept image's file name: its SHA-256 and its sniffed format, e.g. `3f…a9.png`. */
const IMAGE_NAME = /^[0-9a-f]{64}\.(?:png|jpeg|gif|webp|avif)$/;

export const isImageName = (name: string): boolean => IMAGE_NAME.test(name);

export interface ImageStore {
  /**
   * Keeps the bytes once (the same image from two bulletins is one file); resolves to its name.
   * The image is held (no sweep removes it) until `release`: its bulletin's file is not written yet.
   */
  put(bytes: Uint8Array, type: RasterType): Promise<string>;
  /** The images a job put are now referred to by its written file, or not needed (it failed). */
  release(names: readonly string[]): Promise<void>;
  /** The bytes of a kept image, or null when there is no such image. */
  read(name: string): Promise<Buffer | null>;
  /**
   * Removes every image that `referenced` (run first: it removes articles and says which images
   * the rest refer to) does not name and no running job holds; resolves to the bytes freed.
   */
  sweep(referenced: () => Promise<ReadonlySet<string>>): Promise<number>;
}

/**
 * Kept images in `folder`, by content hash, each written atomically (a crash leaves no half image).
 *
 * A job stores its images before its article file names them, and Settings' removal can run at
 * the same moment: so an image is held from `put` to `release`, puts wait while a sweep runs (a
 * put of an image the sweep is about to delete would find it "present"), and releases wait too
 * (else a job could write its file after the sweep read the articles, release, and lose its images).
 */
export function createImageStore(folder: string): ImageStore {
  const ready = mkdir(folder, { recursive: true });
  const names = async () => {
    await ready;
    return readdir(folder);
  };
  /** Images put by jobs whose article is not written yet, with how many jobs hold each. */
  const held = new Map<string, number>();
  let sweeping: Promise<unknown> | null = null;
  const afterSweep = async () => {
    while (sweeping) await sweeping.catch(() => undefined);
  };
  const unhold = (names: readonly string[]) => {
    for (const name of names) {
      const count = (held.get(name) ?? 0) - 1;
      if (count > 0) held.set(name, count);
      else held.delete(name);
    }
  };
  const removeUnreferenced = async (referenced: ReadonlySet<string>) => {
    let freed = 0;
    for (const name of await names()) {
      // Temporary files a crash left mid-write go too (not this process's: they may be in flight);
      // anything else is not ours to touch.
      const leftByCrash = name.endsWith('.tmp') && !name.endsWith(`.${process.pid}.tmp`);
      if (referenced.has(name) || held.has(name) || !(isImageName(name) || leftByCrash)) continue;
      const file = join(folder, name);
      freed += await stat(file).then(
        (found) => found.size,
        () => 0,
      );
      await rm(file, { force: true });
    }
    return freed;
  };
  return {
    async put(bytes, type) {
      await ready;
      await afterSweep();
      const name = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
      held.set(name, (held.get(name) ?? 0) + 1);
      const file = join(folder, name);
      try {
        const present = await stat(file).then(
          (found) => found.size === bytes.length,
          () => false,
        );
        if (!present) await writeAtomically(file, bytes);
        return name;
      } catch (error) {
        unhold([name]);
        throw error;
      }
    },
    async read(name) {
      if (!isImageName(name)) return null;
      return readFile(join(folder, name)).catch(() => null);
    },
    async release(released) {
      await afterSweep();
      unhold(released);
    },
    sweep(referenced) {
      // Marked at once, so a put or a release made after this call waits for it.
      const previous = sweeping?.catch(() => undefined) ?? Promise.resolve();
      const run = previous
        .then(referenced)
        .then(removeUnreferenced)
        .finally(() => {
          if (sweeping === run) sweeping = null;
        });
      sweeping = run;
      return run;
    },
  };
}
