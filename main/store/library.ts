import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { Bulletin, Counts, View } from '../../preload/contract';
import { openJsonDocument, type SetAside } from './jsonDocument';
import {
  emptyShard,
  emptyState,
  shardSchema,
  stateSchema,
  type Shard,
  type State,
  type Subscription,
} from './schema';

export interface AddResult {
  added: Bulletin[];
  /** Same id, different contentHash: replaced in place; bookmarks and read marks, keyed by id, stay. */
  updated: Bulletin[];
  unchanged: number;
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
  /** Files that were unreadable at start and were moved aside. */
  readonly setAside: readonly SetAside[];
}

const SHARD_NAME = /^(\d{4})-(\d{2})\.json$/;

export async function openLibrary(folder: string): Promise<Library> {
  const shardFolder = join(folder, 'bulletins');
  await mkdir(shardFolder, { recursive: true });
  const setAside: SetAside[] = [];

  const state = await openJsonDocument<State>(join(folder, 'state.json'), stateSchema, emptyState, setAside);
  const shards = new Map<string, Low<Shard>>();
  for (const name of (await readdir(shardFolder)).filter((entry) => SHARD_NAME.test(entry)).sort()) {
    const shard = await openJsonDocument(join(shardFolder, name), shardSchema, emptyShard, setAside);
    shards.set(name, shard);
  }

  const byId = new Map<string, Bulletin>();
  for (const shard of shards.values())
    for (const bulletin of shard.data.bulletins) byId.set(bulletin.id, bulletin);
  let newestFirst = sortNewestFirst([...byId.values()]);

  async function shardFor(month: string): Promise<Low<Shard>> {
    const name = `${month}.json`;
    let shard = shards.get(name);
    if (!shard) {
      shard = await openJsonDocument(join(shardFolder, name), shardSchema, emptyShard, setAside);
      shards.set(name, shard);
    }
    return shard;
  }

  const marks = () => state.data;

  return {
    setAside,
    bulletins(view = 'all') {
      if (view === 'bookmarks') return newestFirst.filter((bulletin) => bulletin.id in marks().bookmarks);
      if (view === 'unread') return newestFirst.filter((bulletin) => !(bulletin.id in marks().read));
      return newestFirst;
    },
    get: (id) => byId.get(id),
    async add(bulletins) {
      const added: Bulletin[] = [];
      const updated: Bulletin[] = [];
      const touched = new Set<Low<Shard>>();
      for (const bulletin of bulletins) {
        const existing = byId.get(bulletin.id);
        if (existing && existing.contentHash === bulletin.contentHash) continue;
        if (existing) {
          const oldShard = await shardFor(existing.published.slice(0, 7));
          oldShard.data.bulletins = oldShard.data.bulletins.filter((kept) => kept.id !== bulletin.id);
          touched.add(oldShard);
        }
        // A corrected item keeps the date it first arrived.
        const stored = existing ? { ...bulletin, importedAt: existing.importedAt } : bulletin;
        const shard = await shardFor(stored.published.slice(0, 7));
        shard.data.bulletins.push(stored);
        touched.add(shard);
        byId.set(stored.id, stored);
        (existing ? updated : added).push(stored);
      }
      await Promise.all([...touched].map((shard) => shard.write()));
      if (touched.size > 0) newestFirst = sortNewestFirst([...byId.values()]);
      return { added, updated, unchanged: bulletins.length - added.length - updated.length };
    },
    isBookmarked: (id) => id in marks().bookmarks,
    async toggleBookmark(id) {
      const bookmarks = marks().bookmarks;
      const nowBookmarked = !(id in bookmarks);
      if (nowBookmarked) bookmarks[id] = new Date().toISOString();
      else delete bookmarks[id];
      await state.write();
      return nowBookmarked;
    },
    isRead: (id) => id in marks().read,
    async setRead(id, read) {
      const marksRead = marks().read;
      if (read === id in marksRead) return;
      if (read) marksRead[id] = new Date().toISOString();
      else delete marksRead[id];
      await state.write();
    },
    subscriptions: () => marks().subscriptions,
    async saveSubscriptions(subscriptions) {
      marks().subscriptions = subscriptions;
      await state.write();
    },
    counts() {
      const all = byId.size;
      const readCount = Object.keys(marks().read).filter((id) => byId.has(id)).length;
      const bookmarks = Object.keys(marks().bookmarks).filter((id) => byId.has(id)).length;
      return { all, unread: all - readCount, bookmarks };
    },
  };
}

// Stable: bulletins of one day keep the order in which their source listed them.
function sortNewestFirst(bulletins: Bulletin[]): Bulletin[] {
  return bulletins.sort((a, b) => b.published.localeCompare(a.published));
}
