import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bulletin } from '../../preload/contract';
import { inSlices, whole, type Sliced } from '../mainThread/slices';
import type { Backups } from './backups';
import { createBodies, type Bodies, type StoredBulletin } from './bodies';
import { OutsideArchiveError, ReadOnlyFileError, type ReportStoreEvent } from './events';
import { openJsonDocument } from './jsonDocument';
import { createMonthBodies, type MonthBodies } from './monthBodies';
import { readMonthFile, type MonthLayout } from './monthLayout';
import { emptyShard, shardSchema, type Shard } from './schema';
import type { ReadMonth, TextReader } from './textReader';
import type { Writable } from './writeGuard';

export interface AddResult {
  added: StoredBulletin[];
  /** Same id, different contentHash: replaced in place; bookmarks and read marks, keyed by id, stay. */
  updated: StoredBulletin[];
  unchanged: number;
}

/** One month in memory: its bulletins without their bodies, and where those are. */
interface Month {
  bulletins: StoredBulletin[];
  bodies: MonthBodies;
  readOnly: boolean;
}

/** A month's shard file, e.g. 2020-11.json. */
export const SHARD_NAME = /^(\d{4})-(\d{2})\.json$/;

/**
 * The archive's bulletins, one file a month of publication (`bulletins/YYYY-MM.json`), and their
 * order newest first. Knows nothing of the user's marks: a deleted bulletin is still here (its
 * tombstone is the user's state). Month files are written only by `commit` and `restore`, each
 * replaced atomically through the write guard; nothing names a file outside `bulletins/`.
 */
export interface MonthShards {
  /** Every bulletin held, newest first by date published; the same array until the order changes. */
  newestFirst(): StoredBulletin[];
  /** The bulletin held under an id, whether or not the user deleted it. */
  stored(id: string): StoredBulletin | undefined;
  /** Every bulletin held, in the order they were read (what a backup writes). */
  all(): StoredBulletin[];
  /** The bodies of bulletins held (read from their month files, never all kept in memory). */
  readonly bodies: Bodies;
  /** `stage` then `commit`: for one set of bulletins on its own. */
  add(bulletins: Bulletin[]): Promise<AddResult>;
  /**
   * Takes bulletins into memory, all or nothing: when a month they need was made by a newer app,
   * the call is refused whole (READ_ONLY) and nothing changes. The months they touch are written
   * by `commit`, so an import of many files writes each month once, not once per file. `stored`
   * knows them at once; the order from the commit on.
   */
  stage(bulletins: Bulletin[]): Promise<AddResult>;
  /**
   * Writes each month staged since the last commit, once. Resolves when they are on disk, or held
   * for retry (a full disk, reported as `write-failed`); each month is replaced atomically, but a
   * crash between two months can leave one written and the other not. Rejects when a month could
   * not be written for another reason; that month is written again by the next commit.
   */
  commit(): Promise<void>;
  /**
   * Takes bulletins out of the archive (the undo of a colleague's library merge, which brought
   * them): out of memory at once, out of their months at the next `commit`. All or nothing, as
   * `stage`. Resolves to the bulletins removed.
   */
  unstage(ids: readonly string[]): Promise<StoredBulletin[]>;
  /** A month file was made by a newer app: a restore would not be saved whole. */
  readOnly(): boolean;
  /**
   * Writes every month with the backup's bulletins (a month the backup lacks is emptied, not
   * deleted: its old content is in backups/), then awaits `alongside` (the user's state restored),
   * and only then takes the months into the order.
   */
  restore(bulletins: readonly Bulletin[], alongside: () => Promise<void>): Promise<void>;
  /**
   * Reads the month files, newest first (once, at opening). `preview.ready` is asked each time the
   * months read hold `preview.rows` bulletins, after they are in the order; when it says yes the
   * reading waits for `preview.show`. Resolves to whether it was shown (true without a preview).
   */
  readMonths(reading: MonthReading): Promise<boolean>;
}

export interface MonthReading {
  /** Reads the older months (decoded in a worker, ahead of the one being parsed). */
  reader?: Pick<TextReader, 'readMonth' | 'expect'>;
  preview?: { rows: number; ready: () => boolean; show: () => void | Promise<void> };
}

export interface MonthShardsDeps {
  folder: string;
  backups: Backups;
  report: ReportStoreEvent;
  /** Writes a file through the write guard, tracked so that `flush` waits for it. */
  persist: (file: string, db: Writable) => Promise<void>;
  /** The order changed (months read, committed or restored): what is shown follows it. */
  onReorder: () => void;
}

export function createMonthShards({
  folder,
  backups,
  report,
  persist,
  onReorder,
}: MonthShardsDeps): MonthShards {
  const shardFolder = join(folder, 'bulletins');
  const openMonth = async (name: string, readMonth: ReadMonth = readMonthFile): Promise<Month> => {
    const file = `bulletins/${name}`;
    let layout: MonthLayout | null = null;
    const read = async (path: string) => {
      const month = await readMonth(path);
      layout = month.layout;
      return month.text;
    };
    const shard = await openJsonDocument<Shard>(
      { read, folder, file, kind: 'shard', schema: shardSchema, fallback: emptyShard },
      backups,
      report,
    );
    const recovery = shard.recovery;
    if (recovery) {
      const { movedTo, backup } = recovery;
      const bulletins = shard.db.data.bulletins.length;
      report({
        type: 'recovered',
        kind: 'shard',
        file,
        movedTo,
        backup,
        bulletins,
        complete: recovery.newest,
      });
    }
    const parsed = shard.db.data.bulletins;
    // Read from the file without their bodies (the usual case): kept as they are. Otherwise (a
    // file this app did not write, or a copy restored) the bodies are taken out here; a restored
    // copy's are held until the month is written (its file may not hold them: see jsonDocument).
    const fromRanges = layout !== null && recovery === null;
    const held = new Map<string, string | undefined>();
    const bulletins = fromRanges
      ? parsed
      : parsed.map((bulletin) => bodyless(bulletin, recovery ? held : null));
    const month: Month = {
      bulletins,
      readOnly: shard.readOnly,
      bodies: createMonthBodies({
        path: join(folder, file),
        bulletins: () => month.bulletins,
        layout: fromRanges ? layout : null,
        order: fromRanges ? bulletins.map((bulletin) => bulletin.id) : [],
        held,
        beforeReplace: (bytes) => backups.keep(file, bytes),
        refusal: () => shard.refusal,
      }),
    };
    return month;
  };
  const shards = new Map<string, Month>();
  const byId = new Map<string, StoredBulletin>();
  let newestFirst: StoredBulletin[] = [];
  const bodies = createBodies((id) => {
    const bulletin = byId.get(id);
    return bulletin && shards.get(`${monthOf(bulletin)}.json`)?.bodies;
  });
  /** Oldest month first, as they were read at launch: a later month's copy of an id wins. */
  const reindex = () => {
    byId.clear();
    for (const name of [...shards.keys()].sort())
      for (const bulletin of shards.get(name)?.bulletins ?? []) byId.set(bulletin.id, bulletin);
    reorder();
  };
  /** Each month's bulletins newest first, kept between commits (see reordering). */
  const sortedMonths = new Map<string, StoredBulletin[]>();
  /**
   * Every bulletin newest first. A shard holds one month of publication, so its bulletins sorted,
   * newest month first, are the whole archive sorted: a sort of a few hundred at a time instead of
   * one of every bulletin (a tenth of the opening at 100,000). A shard edited by hand may break
   * that: then the whole is sorted. Only the months `changed` are sorted again, with a place to
   * pause after each month and each month joined: an import of 1,000 bulletins touches every one
   * of 168 months at 100,000, ~85 ms of main's CPU in one turn before it was sliced (issue 20).
   */
  function* reordering(changed: Iterable<string>): Sliced<void> {
    const started = wholeReorders;
    for (const name of changed) {
      sortedMonths.set(
        name,
        sortNewestFirst((shards.get(name)?.bulletins ?? []).filter((b) => byId.get(b.id) === b)),
      );
      yield;
    }
    const byMonth: StoredBulletin[] = [];
    for (const name of [...shards.keys()].sort().reverse()) {
      for (const bulletin of sortedMonths.get(name) ?? []) byMonth.push(bulletin);
      yield;
    }
    // A whole reorder made meanwhile (a restore, the opening) saw every month as it is now.
    if (started !== wholeReorders) return;
    newestFirst = isNewestFirst(byMonth) ? byMonth : sortNewestFirst(byMonth);
    onReorder();
  }
  let wholeReorders = 0;
  const reorder = () => {
    wholeReorders++;
    whole(reordering(shards.keys()));
  };
  /** A commit's reorder, in slices, one after another (each reads what the one before sorted). */
  let reorders: Promise<void> = Promise.resolve();
  const reorderInSlices = (changed: readonly string[]): Promise<void> => {
    const run = () => inSlices(reordering(changed));
    return (reorders = reorders.then(run, run));
  };

  /**
   * The one door to month files: only a name of the YYYY-MM.json form, so no bulletin's date can
   * name a path outside `bulletins/` ("../../p"). Refused before anything is staged, so a bad
   * month never waits in `staged` to fail every later commit. A month is opened once: two stages
   * into a month not yet open (an import and a delete's undo) each opened their own, and the one
   * set second dropped what the other staged, and their writes raced for the same file.
   */
  async function shardFor(month: string): Promise<Month> {
    const name = `${month}.json`;
    if (!SHARD_NAME.test(name)) throw new OutsideArchiveError(month);
    const shard = shards.get(name);
    if (shard) return shard;
    let opening = openings.get(name);
    if (!opening) {
      opening = openMonth(name).then((opened) => {
        shards.set(name, opened);
        return opened;
      });
      openings.set(name, opening);
      void opening.then(
        () => openings.delete(name),
        () => openings.delete(name),
      );
    }
    return opening;
  }
  const openings = new Map<string, Promise<Month>>();
  /** Months changed by `stage` and not yet handed to `commit`. */
  const staged = new Set<string>();
  /** A month's writes, for the write guard (which retries them on a full disk). */
  const writable = (month: Month): Writable => ({ write: () => month.bodies.write() });

  const archive: MonthShards = {
    newestFirst: () => newestFirst,
    stored: (id) => byId.get(id),
    all: () => [...byId.values()],
    bodies,
    async add(bulletins) {
      const result = await archive.stage(bulletins);
      await archive.commit();
      return result;
    },
    async stage(bulletins) {
      // New ids, and known ids whose content changed (a corrected item, updated in place).
      const changes = bulletins.filter(
        (bulletin) => byId.get(bulletin.id)?.contentHash !== bulletin.contentHash,
      );
      const months = new Set<string>();
      for (const bulletin of changes) {
        months.add(monthOf(bulletin));
        const existing = byId.get(bulletin.id);
        if (existing) months.add(monthOf(existing));
      }
      const targets = new Map<string, Month>();
      for (const month of months) targets.set(month, await shardFor(month));
      // All or nothing: a month made by a newer app cannot take bulletins, so the batch is refused whole.
      const locked = [...targets.entries()].find(([, shard]) => shard.readOnly);
      if (locked) throw new ReadOnlyFileError(`bulletins/${locked[0]}.json`);

      const added: StoredBulletin[] = [];
      const updated: StoredBulletin[] = [];
      for (const bulletin of changes) {
        const existing = byId.get(bulletin.id);
        if (existing?.contentHash === bulletin.contentHash) continue; // the same item twice in one batch
        if (existing) {
          const old = targets.get(monthOf(existing));
          if (old) {
            old.bulletins = old.bulletins.filter((kept) => kept.id !== bulletin.id);
            old.bodies.release(bulletin.id);
          }
        }
        // A corrected item keeps the date it first arrived; bookmarks and read marks are keyed by id and stay.
        const { bodyHtml, ...fields } = bulletin;
        const stored = existing ? { ...fields, importedAt: existing.importedAt } : fields;
        const target = targets.get(monthOf(stored));
        target?.bulletins.push(stored);
        // Its body stays in hand until its month is written.
        target?.bodies.hold(stored.id, bodyHtml);
        bodies.forget(stored.id);
        byId.set(stored.id, stored);
        (existing ? updated : added).push(stored);
      }
      for (const month of targets.keys()) staged.add(`${month}.json`);
      return { added, updated, unchanged: bulletins.length - added.length - updated.length };
    },
    async commit() {
      if (staged.size === 0) return;
      const names = [...staged];
      staged.clear();
      // Once per commit, not per file: at 100k bulletins each is a pass over all of them.
      await reorderInSlices(names);
      const writes = await Promise.allSettled(
        names.map((name) => {
          const shard = shards.get(name);
          return shard ? persist(`bulletins/${name}`, writable(shard)) : Promise.resolve();
        }),
      );
      // A write that failed outright (not a full disk: the guard retries that) is tried again by
      // the next commit, so importing the same file again saves what is already in memory.
      const failed = names.filter((_, at) => writes[at]?.status === 'rejected');
      for (const name of failed) staged.add(name);
      const refusal = writes.find((write) => write.status === 'rejected');
      if (refusal) throw refusal.reason;
    },
    async unstage(ids) {
      const leaving = ids.flatMap((id) => byId.get(id) ?? []);
      const targets = new Map<string, Month>();
      for (const month of new Set(leaving.map(monthOf))) targets.set(month, await shardFor(month));
      const locked = [...targets.entries()].find(([, shard]) => shard.readOnly);
      if (locked) throw new ReadOnlyFileError(`bulletins/${locked[0]}.json`);
      const gone = new Set(leaving.map((bulletin) => bulletin.id));
      for (const [month, shard] of targets) {
        shard.bulletins = shard.bulletins.filter((kept) => !gone.has(kept.id));
        for (const id of gone) shard.bodies.release(id);
        staged.add(`${month}.json`);
      }
      for (const id of gone) byId.delete(id);
      bodies.forget(...gone);
      return leaving;
    },
    readOnly: () => [...shards.values()].some((shard) => shard.readOnly),
    async restore(bulletins, alongside) {
      const byMonth = new Map<string, Bulletin[]>();
      for (const bulletin of bulletins) {
        const month = monthOf(bulletin);
        const list = byMonth.get(month);
        if (list) list.push(bulletin);
        else byMonth.set(month, [bulletin]);
      }
      for (const month of byMonth.keys()) await shardFor(month);
      // A month the backup does not have is emptied, not deleted: its old content is in backups/.
      for (const [name, shard] of shards) {
        for (const old of shard.bulletins) shard.bodies.release(old.id);
        shard.bulletins = (byMonth.get(name.slice(0, 7)) ?? []).map((bulletin) => bodyless(bulletin, null));
        for (const bulletin of byMonth.get(name.slice(0, 7)) ?? [])
          shard.bodies.hold(bulletin.id, bulletin.bodyHtml);
        await shard.bodies.write();
      }
      bodies.forgetAll();
      await alongside();
      reindex();
    },
    async readMonths({ reader, preview }) {
      // Newest month first: a month's bulletins are all newer than an older month's (shards are by
      // month of publication), so once the newest months hold a page of visible bulletins, that page
      // is the first page of the whole archive, and the window can show it while the rest is read.
      // A month whose file is gone but that has copies is opened too (and restored from them): the
      // app never deletes a month.
      const months = new Set((await readdir(shardFolder)).filter((entry) => SHARD_NAME.test(entry)));
      for (const month of await backups.monthsWithCopies()) months.add(month);
      const newestMonthFirst = [...months].sort().reverse();
      let previewed = !preview;
      let readSoFar = 0;
      // The newest months (the first page) are read on this thread; the rest through the reader, which
      // decodes them ahead of the one being parsed.
      let readingAhead = false;
      for (const [at, name] of newestMonthFirst.entries()) {
        if (previewed && !readingAhead) {
          reader?.expect(newestMonthFirst.slice(at).map((month) => join(shardFolder, month)));
          readingAhead = true;
        }
        const shard = await openMonth(name, readingAhead ? reader?.readMonth : undefined);
        shards.set(name, shard);
        // A month read ahead is parsed at once, so nothing else would run until the last one: the
        // window's messages (main is Electron's UI thread) get a turn between months.
        await new Promise((resolve) => setImmediate(resolve));
        if (previewed || !preview) continue;
        readSoFar += shard.bulletins.length;
        if (readSoFar < preview.rows) continue;
        reindex();
        if (preview.ready()) {
          previewed = true;
          await preview.show();
        }
      }
      reindex();
      return previewed;
    },
  };
  return archive;
}

const monthOf = (bulletin: StoredBulletin) => bulletin.published.slice(0, 7);

/** A bulletin without its body; the body goes to `held` when given one. */
function bodyless(bulletin: Bulletin, held: Map<string, string | undefined> | null): StoredBulletin {
  const { bodyHtml, ...fields } = bulletin;
  held?.set(bulletin.id, bodyHtml);
  return fields;
}

// Stable: bulletins of one day keep the order in which their source listed them. ISO dates
// order by code unit; localeCompare's collation made this sort most of the load time at 100k.
function sortNewestFirst(bulletins: StoredBulletin[]): StoredBulletin[] {
  return bulletins.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
}

function isNewestFirst(bulletins: readonly StoredBulletin[]): boolean {
  for (let i = 1; i < bulletins.length; i++)
    if ((bulletins[i - 1] as StoredBulletin).published < (bulletins[i] as StoredBulletin).published)
      return false;
  return true;
}
