import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { preserveAtomically, errorCode, writeAtomically } from './durableJsonFile';

export interface BackupCopy {
  path: string;
  /** ISO date-time the copy was taken. */
  takenAt: string;
}

/**
 * Rotating generations of the store's files in `<library>/backups/`, taken
 * just before a file is replaced (shards, a migrated file) or, for state.json,
 * from each compaction of its journal (so that a copy holds every mark, not a
 * state.json whose latest marks were in a journal since replaced):
 *   backups/state/<time>.json            at most one a day, the newest 7 kept;
 *   backups/bulletins/YYYY-MM/<time>.json before every rewrite, the newest 2 kept
 *                                         (shards are large; each is rebuilt by re-importing too).
 */
export interface Backups {
  /** Copies `file` (relative to the library) before it is replaced; `force` ignores the once-a-day rule. */
  beforeReplace(file: string, force?: boolean): Promise<void>;
  /**
   * Keeps `text`, the content `file` was just given, unless today already has a copy. Written, not
   * linked: a copy sharing state.json's inode would share any damage done to it in place.
   */
  keepDaily(file: string, text: string): Promise<void>;
  /** Copies of `file`, newest first. */
  copiesOf(file: string): Promise<BackupCopy[]>;
  readonly folder: string;
}

const POLICY = {
  state: { keep: 7, daily: true },
  shard: { keep: 2, daily: false },
} as const;

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
    return names
      .filter((name) => STAMPED.test(name))
      .sort()
      .reverse()
      .map((name) => ({ path: join(generations, name), takenAt: stampToIso(name) }));
  }

  /** Takes a copy with `put` (unless a daily file has one from today) and drops the oldest. */
  async function rotate(file: string, force: boolean, put: (copy: string) => Promise<void>): Promise<void> {
    const policy = policyOf(file);
    const now = new Date().toISOString();
    try {
      const existing = await copiesOf(file);
      if (!force && policy.daily && existing[0]?.takenAt.slice(0, 10) === now.slice(0, 10)) return;
      const generations = generationsOf(file);
      await mkdir(generations, { recursive: true });
      await put(join(generations, `${isoToStamp(now)}.json`));
      for (const old of existing.slice(policy.keep - 1)) await rm(old.path, { force: true });
    } catch (error) {
      // Nothing to copy yet (a new shard); or the copy failed: the write itself matters more
      // than its backup, so it goes ahead (a full disk then fails the write, which is reported).
      if (errorCode(error) !== 'ENOENT') console.warn(`[store] no backup of ${file}:`, errorCode(error));
    }
  }

  return {
    folder,
    copiesOf,
    beforeReplace: (file, force = false) =>
      rotate(file, force, (copy) => preserveAtomically(join(libraryFolder, file), copy)),
    keepDaily: (file, text) => rotate(file, false, (copy) => writeAtomically(copy, text)),
  };
}

const STAMPED = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/;
// File names cannot hold ':' on Windows.
const isoToStamp = (iso: string) => iso.replace(/[:.]/g, '-');
const stampToIso = (name: string) =>
  name.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)\.json$/, '$1:$2:$3.$4');
