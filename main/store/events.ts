/**
 * What the store has to tell the user, as data: main translates and shows it
 * (see main/notices). `file` is relative to the library folder, e.g.
 * "state.json" or "bulletins/2020-11.json".
 */
export type StoreEvent =
  /**
   * A month's file was damaged (moved aside as `movedTo`) or missing (`movedTo` null); `backup` is
   * when the copy restored was taken, or null when no copy was good. `complete`: that copy holds
   * the month as last written; otherwise bulletins imported into it after `backup` are missing.
   */
  | {
      type: 'recovered';
      kind: 'shard';
      file: string;
      movedTo: string | null;
      backup: string | null;
      bulletins: number;
      complete: boolean;
    }
  /**
   * state.json was damaged or missing: the copy of `backup` was restored and the `replayed` changes
   * saved since (in the journal or its copy) applied over it; `restored` counts what the library
   * now holds. `complete` false: a newer copy was damaged too, so changes to collections (made,
   * renamed, deleted), settings and subscriptions made after `backup` may be missing, and when
   * `marksLost`, some bookmarks, read marks, notes and collection items of that time as well.
   */
  | {
      type: 'recovered';
      kind: 'state';
      file: string;
      movedTo: string | null;
      backup: string | null;
      restored: StateCounts;
      replayed: number;
      complete: boolean;
      marksLost: boolean;
    }
  /** The journal was damaged or missing; its copy in backups/ held every change (`kept`): nothing is lost. */
  | { type: 'journal-recovered'; file: string; movedTo: string | null; kept: number }
  /** Made by a newer version of the app: left untouched, and never written. */
  | { type: 'newer-version'; file: string; version: number }
  | { type: 'migrated'; file: string; from: number; to: number }
  /**
   * A line of the journal of recent changes could not be read, in the journal and in its copy
   * alike: the `kept` changes before it were applied, the journal moved aside as `movedTo`, and
   * what came after it is lost.
   */
  | { type: 'journal-damaged'; file: string; movedTo: string; kept: number }
  /** The disk refused a write (full, read-only, denied): the change is kept in memory and retried. */
  | { type: 'write-failed'; file: string; code: string }
  | { type: 'write-resumed'; file: string };

/** What the user's library holds, by kind, for a notice. */
export interface StateCounts {
  bookmarks: number;
  read: number;
  notes: number;
  collections: number;
}

export type ReportStoreEvent = (event: StoreEvent) => void;

/** The error a write to a read-only (newer-version) file rejects with. */
/**
 * A bulletin whose month would name a file outside `bulletins/` (its date is not YYYY-MM…): the
 * import boundary rejects such dates first, so this is the store's own backstop.
 */
export class OutsideArchiveError extends Error {
  readonly code = 'OUTSIDE_ARCHIVE';
  constructor(readonly month: string) {
    super(`not a month of the archive: ${JSON.stringify(month.slice(0, 40))}`);
  }
}

export class ReadOnlyFileError extends Error {
  readonly code = 'READ_ONLY';
  constructor(file: string) {
    super(`${file} was made by a newer version of the app and is read-only`);
  }
}
