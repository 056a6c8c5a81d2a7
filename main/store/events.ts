/**
 * What the store has to tell the user, as data: main translates and shows it
 * (see main/notices). `file` is relative to the library folder, e.g.
 * "state.json" or "bulletins/2020-11.json".
 */
export type StoreEvent =
  /** A damaged file was moved aside; `backup` is the date of the copy restored in its place, or null. */
  | {
      type: 'recovered';
      kind: 'state' | 'shard';
      file: string;
      movedTo: string;
      backup: string | null;
      items: number;
    }
  /** Made by a newer version of the app: left untouched, and never written. */
  | { type: 'newer-version'; file: string; version: number }
  | { type: 'migrated'; file: string; from: number; to: number }
  /**
   * A line of the journal of recent changes could not be read: the `kept` changes before it were
   * applied, the journal moved aside as `movedTo`, and what came after it is lost.
   */
  | { type: 'journal-damaged'; file: string; movedTo: string; kept: number }
  /** The disk refused a write (full, read-only, denied): the change is kept in memory and retried. */
  | { type: 'write-failed'; file: string; code: string }
  | { type: 'write-resumed'; file: string };

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
