import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { Bulletin, Counts, View } from '../../preload/contract';
import { createBackups } from './backups';
import { ReadOnlyFileError, type ReportStoreEvent, type StoreEvent } from './events';
import { openJsonDocument, type JsonDocument } from './jsonDocument';
import {
  emptyShard,
  emptyState,
  shardSchema,
  stateSchema,
  type Shard,
  type State,
  type Subscription,
} from './schema';
import { createWriteGuard } from './writeGuard';

export interface AddResult {
  added: Bulletin[];
  /** Same id, different contentHash: replaced in place; bookmarks and read marks, keyed by id, stay. */
  updated: Bulletin[];
  unchanged: number;
}

/** Everything the user has, as one value: what File > Back up library… writes. */
export interface LibrarySnapshot {
  state: State;
  bulletins: Bulletin[];
}

/**
 * The archive (bulletins, sharded by month of publication) and the user's marks
 * on it (state.json). Shards are written only when bulletins are added; a user
 * action such as a bookmark writes state.json alone.
 */
export interface Library {
  /** Newest first. */
  bulletins(view?: View): Bulletin[];
  get(id: string): Bulletin | undefined;
  add(bulletins: Bulletin[]): Promise<AddResult>;
  isBookmarked(id: string): boolean;
  toggleBookmark(id: string): Promise<boolean>;
  isRead(id: string): boolean;
  setRead(id: string, read: boolean): Promise<void>;
  counts(): Counts;
  subscriptions(): readonly Subscription[];
  /** Replaces the list of subscriptions (kept in state.json). */
  saveSubscriptions(subscriptions: Subscription[]): Promise<void>;
  snapshot(): LibrarySnapshot;
  /** Replaces the whole library (File > Restore…); every file it rewrites is backed up first. */
  restore(snapshot: LibrarySnapshot): Promise<void>;
  /** What happened while opening (recoveries, migrations, newer files), in order. */
  readonly openingEvents: readonly StoreEvent[];
  /** Stops retrying failed writes. */
  close(): void;
}

export interface OpenOptions {
  /** Told of everything the user should know, at opening and later (e.g. a full disk). */
  report?: ReportStoreEvent;
  /** How long to wait before retrying a write the disk refused. */
  retryMs?: number;
}

/** A month's shard file, e.g. 2020-11.json. */
export const SHARD_NAME = /^(\d{4})-(\d{2})\.json$/;

export async function openLibrary(folder: string, options: OpenOptions = {}): Promise<Library> {
  const shardFolder = join(folder, 'bulletins');
  await mkdir(shardFolder, { recursive: true });
  await removeLeftoverTemporaries(folder, shardFolder);
  const openingEvents: StoreEvent[] = [];
  const report: ReportStoreEvent = (event) => {
    if (!opened) openingEvents.push(event);
    options.report?.(event);
  };
  let opened = false;
  const backups = createBackups(folder);
  const guard = createWriteGuard(report, options.retryMs);

  const state = await openJsonDocument<State>(
    {
      folder,
      file: 'state.json',
      kind: 'state',
      schema: stateSchema,
      fallback: emptyState,
      count: (data) => Object.keys(data.bookmarks).length,
    },
    backups,
    report,
  );
  const openShard = (name: string) =>
    openJsonDocument<Shard>(
      {
        folder,
        file: `bulletins/${name}`,
        kind: 'shard',
        schema: shardSchema,
        fallback: emptyShard,
        count: (data) => data.bulletins.length,
      },
      backups,
      report,
    );
  const shards = new Map<string, JsonDocument<Shard>>();
  for (const name of (await readdir(shardFolder)).filter((entry) => SHARD_NAME.test(entry)).sort()) {
    shards.set(name, await openShard(name));
  }
  opened = true;

  const byId = new Map<string, Bulletin>();
  let newestFirst: Bulletin[] = [];
  const reindex = () => {
    byId.clear();
    for (const shard of shards.values())
      for (const bulletin of shard.db.data.bulletins) byId.set(bulletin.id, bulletin);
    newestFirst = sortNewestFirst([...byId.values()]);
  };
  reindex();

  async function shardFor(month: string): Promise<JsonDocument<Shard>> {
    const name = `${month}.json`;
    let shard = shards.get(name);
    if (!shard) {
      shard = await openShard(name);
      shards.set(name, shard);
    }
    return shard;
  }

  const marks = () => state.db.data;
  const saveState = () => guard.persist('state.json', state.db as Low<unknown>);
  const saveShard = (name: string, shard: JsonDocument<Shard>) =>
    guard.persist(`bulletins/${name}`, shard.db as Low<unknown>);

  return {
    openingEvents,
    close: () => guard.dispose(),
    bulletins(view = 'all') {
      if (view === 'bookmarks') return newestFirst.filter((bulletin) => bulletin.id in marks().bookmarks);
      if (view === 'unread') return newestFirst.filter((bulletin) => !(bulletin.id in marks().read));
      return newestFirst;
    },
    get: (id) => byId.get(id),
    async add(bulletins) {
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
      const targets = new Map<string, JsonDocument<Shard>>();
      for (const month of months) targets.set(month, await shardFor(month));
      // All or nothing: a month made by a newer app cannot take bulletins, so the batch is refused whole.
      const locked = [...targets.entries()].find(([, shard]) => shard.readOnly);
      if (locked) throw new ReadOnlyFileError(`bulletins/${locked[0]}.json`);

      const added: Bulletin[] = [];
      const updated: Bulletin[] = [];
      for (const bulletin of changes) {
        const existing = byId.get(bulletin.id);
        if (existing?.contentHash === bulletin.contentHash) continue; // the same item twice in one batch
        if (existing) {
          const old = targets.get(monthOf(existing));
          if (old) old.db.data.bulletins = old.db.data.bulletins.filter((kept) => kept.id !== bulletin.id);
        }
        // A corrected item keeps the date it first arrived; bookmarks and read marks are keyed by id and stay.
        const stored = existing ? { ...bulletin, importedAt: existing.importedAt } : bulletin;
        targets.get(monthOf(stored))?.db.data.bulletins.push(stored);
        byId.set(stored.id, stored);
        (existing ? updated : added).push(stored);
      }
      await Promise.all([...targets].map(([month, shard]) => saveShard(`${month}.json`, shard)));
      if (added.length + updated.length > 0) newestFirst = sortNewestFirst([...byId.values()]);
      return { added, updated, unchanged: bulletins.length - added.length - updated.length };
    },
    isBookmarked: (id) => id in marks().bookmarks,
    async toggleBookmark(id) {
      const bookmarks = marks().bookmarks;
      const nowBookmarked = !(id in bookmarks);
      if (nowBookmarked) bookmarks[id] = new Date().toISOString();
      else delete bookmarks[id];
      await saveState();
      return nowBookmarked;
    },
    isRead: (id) => id in marks().read,
    async setRead(id, read) {
      const marksRead = marks().read;
      if (read === id in marksRead) return;
      if (read) marksRead[id] = new Date().toISOString();
      else delete marksRead[id];
      await saveState();
    },
    subscriptions: () => marks().subscriptions,
    async saveSubscriptions(subscriptions) {
      marks().subscriptions = subscriptions;
      await saveState();
    },
    counts() {
      const all = byId.size;
      const readCount = Object.keys(marks().read).filter((id) => byId.has(id)).length;
      const bookmarks = Object.keys(marks().bookmarks).filter((id) => byId.has(id)).length;
      return { all, unread: all - readCount, bookmarks };
    },
    snapshot: () => ({ state: structuredClone(marks()), bulletins: [...byId.values()] }),
    async restore(snapshot) {
      const locked = [state, ...shards.values()].find((document) => document.readOnly);
      if (locked) throw new ReadOnlyFileError('library');
      const byMonth = new Map<string, Bulletin[]>();
      for (const bulletin of snapshot.bulletins) {
        const month = monthOf(bulletin);
        byMonth.set(month, [...(byMonth.get(month) ?? []), bulletin]);
      }
      for (const month of byMonth.keys()) await shardFor(month);
      // A month the backup does not have is emptied, not deleted: its old content is in backups/.
      for (const [name, shard] of shards) {
        shard.db.data = { ...emptyShard(), bulletins: byMonth.get(name.slice(0, 7)) ?? [] };
        await shard.db.write();
      }
      state.db.data = structuredClone(snapshot.state);
      await state.db.write();
      reindex();
    },
  };
}

const monthOf = (bulletin: Bulletin) => bulletin.published.slice(0, 7);

/** A temporary file left by a write that a crash interrupted: never the only copy of anything. */
async function removeLeftoverTemporaries(...folders: string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
    }
  }
}

// Stable: bulletins of one day keep the order in which their source listed them. ISO dates
// order by code unit; localeCompare's collation made this sort most of the load time at 100k.
function sortNewestFirst(bulletins: Bulletin[]): Bulletin[] {
  return bulletins.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
}
