import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeAtomically } from '../store/durableJsonFile';
import { noteSchema, type State } from '../store/schema';
import type { LibraryMergePlan } from './planLibraryMerge';

/**
 * What a merge of a colleague's library added, exactly: kept in its own file (merge-undo.json in
 * the user-data folder), written before the merge writes anything, so File › Undo Colleague's
 * Library Merge… takes it back after a restart, or after a crash in the middle of the merge. Only
 * the last merge is kept: a merge undone out of order could take back what a later one relies on.
 * Its own file rather than state.json: it names every bulletin added (tens of thousands, for a
 * large library) and state.json is rewritten whole at every compaction.
 */
export const MERGE_RECORD_FILE = 'merge-undo.json';

const id = z.string().min(1);
export const mergeRecordSchema = z.object({
  format: z.literal('bulletin-reader-merge-undo'),
  version: z.literal(1),
  /** When the merge happened: the date it wrote on every mark, so the undo knows its own. */
  at: z.string(),
  sender: z.string(),
  bulletins: z.array(id),
  /** Each note the merge wrote, and the user's as it was (absent: they had none). */
  notes: z.array(z.object({ id, before: noteSchema.optional(), after: z.string() })),
  bookmarks: z.array(id),
  items: z.array(z.object({ collection: id, ids: z.array(id) })),
  createdCollections: z.array(id),
  savedSearches: z.array(id),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

/** The marks a merge writes into state.json, all dated `at`. */
export interface MergeMarks {
  at: string;
  notes: LibraryMergePlan['notes'];
  bookmarks: readonly string[];
  collections: LibraryMergePlan['collections'];
  savedSearches: LibraryMergePlan['savedSearches']['add'];
}

export function mergeRecordOf(
  sender: string,
  bulletins: readonly string[],
  marks: MergeMarks,
  noteEntry: (id: string) => { text: string; updatedAt: string } | undefined,
): MergeRecord {
  return {
    format: 'bulletin-reader-merge-undo',
    version: 1,
    at: marks.at,
    sender,
    bulletins: [...bulletins],
    notes: marks.notes.map(({ id: noted, after }) => {
      const before = noteEntry(noted);
      return { id: noted, ...(before ? { before } : {}), after };
    }),
    bookmarks: [...marks.bookmarks],
    items: marks.collections
      .filter((collection) => collection.add.length > 0)
      .map((collection) => ({ collection: collection.id, ids: [...collection.add] })),
    createdCollections: marks.collections.filter((collection) => collection.created).map(({ id }) => id),
    savedSearches: marks.savedSearches.map((saved) => saved.id),
  };
}

export const writeMergeRecord = (file: string, record: MergeRecord): Promise<void> =>
  writeAtomically(file, JSON.stringify(record));

/** The last merge's record; null when there is none (or it cannot be read: then nothing can be undone). */
export async function readMergeRecord(file: string): Promise<MergeRecord | null> {
  try {
    const checked = mergeRecordSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}

export const removeMergeRecord = (file: string): Promise<void> => rm(file, { force: true });

/** Writes a merge's marks into the state (in memory; the caller saves it, once). */
export function applyMergeMarks(state: State, marks: MergeMarks): void {
  const { at } = marks;
  for (const note of marks.notes) state.notes[note.id] = { text: note.after, updatedAt: at };
  for (const bookmark of marks.bookmarks) state.bookmarks[bookmark] = at;
  for (const planned of marks.collections) {
    let collection = state.collections.find((other) => other.id === planned.id);
    if (!collection) {
      collection = { id: planned.id, name: planned.name, createdAt: at, items: {} };
      state.collections.push(collection);
    }
    for (const member of planned.add) collection.items[member] = at;
  }
  state.savedSearches.push(...structuredClone(marks.savedSearches));
}

/**
 * Takes a merge's marks back out of the state (in memory). What the user changed since is theirs
 * and stays: a note edited after the merge, a bookmark or collection item set again, a collection
 * the merge made that they have put bulletins in. Resolves to how many such were kept.
 */
export function revertMergeMarks(state: State, record: MergeRecord): { kept: number } {
  let kept = 0;
  for (const note of record.notes) {
    if (state.notes[note.id]?.text !== note.after) {
      kept++;
      continue;
    }
    if (note.before === undefined) delete state.notes[note.id];
    else state.notes[note.id] = { ...note.before };
  }
  for (const bookmark of record.bookmarks) {
    if (state.bookmarks[bookmark] === record.at) delete state.bookmarks[bookmark];
  }
  for (const { collection: collectionId, ids } of record.items) {
    const items = state.collections.find((other) => other.id === collectionId)?.items;
    if (!items) continue;
    for (const member of ids) if (items[member] === record.at) delete items[member];
  }
  const created = new Set(record.createdCollections);
  state.collections = state.collections.filter((collection) => {
    if (!created.has(collection.id)) return true;
    const empty = Object.keys(collection.items).length === 0;
    if (!empty) kept++;
    return !empty;
  });
  const searches = new Set(record.savedSearches);
  state.savedSearches = state.savedSearches.filter((saved) => !searches.has(saved.id));
  return { kept };
}
