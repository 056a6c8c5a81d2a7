import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { preserveAtomically, errorCode, writeAtomically } from './durableJsonFile';

export interface BackupCopy {
  path: string;
  /** ISO date-time the copy was taken. */
  takenAt: string;
}

/**
 * Copies of the store's files in `<library>/backups/`, each a file of its own (written, never
 * hard-linked: a link shares any damage done to the file in place), so that losing any one file
 * loses nothing:
 *   backups/state/<time>.json             the content of every compaction of state.json, written
 *                                          before state.json itself: the newest 5, plus the newest
 *                                          of each of the last 7 days;
 *   backups/state/journal-<gen>.jsonl     a second copy of the journal of each of the last 5
 *                                          generations (see stateJournal.ts);
 *   backups/bulletins/YYYY-MM/<time>.json.gz  the content of every write of a month, gzipped (a
 *                                          fifth of its size, compressed off main's thread), written
 *                                          before the month itself: the newest 2 (the current
 *                                          content and the one before), so at most 2 / 5 of the
 *                                          archive's size on disk.
 * An older file's form from before a migration is kept too (`.json`, as it was).
 */
export interface Backups {
  /** Keeps `file`'s current content as it is (before a migration rewrites it). */
  preserve(file: string): Promise<void>;
  /**
   * Keeps `text`, the content `file` is about to be given, as a copy of its own. Rejects when the
   * copy could not be written: the caller must not then make `file` the only copy of the change.
   */
  keep(file: string, text: string | Uint8Array): Promise<void>;
  /** Copies of `file`, newest first. */
  copiesOf(file: string): Promise<BackupCopy[]>;
  /** A copy's text (gunzipped when it is compressed). */
  readCopy(path: string): Promise<string>;
  /** Months (e.g. "2020-11.json") that have copies: a month whose file is gone is restored from them. */
  monthsWithCopies(): Promise<string[]>;
  readonly folder: string;
}

/** How many copies are kept: the newest `recent`, plus the newest of each of the last `days` days. */
const POLICY = {
  state: { recent: 5, days: 7, compress: false },
  shard: { recent: 2, days: 0, compress: true },
} as const;

const compress = promisify(gzip);
const decompress = promisify(gunzip);

export function createBackups(libraryFolder: string): Backups {
  const folder = join(libraryFolder, 'backups');
  const generationsOf = (file: string) => join(folder, file.replace(/\.json$/, ''));
  const policyOf = (file: string) => (file === 'state.json' ? POLICY.state : POLICY.shard);

  async function copiesOf(file: string): Promise<BackupCopy[]> {
    const generations = generationsOf(file);
    let names: string[];
    try {
      names = await readdir(generations);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    // Newest first; of two copies taken in the same millisecond, the compressed one (written after a migration's).
    return names
      .filter((name) => STAMPED.test(name))
      .sort()
      .reverse()
      .map((name) => ({ path: join(generations, name), takenAt: stampToIso(name) }));
  }

  async function prune(file: string): Promise<void> {
    const policy = policyOf(file);
    const copies = await copiesOf(file);
    const days = new Set<string>();
    for (const [at, copy] of copies.entries()) {
      const day = copy.takenAt.slice(0, 10);
      const newestOfItsDay = !days.has(day);
      days.add(day);
      if (at < policy.recent || (newestOfItsDay && days.size <= policy.days)) continue;
      await rm(copy.path, { force: true });
    }
  }

  async function put(file: string, write: (copy: string) => Promise<void>, extension: string) {
    const generations = generationsOf(file);
    await mkdir(generations, { recursive: true });
    await write(join(generations, `${isoToStamp(new Date().toISOString())}${extension}`));
  }

  return {
    folder,
    copiesOf,
    async preserve(file) {
      try {
        await put(file, (copy) => preserveAtomically(join(libraryFolder, file), copy), '.json');
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    },
    async keep(file, text) {
      const policy = policyOf(file);
      if (policy.compress) {
        const bytes = await compress(text);
        await put(file, (copy) => writeAtomically(copy, bytes), '.json.gz');
      } else await put(file, (copy) => writeAtomically(copy, text), '.json');
      await prune(file).catch((error: unknown) =>
        console.warn(`[store] could not prune the copies of ${file}:`, errorCode(error)),
      );
    },
    async readCopy(path) {
      const bytes = await readFile(path);
      if (!path.endsWith('.gz')) return bytes.toString('utf8');
      // A damaged copy is one the caller passes over: as text it is not JSON.
      return (await decompress(bytes).catch(() => Buffer.alloc(0))).toString('utf8');
    },
    async monthsWithCopies() {
      try {
        const names = await readdir(join(folder, 'bulletins'));
        return names.filter((name) => /^\d{4}-\d{2}$/.test(name)).map((name) => `${name}.json`);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

const STAMPED = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json(\.gz)?$/;
// File names cannot hold ':' on Windows.
const isoToStamp = (iso: string) => iso.replace(/[:.]/g, '-');
const stampToIso = (name: string) =>
  name.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)\.json(\.gz)?$/, '$1:$2:$3.$4');
