import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bulletin, Counts, ListSort, View } from '../../preload/contract';
import { createBackups } from './backups';
import type { Bodies, StoredBulletin } from './bodies';
import { ReadOnlyFileError, type ReportStoreEvent, type StoreEvent } from './events';
import { createMonthShards, type MonthReading, type MonthShards } from './monthShards';
import type { State } from './schema';
import type { JournalLimits } from './stateJournal';
import { openUserState, type UserState } from './userState';
import { createViewLists } from './viewLists';
import { createWriteGuard, type Writable } from './writeGuard';

/** Everything the user has, as one value: what File > Restore library… puts back. */
export interface LibrarySnapshot {
  state: State;
  bulletins: Bulletin[];
}

/** The library as it is now, bodies left on disk: what File > Back up library… writes (libraryBackup.ts). */
export interface LibraryListing {
  state: State;
  bulletins: StoredBulletin[];
}

/**
 * The archive (bulletins, sharded by month of publication: monthShards.ts) and the user's state on
 * it (state.json and its journal: userState.ts), composed: what is shown is the archive less the
 * user's deletes. Shards are written only when bulletins are added; a user action such as a
 * bookmark appends a line to state.json's journal, and a structural one (settings, a collection
 * made or deleted) rewrites state.json.
 */
export interface Library extends Pick<MonthShards, 'add' | 'stage' | 'commit' | 'unstage'>, UserState {
  /**
   * Newest first, by date published or (bookmarks, collections) by when the user added them.
   * Deleted bulletins are left out here, in `get` and in every count. The list is kept for the
   * next request (viewLists.ts): callers never change it.
   */
  bulletins(view?: View, sort?: ListSort): readonly StoredBulletin[];
  get(id: string): StoredBulletin | undefined;
  /** The bodies, read from the month files when asked (bodies.ts): the store keeps none. */
  readonly bodies: Bodies;
  /** Whether the archive holds a bulletin: shown, deleted by the user (a tombstone), or not at all. */
  presence(id: string): 'visible' | 'deleted' | 'absent';
  counts(): Counts;
  snapshot(): LibraryListing;
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
  reader?: MonthReading['reader'];
}

export async function openLibrary(folder: string, options: OpenOptions = {}): Promise<Library> {
  await mkdir(join(folder, 'bulletins'), { recursive: true });
  await removeLeftoverTemporaries(folder, join(folder, 'bulletins'));
  const openingEvents: StoreEvent[] = [];
  const report: ReportStoreEvent = (event) => {
    if (!opened) openingEvents.push(event);
    options.report?.(event);
  };
  let opened = false;
  const backups = createBackups(folder);
  const guard = createWriteGuard(report, options.retryMs);
  const inFlight = new Set<Promise<void>>();
  const persist = (file: string, db: Writable) => {
    const write = guard.persist(file, db);
    inFlight.add(write);
    write.then(
      () => inFlight.delete(write),
      () => inFlight.delete(write),
    );
    return write;
  };

  /** The archive less the deleted: what every view starts from. */
  let visible: StoredBulletin[] = [];
  const refreshVisible = () => {
    shared.shownChanged();
    const deleted = shared.tombstones();
    const newestFirst = archive.newestFirst();
    visible = Object.keys(deleted).length === 0 ? newestFirst : newestFirst.filter((b) => !(b.id in deleted));
  };
  const views = createViewLists({
    visible: () => visible,
    isRead: (id) => user.isRead(id),
    addedTo: (collectionId) => shared.addedTo(collectionId),
    bulletin: (id) => library.get(id),
  });
  const { user, shared } = await openUserState({
    folder,
    backups,
    report,
    persist,
    isKnown: (id) => archive.stored(id) !== undefined,
    onDeletesChanged: refreshVisible,
    marksListener: views,
    journalLimits: options.journalLimits,
  });
  const archive = createMonthShards({ folder, backups, report, persist, onReorder: refreshVisible });

  const library: Library = {
    ...user,
    add: archive.add,
    stage: archive.stage,
    commit: archive.commit,
    unstage: archive.unstage,
    bodies: archive.bodies,
    openingEvents,
    close: () => guard.dispose(),
    async flush() {
      // The app quitting during an import keeps the files it finished, as a cancel does.
      await archive.commit().catch(() => undefined);
      await Promise.allSettled([...inFlight]);
      await shared.fold();
    },
    bulletins: (view = 'all', sort = 'published') => views.list(view, sort),
    get: (id) => (id in shared.tombstones() ? undefined : archive.stored(id)),
    presence: (id) =>
      archive.stored(id) === undefined ? 'absent' : id in shared.tombstones() ? 'deleted' : 'visible',
    counts() {
      const all = visible.length;
      const marked = shared.marked();
      return { all, unread: all - marked.read, bookmarks: marked.bookmarks, collections: user.collections() };
    },
    snapshot: () => ({ state: shared.snapshot(), bulletins: archive.all() }),
    async restore(snapshot) {
      if (shared.readOnly || archive.readOnly()) throw new ReadOnlyFileError('library');
      await archive.restore(snapshot.bulletins, () => shared.restore(snapshot.state));
    },
  };

  const previewRows = options.previewRows ?? 100;
  const { onPreview } = options;
  const previewed = await archive.readMonths({
    reader: options.reader,
    preview: onPreview && {
      rows: previewRows,
      ready: () => visible.length >= previewRows,
      show: () => onPreview(library),
    },
  });
  // A journal set aside, or replayed over an older copy of state.json: its marks go to disk now.
  await shared.saveIfDue();
  opened = true;
  if (!previewed) void onPreview?.(library);
  return library;
}

/** A temporary file left by a write that a crash interrupted: never the only copy of anything. */
async function removeLeftoverTemporaries(...folders: string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
    }
  }
}
