import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type {
  Bulletin,
  CollectionInfo,
  Counts,
  ListSort,
  SavedSearchQuery,
  Settings,
  View,
} from '../../preload/contract';
import { planShareMerge, type MergeOptions, type ShareSummaryCounts } from '../share/mergeShare';
import type { SharedMarks } from '../share/shareFormat';
import { applyMergeMarks, revertMergeMarks, type MergeMarks, type MergeRecord } from '../share/mergeRecord';
import { createBackups } from './backups';
import {
  collectionIdOf,
  findCollection,
  newCollection,
  renamed,
  sameName,
  UnknownCollectionError,
} from './collections';
import { OutsideArchiveError, ReadOnlyFileError, type ReportStoreEvent, type StoreEvent } from './events';
import type { ReadText, TextReader } from './textReader';
import { openJsonDocument, type JsonDocument, type Recovery } from './jsonDocument';
import {
  emptyShard,
  emptyState,
  shardSchema,
  stateSchema,
  type Collection,
  type SavedSearch,
  type Shard,
  type State,
  type Subscription,
} from './schema';
import { newSavedSearch, queryOf, renamedSavedSearch, UnknownSavedSearchError } from './savedSearches';
import { openStateJournal, type JournalLimits, type Replay, type StatePatch } from './stateJournal';
import { createMarkTally } from './markTally';
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
 * action such as a bookmark appends a line to state.json's journal, and a
 * structural one (settings, a collection made or deleted) rewrites state.json.
 */
export interface Library {
  /**
   * Newest first, by date published or (bookmarks, collections) by when the user added them.
   * Deleted bulletins are left out here, in `get` and in every count.
   */
  bulletins(view?: View, sort?: ListSort): Bulletin[];
  get(id: string): Bulletin | undefined;
  /** Whether the archive holds a bulletin: shown, deleted by the user (a tombstone), or not at all. */
  presence(id: string): 'visible' | 'deleted' | 'absent';
  /** `stage` then `commit`: for one set of bulletins on its own. */
  add(bulletins: Bulletin[]): Promise<AddResult>;
  /**
   * Takes bulletins into memory, all or nothing: when a month they need was made by a newer app,
   * the call is refused whole (READ_ONLY) and nothing changes. The months they touch are written
   * by `commit`, so an import of many files writes each month once, not once per file. `get`
   * knows them at once; lists and counts from the commit on.
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
  unstage(ids: readonly string[]): Promise<Bulletin[]>;
  isBookmarked(id: string): boolean;
  toggleBookmark(id: string): Promise<boolean>;
  isRead(id: string): boolean;
  setRead(id: string, read: boolean): Promise<void>;
  /**
   * Bookmarks (or un-bookmarks) many bulletins with one write of state.json, however many
   * there are. Resolves to the ids whose mark changed (unknown ids are skipped), so it can be undone.
   */
  setBookmarked(ids: readonly string[], bookmarked: boolean): Promise<string[]>;
  /** Marks many bulletins read or unread with one write; resolves to the ids that changed. */
  setReadMany(ids: readonly string[], read: boolean): Promise<string[]>;
  counts(): Counts;
  /** The user's note on a bulletin, or undefined. */
  note(id: string): string | undefined;
  /** The note with when it was last changed, or undefined (what a share file carries). */
  noteEntry(id: string): { text: string; updatedAt: string } | undefined;
  /** Every note, as [bulletin id, text] (notes are few: a scan of them is cheap). */
  notes(): Array<[string, string]>;
  /** Saves a note; an empty or blank text removes it. */
  setNote(id: string, text: string): Promise<void>;
  collections(): CollectionInfo[];
  /** The collections with their members, as stored (read only): what a merge plans against. */
  collectionMembers(): ReadonlyArray<Readonly<Collection>>;
  /** Ids of the collections a bulletin is in. */
  collectionsOf(id: string): string[];
  /** Throws CollectionNameError for an empty or taken name. */
  createCollection(name: string): Promise<CollectionInfo>;
  renameCollection(id: string, name: string): Promise<void>;
  /** Resolves to the collection removed, whole, so that undo can put it back. */
  deleteCollection(id: string): Promise<Collection>;
  /** Puts back a collection `deleteCollection` removed, at its old place in the list. */
  restoreCollection(collection: Collection, position: number): Promise<void>;
  /** Adds bulletins (one write, whatever their number); resolves to how many were not in it yet. */
  addToCollection(collectionId: string, ids: string[]): Promise<number>;
  removeFromCollection(collectionId: string, ids: string[]): Promise<number>;
  /** The saved searches, in the order made. */
  savedSearches(): readonly SavedSearch[];
  /** Throws SavedSearchNameError for an empty name, or one a saved search or collection has. */
  saveSearch(name: string, query: SavedSearchQuery): Promise<SavedSearch>;
  renameSavedSearch(id: string, name: string): Promise<void>;
  /** Resolves to the saved search removed and its place, so that undo can put it back. */
  deleteSavedSearch(id: string): Promise<{ saved: SavedSearch; position: number }>;
  restoreSavedSearch(saved: SavedSearch, position: number): Promise<void>;
  /** Notes it opened now (a line of the journal): its new matches count from here. */
  openSavedSearch(id: string): Promise<SavedSearchQuery>;
  /**
   * Hides bulletins everywhere with a tombstone in state.json (their shards stay as they are);
   * resolves to the batch that `undoDelete` takes back, and how many were deleted.
   */
  deleteBulletins(ids: string[]): Promise<{ batch: string; count: number }>;
  /** Resolves to how many bulletins came back. */
  undoDelete(batch: string): Promise<number>;
  /** The ids a delete batch hid and `undoDelete` would bring back (its tombstones: known after a restart too). */
  deletedIn(batch: string): string[];
  /**
   * Merges a colleague's marks on bulletins already in the library (see main/share/mergeShare.ts):
   * notes kept beside the user's, the collection joined or created by name, bookmarks if asked.
   * One write of state.json; none when nothing changes (the same file merged again).
   */
  mergeShare(
    share: SharedMarks,
    sharedIds: readonly string[],
    options: MergeOptions,
  ): Promise<ShareSummaryCounts>;
  /**
   * Writes a colleague's library's marks (main/share/mergeRecord.ts): notes, bookmarks, collection
   * items, collections and saved searches, with one write of state.json.
   */
  mergeMarks(marks: MergeMarks): Promise<void>;
  /** Takes a merge's marks back out, keeping what the user changed since; one write. */
  revertMerge(record: MergeRecord): Promise<{ kept: number }>;
  subscriptions(): readonly Subscription[];
  /** Replaces the list of subscriptions (kept in state.json). */
  saveSubscriptions(subscriptions: Subscription[]): Promise<void>;
  /** File › Settings…, kept in state.json. */
  settings(): Settings;
  saveSettings(settings: Settings): Promise<void>;
  snapshot(): LibrarySnapshot;
  /** Replaces the whole library (File > Restore…); every file it rewrites is backed up first. */
  restore(snapshot: LibrarySnapshot): Promise<void>;
  /** What happened while opening (recoveries, migrations, newer files), in order. */
  readonly openingEvents: readonly StoreEvent[];
  /**
   * Commits what is staged, then resolves once every write begun so far has finished and
   * state.json's journal is folded into state.json (the app waits for it before quitting).
   */
  flush(): Promise<void>;
  /** Stops retrying failed writes. */
  close(): void;
}

/**
 * The library while its older months are still being read: enough to list the newest bulletins
 * of a view (and the user's marks on them), never a count or anything else about the whole.
 */
export type LibraryPreview = Pick<Library, 'bulletins' | 'isBookmarked' | 'isRead' | 'note'>;

export interface OpenOptions {
  /** Told of everything the user should know, at opening and later (e.g. a full disk). */
  report?: ReportStoreEvent;
  /** How long to wait before retrying a write the disk refused. */
  retryMs?: number;
  /**
   * Called once, as soon as the newest months hold `previewRows` visible bulletins (or every month
   * is in): the first page of the list can be shown while the older months are read. Those are
   * read once what it returns settles: reading them keeps main's thread busy for seconds at 100,000
   * bulletins, and the window loading meanwhile needs that thread (Electron's main process is the
   * browser's UI thread), so the caller may hold them back until the window has its first page.
   */
  onPreview?: (preview: LibraryPreview) => void | Promise<void>;
  /** Default 100: the renderer's first page. */
  previewRows?: number;
  /** When state.json's journal is compacted (tests make it small to exercise compactions). */
  journalLimits?: JournalLimits;
  /**
   * Reads the month files at opening (the app's reads and decodes them in a worker, ahead of the
   * one being parsed); by default they are read on this thread.
   */
  reader?: Pick<TextReader, 'read' | 'expect'>;
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
    },
    backups,
    report,
  );
  const journal = await openStateJournal(folder, state, backups, report, options.journalLimits);
  if (state.recovery) report(stateRecovered(state.db.data, state.recovery, journal.replay));
  const openShard = async (name: string, read?: ReadText) => {
    const file = `bulletins/${name}`;
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
    return shard;
  };
  const shards = new Map<string, JsonDocument<Shard>>();
  const byId = new Map<string, Bulletin>();
  let newestFirst: Bulletin[] = [];
  /** `newestFirst` less the deleted: what every view starts from. */
  let visible: Bulletin[] = [];
  const isDeleted = (id: string) => id in state.db.data.deleted;
  const isVisible = (id: string) => byId.has(id) && !isDeleted(id);
  const tally = createMarkTally(() => state.db.data, isVisible);
  const refreshVisible = () => {
    tally.forget();
    const deleted = state.db.data.deleted;
    visible = Object.keys(deleted).length === 0 ? newestFirst : newestFirst.filter((b) => !(b.id in deleted));
  };
  /** Oldest month first, as they were read at launch: a later month's copy of an id wins. */
  const reindex = () => {
    byId.clear();
    for (const name of [...shards.keys()].sort())
      for (const bulletin of shards.get(name)?.db.data.bulletins ?? []) byId.set(bulletin.id, bulletin);
    reorder();
  };
  /** Each month's bulletins newest first, kept between commits (see reorder). */
  const sortedMonths = new Map<string, Bulletin[]>();
  /**
   * Every bulletin newest first. A shard holds one month of publication, so its bulletins sorted,
   * newest month first, are the whole archive sorted: a sort of a few hundred at a time instead of
   * one of every bulletin (a tenth of the opening at 100,000). A shard edited by hand may break
   * that: then the whole is sorted. A commit sorts again only the months it `changed`: sorting
   * all 168 months of 100,000 bulletins held main 0.6–2 s after every import (measured on a loaded
   * machine); joining the sorted months costs ~9 ms.
   */
  const reorder = (changed: Iterable<string> = shards.keys()) => {
    for (const name of changed)
      sortedMonths.set(
        name,
        sortNewestFirst((shards.get(name)?.db.data.bulletins ?? []).filter((b) => byId.get(b.id) === b)),
      );
    const byMonth = ([] as Bulletin[]).concat(
      ...[...shards.keys()]
        .sort()
        .reverse()
        .map((name) => sortedMonths.get(name) ?? []),
    );
    newestFirst = isNewestFirst(byMonth) ? byMonth : sortNewestFirst(byMonth);
    refreshVisible();
  };

  /**
   * The one door to month files: only a name of the YYYY-MM.json form, so no bulletin's date can
   * name a path outside `bulletins/` ("../../p"). Refused before anything is staged, so a bad
   * month never waits in `staged` to fail every later commit.
   */
  async function shardFor(month: string): Promise<JsonDocument<Shard>> {
    const name = `${month}.json`;
    if (!SHARD_NAME.test(name)) throw new OutsideArchiveError(month);
    let shard = shards.get(name);
    if (!shard) {
      shard = await openShard(name);
      shards.set(name, shard);
    }
    return shard;
  }

  const marks = () => state.db.data;
  const collectionById = (id: string) => {
    const collection = findCollection(marks(), id);
    if (!collection) throw new UnknownCollectionError(id);
    return collection;
  };
  const savedById = (id: string) => {
    const saved = marks().savedSearches.find((candidate) => candidate.id === id);
    if (!saved) throw new UnknownSavedSearchError(id);
    return saved;
  };
  const infoOf = tally.collection;
  const inFlight = new Set<Promise<void>>();
  const track = (write: Promise<void>) => {
    inFlight.add(write);
    write.then(
      () => inFlight.delete(write),
      () => inFlight.delete(write),
    );
    return write;
  };
  /**
   * Keyed changes (already made in memory) go to the journal as absolute patches; without any,
   * the change is structural and state.json is written whole.
   */
  const saveState = (patches?: readonly StatePatch[]) => {
    if (patches) journal.record(patches);
    else journal.compactNext();
    return track(guard.persist('state.json', journal));
  };
  const saveShard = (name: string, shard: JsonDocument<Shard>) =>
    track(guard.persist(`bulletins/${name}`, shard.db));
  /** Months changed by `stage` and not yet handed to `commit`. */
  const staged = new Set<string>();

  /** Sets or clears one kind of mark (keyed by id, valued by when) on many bulletins; one write. */
  async function setMarks(map: 'bookmarks' | 'read', ids: readonly string[], on: boolean): Promise<string[]> {
    const marked = marks()[map];
    const value = on ? new Date().toISOString() : null;
    const changed: StatePatch[] = [];
    for (const id of new Set(ids)) {
      if (on === id in marked || !isVisible(id)) continue;
      if (value) marked[id] = value;
      else delete marked[id];
      changed.push({ map, id, value });
    }
    const done = changed.map((patch) => patch.id);
    tally.marked(map, done, on ? 1 : -1);
    if (changed.length > 0) await saveState(changed);
    return done;
  }

  const library: Library = {
    openingEvents,
    close: () => guard.dispose(),
    async flush() {
      // The app quitting during an import keeps the files it finished, as a cancel does.
      await library.commit().catch(() => undefined);
      await Promise.allSettled([...inFlight]);
      // At quit: the journal is folded into state.json, so the next launch reads one file.
      if (journal.dirty) await saveState();
    },
    bulletins(view = 'all', sort = 'published') {
      if (view === 'all') return visible;
      if (view === 'unread') return visible.filter((bulletin) => !(bulletin.id in marks().read));
      const collectionId = collectionIdOf(view);
      // id → when the user added it: the bookmark's date, or the date it joined the collection.
      const added =
        collectionId === null ? marks().bookmarks : (findCollection(marks(), collectionId)?.items ?? {});
      const members = visible.filter((bulletin) => bulletin.id in added);
      return sort === 'added' ? byAdded(members, added) : members;
    },
    get: (id) => (isDeleted(id) ? undefined : byId.get(id)),
    presence: (id) => (!byId.has(id) ? 'absent' : isDeleted(id) ? 'deleted' : 'visible'),
    async add(bulletins) {
      const result = await library.stage(bulletins);
      await library.commit();
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
      for (const month of targets.keys()) staged.add(`${month}.json`);
      return { added, updated, unchanged: bulletins.length - added.length - updated.length };
    },
    async commit() {
      if (staged.size === 0) return;
      const names = [...staged];
      staged.clear();
      // Once per commit, not per file: at 100k bulletins each is a pass over all of them.
      reorder(names);
      const writes = await Promise.allSettled(
        names.map((name) => {
          const shard = shards.get(name);
          return shard ? saveShard(name, shard) : Promise.resolve();
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
      const targets = new Map<string, JsonDocument<Shard>>();
      for (const month of new Set(leaving.map(monthOf))) targets.set(month, await shardFor(month));
      const locked = [...targets.entries()].find(([, shard]) => shard.readOnly);
      if (locked) throw new ReadOnlyFileError(`bulletins/${locked[0]}.json`);
      const gone = new Set(leaving.map((bulletin) => bulletin.id));
      for (const [month, shard] of targets) {
        shard.db.data.bulletins = shard.db.data.bulletins.filter((kept) => !gone.has(kept.id));
        staged.add(`${month}.json`);
      }
      for (const id of gone) byId.delete(id);
      return leaving;
    },
    isBookmarked: (id) => id in marks().bookmarks,
    async toggleBookmark(id) {
      const bookmarks = marks().bookmarks;
      const value = id in bookmarks ? null : new Date().toISOString();
      if (value) bookmarks[id] = value;
      else delete bookmarks[id];
      if (isVisible(id)) tally.marked('bookmarks', [id], value ? 1 : -1);
      await saveState([{ map: 'bookmarks', id, value }]);
      return value !== null;
    },
    isRead: (id) => id in marks().read,
    async setRead(id, read) {
      const marksRead = marks().read;
      if (read === id in marksRead) return;
      const value = read ? new Date().toISOString() : null;
      if (value) marksRead[id] = value;
      else delete marksRead[id];
      if (isVisible(id)) tally.marked('read', [id], value ? 1 : -1);
      await saveState([{ map: 'read', id, value }]);
    },
    setBookmarked: (ids, bookmarked) => setMarks('bookmarks', ids, bookmarked),
    setReadMany: (ids, read) => setMarks('read', ids, read),
    async mergeShare(share, sharedIds, options) {
      const plan = planShareMerge(
        {
          note: (id) => marks().notes[id]?.text,
          collections: marks().collections,
          isBookmarked: (id) => id in marks().bookmarks,
          isVisible,
        },
        share,
        sharedIds,
        options,
      );
      const now = new Date().toISOString();
      const patches: StatePatch[] = [];
      tally.forget();
      for (const [id, text] of plan.notes) {
        const note = { text, updatedAt: now };
        marks().notes[id] = note;
        patches.push({ map: 'notes', id, value: note });
      }
      for (const id of plan.bookmarks) {
        marks().bookmarks[id] = now;
        patches.push({ map: 'bookmarks', id, value: now });
      }
      let structural = false;
      if (plan.collection) {
        let target = plan.collection.id ? findCollection(marks(), plan.collection.id) : undefined;
        if (!target) {
          target = newCollection(marks(), plan.collection.name, now);
          marks().collections.push(target);
          structural = true;
        }
        for (const id of plan.collection.add) {
          target.items[id] = now;
          patches.push({ map: 'items', collection: target.id, id, value: now });
        }
      }
      // A new collection is structural (state.json whole, which holds the patches too); else the journal.
      if (structural) await saveState();
      else if (patches.length > 0) await saveState(patches);
      return plan.summary;
    },
    async mergeMarks(merged) {
      applyMergeMarks(marks(), merged);
      tally.forget();
      // Whole (a compaction): it may make collections and saved searches, and it is one write.
      await saveState();
    },
    async revertMerge(record) {
      const outcome = revertMergeMarks(marks(), record);
      tally.forget();
      await saveState();
      return outcome;
    },
    subscriptions: () => marks().subscriptions,
    async saveSubscriptions(subscriptions) {
      marks().subscriptions = subscriptions;
      await saveState();
    },
    settings: () => ({ ...marks().settings }),
    async saveSettings(settings) {
      marks().settings = { ...settings };
      await saveState();
    },
    counts() {
      const all = visible.length;
      return {
        all,
        unread: all - tally.read(),
        bookmarks: tally.bookmarks(),
        collections: marks().collections.map(infoOf),
      };
    },
    note: (id) => marks().notes[id]?.text,
    noteEntry: (id) => {
      const note = marks().notes[id];
      return note ? { ...note } : undefined;
    },
    notes: () => Object.entries(marks().notes).map(([id, note]) => [id, note.text]),
    async setNote(id, text) {
      const notes = marks().notes;
      // Kept as typed (the user's own spacing); only a blank note is no note.
      if (text.trim() === '') {
        if (!(id in notes)) return;
        delete notes[id];
        await saveState([{ map: 'notes', id, value: null }]);
      } else {
        if (notes[id]?.text === text) return;
        const note = { text, updatedAt: new Date().toISOString() };
        notes[id] = note;
        await saveState([{ map: 'notes', id, value: note }]);
      }
    },
    collections: () => marks().collections.map(infoOf),
    collectionMembers: () => marks().collections,
    collectionsOf: (id) =>
      marks()
        .collections.filter((collection) => id in collection.items)
        .map((collection) => collection.id),
    async createCollection(name) {
      const collection = newCollection(marks(), name, new Date().toISOString());
      marks().collections.push(collection);
      await saveState();
      return infoOf(collection);
    },
    async renameCollection(id, name) {
      const collection = collectionById(id);
      collection.name = renamed(marks(), collection, name);
      await saveState();
    },
    async deleteCollection(id) {
      const collection = collectionById(id);
      marks().collections = marks().collections.filter((other) => other !== collection);
      tally.membersChanged(id);
      await saveState();
      return collection;
    },
    async restoreCollection(collection, position) {
      if (findCollection(marks(), collection.id)) return;
      // Its name may have been given to a new collection meanwhile: names stay unique (in:"name" needs it).
      const taken = (name: string) => marks().collections.some((other) => sameName(other.name, name));
      let name = collection.name;
      for (let n = 2; taken(name); n++) name = `${collection.name} ${n}`;
      marks().collections.splice(position, 0, { ...collection, name });
      await saveState();
    },
    async addToCollection(collectionId, ids) {
      const items = collectionById(collectionId).items;
      const now = new Date().toISOString();
      const added: StatePatch[] = [];
      // One pass and one write however many ids (the selection bar sends up to tens of thousands).
      for (const id of ids) {
        if (id in items || !isVisible(id)) continue;
        items[id] = now;
        added.push({ map: 'items', collection: collectionId, id, value: now });
      }
      if (added.length > 0) tally.membersChanged(collectionId);
      if (added.length > 0) await saveState(added);
      return added.length;
    },
    async removeFromCollection(collectionId, ids) {
      const items = collectionById(collectionId).items;
      const removed: StatePatch[] = [];
      for (const id of ids) {
        if (!(id in items)) continue;
        delete items[id];
        removed.push({ map: 'items', collection: collectionId, id, value: null });
      }
      if (removed.length > 0) tally.membersChanged(collectionId);
      if (removed.length > 0) await saveState(removed);
      return removed.length;
    },
    savedSearches: () => marks().savedSearches,
    async saveSearch(name, query) {
      const saved = newSavedSearch(marks(), name, query, new Date().toISOString());
      marks().savedSearches.push(saved);
      await saveState();
      return structuredClone(saved);
    },
    async renameSavedSearch(id, name) {
      const saved = savedById(id);
      saved.name = renamedSavedSearch(marks(), saved, name);
      await saveState();
    },
    async deleteSavedSearch(id) {
      const saved = savedById(id);
      const position = marks().savedSearches.indexOf(saved);
      marks().savedSearches = marks().savedSearches.filter((other) => other !== saved);
      await saveState();
      return { saved, position };
    },
    async restoreSavedSearch(saved, position) {
      if (marks().savedSearches.some((other) => other.id === saved.id)) return;
      // Its name may have been taken meanwhile: names stay unique (in:"name" needs it).
      const taken = (name: string) =>
        marks().savedSearches.some((other) => sameName(other.name, name)) ||
        marks().collections.some((other) => sameName(other.name, name));
      let name = saved.name;
      for (let n = 2; taken(name); n++) name = `${saved.name} ${n}`;
      marks().savedSearches.splice(position, 0, { ...saved, name });
      await saveState();
    },
    async openSavedSearch(id) {
      const saved = savedById(id);
      const now = new Date().toISOString();
      saved.openedAt = now;
      // A line of the journal, not state.json whole: opening is frequent and state.json grows with the marks.
      await saveState([{ map: 'searchOpened', id, value: now }]);
      return queryOf(saved);
    },
    async deleteBulletins(ids) {
      const batch = randomUUID();
      const at = new Date().toISOString();
      const deleted = marks().deleted;
      const tombstones: StatePatch[] = [];
      for (const id of ids) {
        if (!isVisible(id)) continue;
        // Bookmarks, notes and collections keep the id: undo brings everything back as it was.
        const tombstone = { at, batch };
        deleted[id] = tombstone;
        tombstones.push({ map: 'deleted', id, value: tombstone });
      }
      if (tombstones.length > 0) {
        refreshVisible();
        await saveState(tombstones);
      }
      return { batch, count: tombstones.length };
    },
    async undoDelete(batch) {
      const deleted = marks().deleted;
      const undone: StatePatch[] = [];
      for (const [id, tombstone] of Object.entries(deleted)) {
        if (tombstone.batch !== batch) continue;
        delete deleted[id];
        undone.push({ map: 'deleted', id, value: null });
      }
      if (undone.length > 0) {
        refreshVisible();
        await saveState(undone);
      }
      return undone.length;
    },
    deletedIn: (batch) =>
      Object.entries(marks().deleted).flatMap(([id, tombstone]) => (tombstone.batch === batch ? [id] : [])),
    snapshot: () => ({ state: structuredClone(marks()), bulletins: [...byId.values()] }),
    async restore(snapshot) {
      const locked = [state, ...shards.values(), journal].find((document) => document.readOnly);
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
      tally.forget();
      // Whole, and unguarded: a failure is the restore's own, and the user is told it failed.
      journal.compactNext();
      await journal.write();
      reindex();
    },
  };

  // Newest month first: a month's bulletins are all newer than an older month's (shards are by
  // month of publication), so once the newest months hold a page of visible bulletins, that page
  // is the first page of the whole archive, and the window can show it while the rest is read.
  // A month whose file is gone but that has copies is opened too (and restored from them): the
  // app never deletes a month.
  const months = new Set((await readdir(shardFolder)).filter((entry) => SHARD_NAME.test(entry)));
  for (const month of await backups.monthsWithCopies()) months.add(month);
  const newestMonthFirst = [...months].sort().reverse();
  const previewRows = options.previewRows ?? 100;
  let previewed = !options.onPreview;
  let readSoFar = 0;
  // The newest months (the first page) are read on this thread; the rest through the reader, which
  // decodes them ahead of the one being parsed.
  let readingAhead = false;
  for (const [at, name] of newestMonthFirst.entries()) {
    if (previewed && !readingAhead) {
      options.reader?.expect(newestMonthFirst.slice(at).map((month) => join(shardFolder, month)));
      readingAhead = true;
    }
    const shard = await openShard(name, readingAhead ? options.reader?.read : undefined);
    shards.set(name, shard);
    // A month read ahead is parsed at once, so nothing else would run until the last one: the
    // window's messages (main is Electron's UI thread) get a turn between months.
    await new Promise((resolve) => setImmediate(resolve));
    if (previewed) continue;
    readSoFar += shard.db.data.bulletins.length;
    if (readSoFar < previewRows) continue;
    reindex();
    if (visible.length >= previewRows) {
      previewed = true;
      await options.onPreview?.(library);
    }
  }
  // A journal set aside, or replayed over an older copy of state.json: its marks go to disk now.
  if (journal.compactionDue) await saveState();
  opened = true;
  reindex();
  if (!previewed) options.onPreview?.(library);
  return library;
}

const monthOf = (bulletin: Bulletin) => bulletin.published.slice(0, 7);

/** What the user reads after state.json was restored from a copy, with the journals replayed over it. */
function stateRecovered(state: State, recovery: Recovery, replay: Replay): StoreEvent {
  return {
    type: 'recovered',
    kind: 'state',
    file: 'state.json',
    movedTo: recovery.movedTo,
    backup: recovery.backup,
    restored: {
      bookmarks: Object.keys(state.bookmarks).length,
      read: Object.keys(state.read).length,
      notes: Object.keys(state.notes).length,
      collections: state.collections.length,
    },
    replayed: replay.patches,
    // Whole when the copy was the newest (it is state.json as last written) and no journal since is
    // missing; or when a journal newer than the copy shows no compaction came after it.
    complete: recovery.backup !== null && recovery.newest && !replay.gap,
    marksLost: replay.gap || recovery.backup === null,
  };
}

/** A temporary file left by a write that a crash interrupted: never the only copy of anything. */
async function removeLeftoverTemporaries(...folders: string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
    }
  }
}

/** By the date in `added`, newest first; stable, so equal dates keep publication order. */
function byAdded(bulletins: Bulletin[], added: Record<string, string>): Bulletin[] {
  return bulletins.sort((a, b) => {
    const first = added[a.id] ?? '';
    const second = added[b.id] ?? '';
    return first < second ? 1 : first > second ? -1 : 0;
  });
}

// Stable: bulletins of one day keep the order in which their source listed them. ISO dates
// order by code unit; localeCompare's collation made this sort most of the load time at 100k.
function sortNewestFirst(bulletins: Bulletin[]): Bulletin[] {
  return bulletins.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
}

function isNewestFirst(bulletins: readonly Bulletin[]): boolean {
  for (let i = 1; i < bulletins.length; i++)
    if ((bulletins[i - 1] as Bulletin).published < (bulletins[i] as Bulletin).published) return false;
  return true;
}
