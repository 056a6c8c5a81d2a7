import { z } from 'zod';
import { JsonTooLarge, decodeWithinHeap, parseJsonWithinHeap } from '../importers/jsonWithinHeap';
import { writeAtomically } from './durableJsonFile';
import { withBodies } from './bodies';
import type { Library, LibrarySnapshot } from './library';
import { bulletinSchema, stateSchema } from './schema';

/** The one file File > Back up library… writes: everything the user has (marks and archive). */
export const libraryBackupSchema = z.object({
  format: z.literal('bulletin-reader-library'),
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  state: stateSchema,
  bulletins: z.array(bulletinSchema),
});
export type LibraryBackup = z.infer<typeof libraryBackupSchema>;

export function libraryBackupOf(
  snapshot: LibrarySnapshot,
  createdAt = new Date().toISOString(),
): LibraryBackup {
  return { format: 'bulletin-reader-library', schemaVersion: 1, createdAt, ...snapshot };
}

/** What a backup written holds, for the notice that says it is done. */
export interface BackupWritten {
  bulletins: number;
  bookmarks: number;
}

/**
 * A backup's text (exactly `JSON.stringify` of `libraryBackupOf`), a piece at a time: the store
 * keeps no body, so they are read a batch at a time and never all held at once.
 */
export async function* libraryBackupText(
  library: Pick<Library, 'snapshot' | 'bodies'>,
  createdAt = new Date().toISOString(),
): AsyncGenerator<string> {
  const { state, bulletins } = library.snapshot();
  const empty = JSON.stringify(libraryBackupOf({ state, bulletins: [] }, createdAt));
  // `…"bulletins":[` then the bulletins, then `]}`.
  yield empty.slice(0, -2);
  let first = true;
  for await (const batch of withBodies(library.bodies, bulletins)) {
    yield `${first ? '' : ','}${batch.map((bulletin) => JSON.stringify(bulletin)).join(',')}`;
    first = false;
  }
  yield ']}';
}

export async function writeLibraryBackup(
  library: Pick<Library, 'snapshot' | 'bodies'>,
  path: string,
): Promise<BackupWritten> {
  const { state, bulletins } = library.snapshot();
  await writeAtomically(path, libraryBackupText(library));
  return { bulletins: bulletins.length, bookmarks: Object.keys(state.bookmarks).length };
}

/**
 * A backup file read and checked: the whole library it holds, why it cannot be restored, or that
 * it is too large to read in the parse worker's memory.
 */
export type BackupReading =
  { kind: 'backup'; backup: LibraryBackup } | { kind: 'invalid'; reason: string } | { kind: 'tooLarge' };

/**
 * A backup file's bytes as JSON checked by `schema` (restore's whole check, a merge's envelope):
 * decoded and parsed only if the parse worker's heap can hold them. Runs in the parse worker.
 */
export function backupJsonOf<T>(
  bytes: Uint8Array,
  schema: z.ZodType<T>,
): { kind: 'checked'; data: T } | { kind: 'invalid'; reason: string } | { kind: 'tooLarge' } {
  let parsed: unknown;
  try {
    parsed = parseJsonWithinHeap(decodeWithinHeap(bytes));
  } catch (error) {
    if (error instanceof JsonTooLarge) return { kind: 'tooLarge' };
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const checked = schema.safeParse(parsed);
  return checked.success
    ? { kind: 'checked', data: checked.data }
    : { kind: 'invalid', reason: checked.error.message };
}

/**
 * Reads and checks a backup's bytes completely before anything is replaced. The bytes come from a
 * file the user chose, so this grows with (and is built by) whoever made it: the app runs it in
 * the parse worker (main/importers/parseInWorker.ts), never on main's thread.
 */
export function checkLibraryBackup(bytes: Uint8Array): BackupReading {
  const checked = backupJsonOf(bytes, libraryBackupSchema);
  if (checked.kind !== 'checked') return checked;
  const ids = new Set(checked.data.bulletins.map((bulletin) => bulletin.id));
  if (ids.size !== checked.data.bulletins.length)
    return { kind: 'invalid', reason: 'duplicate bulletin ids' };
  return { kind: 'backup', backup: checked.data };
}
