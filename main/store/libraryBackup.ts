import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeAtomically } from './durableJsonFile';
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

export async function writeLibraryBackup(library: Library, path: string): Promise<LibraryBackup> {
  const backup = libraryBackupOf(library.snapshot());
  await writeAtomically(path, JSON.stringify(backup));
  return backup;
}

/** A file that is not a whole, valid library backup: nothing may be replaced with it. */
export class InvalidBackupError extends Error {}

/** Reads and checks a backup completely before anything is replaced. */
export async function readLibraryBackup(path: string): Promise<LibraryBackup> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidBackupError('not JSON');
    throw error;
  }
  const checked = libraryBackupSchema.safeParse(parsed);
  if (!checked.success) throw new InvalidBackupError(checked.error.message);
  const ids = new Set(checked.data.bulletins.map((bulletin) => bulletin.id));
  if (ids.size !== checked.data.bulletins.length) throw new InvalidBackupError('duplicate bulletin ids');
  return checked.data;
}
