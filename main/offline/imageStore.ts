import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../store/durableJsonFile';
import type { RasterType } from './sniffImage';

/** A kept image's file name: its SHA-256 and its sniffed format, e.g. `3f…a9.png`. */
const IMAGE_NAME = /^[0-9a-f]{64}\.(?:png|jpeg|gif|webp|avif)$/;

export const isImageName = (name: string): boolean => IMAGE_NAME.test(name);

export interface ImageStore {
  /** Keeps the bytes once (the same image from two bulletins is one file); resolves to its name. */
  put(bytes: Uint8Array, type: RasterType): Promise<string>;
  /** The bytes of a kept image, or null when there is no such image. */
  read(name: string): Promise<Buffer | null>;
  /** Removes every image no bulletin refers to any more; resolves to the bytes freed. */
  removeUnreferenced(referenced: ReadonlySet<string>): Promise<number>;
  /** What the kept images take on disk, in bytes. */
  bytes(): Promise<number>;
}

/** Kept images in `folder`, by content hash, each written atomically (a crash leaves no half image). */
export function createImageStore(folder: string): ImageStore {
  const ready = mkdir(folder, { recursive: true });
  const names = async () => {
    await ready;
    return readdir(folder);
  };
  return {
    async put(bytes, type) {
      await ready;
      const name = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
      const file = join(folder, name);
      const present = await stat(file).then(
        (found) => found.size === bytes.length,
        () => false,
      );
      if (!present) await writeAtomically(file, bytes);
      return name;
    },
    async read(name) {
      if (!isImageName(name)) return null;
      return readFile(join(folder, name)).catch(() => null);
    },
    async removeUnreferenced(referenced) {
      let freed = 0;
      for (const name of await names()) {
        // Temporary files a crash left mid-write go too (not this process's: they may be in flight);
        // anything else is not ours to touch.
        const leftByCrash = name.endsWith('.tmp') && !name.endsWith(`.${process.pid}.tmp`);
        if (referenced.has(name) || !(isImageName(name) || leftByCrash)) continue;
        const file = join(folder, name);
        freed += await stat(file).then(
          (found) => found.size,
          () => 0,
        );
        await rm(file, { force: true });
      }
      return freed;
    },
    async bytes() {
      let total = 0;
      for (const name of await names())
        total += await stat(join(folder, name)).then(
          (found) => found.size,
          () => 0,
        );
      return total;
    },
  };
}
