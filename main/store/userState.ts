import { randomUUID } from 'node:crypto';
import type { Settings } from '../../preload/contract';
import { planShareMerge, type MergeOptions, type ShareSummaryCounts } from '../share/mergeShare';
import type { SharedMarks } from '../share/shareFormat';
import { applyMergeMarks, revertMergeMarks, type MergeMarks, type MergeRecord } from '../share/mergeRecord';
import type { Backups } from './backups';
import { findCollection, newCollection } from './collections';
import type { ReportStoreEvent, StoreEvent } from './events';
import { openJsonDocument, type Recovery } from './jsonDocument';
import { createMarkTally } from './markTally';
import { emptyState, stateSchema, type State, type Subscription } from './schema';
import { openStateJournal, type JournalLimits, type Replay, type StatePatch } from './stateJournal';
import { createUserLists, type UserLists } from './userLists';
import { alsoTelling, type MarksListener } from './viewLists';
import type { Writable } from './writeGuard';

/**
 * The user's state on the archive: marks, notes, collections, saved searches, deletes
 * (tombstones), subscriptions and settings, kept in state.json and its journal. A keyed change
 * (a bookmark, a read mark, a note, a delete) appends a line to the journal; a structural one
 * (settings, a collection made or deleted, a merge) rewrites state.json whole. Every change is
 * made in memory first and is on disk twice once its promise resolves (stateJournal.ts).
 */
export interface UserState extends UserLists {
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
  /** The user's note on a bulletin, or undefined. */
  note(id: string): string | undefined;
  /** The note with when it was last changed, or undefined (what a share file carries). */
  noteEntry(id: string): { text: string; updatedAt: string } | undefined;
  /** Every note, as [bulletin id, text] (notes are few: a scan of them is cheap). */
  notes(): Array<[string, string]>;
  /** Saves a note; an empty or blank text removes it. */
  setNote(id: string, text: string): Promise<void>;
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
}

/** What the library, composing the archive and this state, needs of it besides the user's operations. */
export interface SharedWithLibrary {
  /** Deleted bulletins by id (a tombstone hides one everywhere; `undoDelete` takes it back). */
  tombstones(): Readonly<State['deleted']>;
  /** id → when the user added it: the bookmark's date (`null`), or the date it joined the collection. */
  addedTo(collectionId: string | null): Readonly<Record<string, string>>;
  /** Visible bulletins read, and bookmarked (kept as marks change: markTally.ts). */
  marked(): { read: number; bookmarks: number };
  /** Bulletins were shown or hidden by the archive: the numbers are counted again when next asked. */
  shownChanged(): void;
  /** A copy of the whole state (what a backup writes). */
  snapshot(): State;
  /** Replaces the whole state and writes state.json whole, unguarded: a failure is the restore's own. */
  restore(state: State): Promise<void>;
  /** state.json or its journal was made by a newer app: nothing is written. */
  readonly readOnly: boolean;
  /** The journal was set aside, or replayed over an older copy of state.json: rewrites state.json. */
  saveIfDue(): Promise<void>;
  /** Folds the journal into state.json, so the next launch reads one file (at quit). */
  fold(): Promise<void>;
}

export interface UserStateDeps {
  folder: string;
  backups: Backups;
  report: ReportStoreEvent;
  /** Writes a file through the write guard, tracked so that `flush` waits for it. */
  persist: (file: string, db: Writable) => Promise<void>;
  /** Whether the archive holds a bulletin (deleted or not). */
  isKnown: (id: string) => boolean;
  /** Tombstones were set or cleared: what is shown follows, before the write. */
  onDeletesChanged: () => void;
  /** Told of every change of the marks on visible bulletins, as the sidebar's numbers are. */
  marksListener?: MarksListener;
  journalLimits?: JournalLimits;
}

/** Opens state.json (restored from a copy if damaged) and replays its journal over it. */
export async function openUserState(
  deps: UserStateDeps,
): Promise<{ user: UserState; shared: SharedWithLibrary }> {
  const { folder, backups, report, persist, isKnown, onDeletesChanged } = deps;
  const state = await openJsonDocument<State>(
    { folder, file: 'state.json', kind: 'state', schema: stateSchema, fallback: emptyState },
    backups,
    report,
  );
  const journal = await openStateJournal(folder, state, backups, report, deps.journalLimits);
  if (state.recovery) report(stateRecovered(state.db.data, state.recovery, journal.replay));

  const marks = () => state.db.data;
  const isDeleted = (id: string) => id in marks().deleted;
  const isVisible = (id: string) => isKnown(id) && !isDeleted(id);
  const counted = createMarkTally(marks, isVisible);
  const tally = deps.marksListener ? alsoTelling(counted, deps.marksListener) : counted;
  /**
   * Keyed changes (already made in memory) go to the journal as absolute patches; without any,
   * the change is structural and state.json is written whole.
   */
  const saveState = (patches?: readonly StatePatch[]) => {
    if (patches) journal.record(patches);
    else journal.compactNext();
    return persist('state.json', journal);
  };

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

  const shared: SharedWithLibrary = {
    tombstones: () => marks().deleted,
    addedTo: (collectionId) =>
      collectionId === null ? marks().bookmarks : (findCollection(marks(), collectionId)?.items ?? {}),
    marked: () => ({ read: tally.read(), bookmarks: tally.bookmarks() }),
    shownChanged: () => tally.forget(),
    snapshot: () => structuredClone(marks()),
    async restore(restored) {
      state.db.data = structuredClone(restored);
      tally.forget();
      journal.compactNext();
      await journal.write();
    },
    get readOnly() {
      return state.readOnly || journal.readOnly;
    },
    async saveIfDue() {
      if (journal.compactionDue) await saveState();
    },
    async fold() {
      if (journal.dirty) await saveState();
    },
  };
  const user: UserState = {
    ...createUserLists({ marks, tally, isVisible, saveState }),
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
        onDeletesChanged();
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
        onDeletesChanged();
        await saveState(undone);
      }
      return undone.length;
    },
    deletedIn: (batch) =>
      Object.entries(marks().deleted).flatMap(([id, tombstone]) => (tombstone.batch === batch ? [id] : [])),
  };
  return { user, shared };
}

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
