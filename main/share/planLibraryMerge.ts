import type { Bulletin, SavedSearchQuery } from '../../preload/contract';
import { boundedId } from '../importers/validateImport';
import { cleanName, sameName } from '../store/collections';
import type { Collection, SavedSearch, State } from '../store/schema';
import { mergeNote } from './mergeShare';
import { SHARE_LIMITS } from './shareFormat';

/**
 * File › Merge a Colleague's Library…, as a pure plan: what a colleague's whole library (a Back
 * Up Library file) brings to the user's, computed before anything changes so the user sees it and
 * confirms, then applied in one write and undone from the same facts. The rules are the share
 * file's (main/share/mergeShare.ts): nothing of the user's is removed or overwritten; notes only
 * grow (the colleague's beside the user's, under a line naming them), collections of the same name
 * are joined, bookmarks come only if the user says so. A bulletin is the same as one here when it
 * has the same id: the archive's one duplicate rule (ids come from the GUID, else the link, else a
 * hash of source, date and title, so the same item imported on two laptops has the same id).
 * Linear in the file and in the user's collections and saved searches; nothing here grows with the
 * archive but its lookups.
 */

/** The user's library, as much as the plan needs. */
export interface MergeReceiver {
  /** Shown, deleted by the user (its tombstone keeps it out), or not in the library at all. */
  presence(id: string): 'visible' | 'deleted' | 'absent';
  note(id: string): string | undefined;
  isBookmarked(id: string): boolean;
  collections: ReadonlyArray<Pick<Collection, 'id' | 'name' | 'items'>>;
  savedSearches: readonly SavedSearch[];
}

/** The colleague's library as read: its bulletins through the import boundary, its state as written. */
export interface ColleagueMarks {
  /** Whose library it is: the name on their notes. */
  sender: string;
  /** Already through validateImport (ids bounded, fields capped), in the file's order. */
  bulletins: readonly Bulletin[];
  state: Pick<State, 'notes' | 'bookmarks' | 'collections' | 'savedSearches' | 'deleted'>;
}

export interface LibraryMergeOptions {
  /** The line above a colleague's note, e.g. "— from Ana, 2026-12-05:". */
  noteHeader(sender: string, date: string): string;
  /** Ids for the collections and saved searches the merge creates. */
  newId(): string;
  /** When the merge happens: every date it writes. */
  now: string;
}

export interface PlannedCollection {
  id: string;
  name: string;
  /** False: one of the user's, joined by name. */
  created: boolean;
  /** Bulletins it gains. */
  add: string[];
  /** The colleague's members it holds already. */
  already: number;
}

export interface LibraryMergePlan {
  bulletins: {
    add: Bulletin[];
    /** Here already, shown. */
    already: number;
    /** Here already, deleted by the user: left deleted. */
    alreadyDeleted: number;
    /** Deleted in the colleague's library (its backup still holds them): not brought. */
    deletedByColleague: number;
  };
  /** Each note as it becomes, and as it was (undefined: none), for the undo. */
  notes: Array<{ id: string; before?: string; after: string }>;
  notesSummary: {
    /** On bulletins the user had no note on. */
    added: number;
    /** Kept beside the user's own, different note. */
    beside: number;
    /** Said already in the user's note. */
    same: number;
    /** On a bulletin the merge does not bring, or longer than a note may be. */
    leftOut: number;
  };
  collections: PlannedCollection[];
  /** Without a name, or past MAX_MERGED_NAMED. */
  collectionsLeftOut: number;
  /** The colleague's bookmarks the user lacks (taken only if they say so), and those they have. */
  bookmarks: { offered: string[]; already: number };
  savedSearches: {
    add: SavedSearch[];
    /** The same name and the same query as one of the user's. */
    same: number;
    /** Added under another name: theirs was taken by a different search or a collection. */
    renamed: number;
    /** Searching a collection their backup lacks, without a name, or past MAX_MERGED_NAMED. */
    leftOut: number;
  };
}

/** The plan at once: for tests and tools (the app plans in slices: `planLibraryMergeInSlices`). */
export function planLibraryMerge(
  receiver: MergeReceiver,
  colleague: ColleagueMarks,
  options: LibraryMergeOptions,
): LibraryMergePlan {
  const planning = planningLibraryMerge(receiver, colleague, options);
  for (let step = planning.next(); ; step = planning.next()) if (step.done) return step.value;
}

/**
 * The plan on main's thread, pausing every `sliceMs` so the window keeps its turns: a colleague's
 * library is untrusted input of any size (at 100,000 bulletins the plan is hundreds of ms).
 */
export async function planLibraryMergeInSlices(
  receiver: MergeReceiver,
  colleague: ColleagueMarks,
  options: LibraryMergeOptions,
  sliceMs = 8,
): Promise<LibraryMergePlan> {
  const planning = planningLibraryMerge(receiver, colleague, options);
  let sliceStart = performance.now();
  for (let step = planning.next(); ; step = planning.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
}

/** Places to pause: every this many bulletins, notes or members looked at. */
const STEP = 500;

/**
 * Collections and saved searches a merge takes from one file, each kind (the rest are left out
 * and counted): each is compared by name with every other, and a person has tens, not thousands.
 */
export const MAX_MERGED_NAMED = 1_000;

/** The plan, yielding every STEP items (a place to pause), returning it. */
function* planningLibraryMerge(
  receiver: MergeReceiver,
  colleague: ColleagueMarks,
  options: LibraryMergeOptions,
): Generator<void, LibraryMergePlan> {
  let done = 0;
  const { state } = colleague;
  // The colleague's state keys ids as they were; the bulletins crossed the import boundary (boundedId).
  const theirDeleted = new Set(Object.keys(state.deleted).map(boundedId));
  const bulletins: LibraryMergePlan['bulletins'] = {
    add: [],
    already: 0,
    alreadyDeleted: 0,
    deletedByColleague: 0,
  };
  for (const bulletin of colleague.bulletins) {
    if (++done % STEP === 0) yield;
    const presence = receiver.presence(bulletin.id);
    if (presence === 'visible') bulletins.already++;
    else if (presence === 'deleted') bulletins.alreadyDeleted++;
    else if (theirDeleted.has(bulletin.id)) bulletins.deletedByColleague++;
    else bulletins.add.push(bulletin);
  }
  const adding = new Set(bulletins.add.map((bulletin) => bulletin.id));
  /** Marks go only on bulletins the user will see: theirs already, or brought now. */
  const shown = (id: string) => adding.has(id) || receiver.presence(id) === 'visible';

  const notes: LibraryMergePlan['notes'] = [];
  const notesSummary = { added: 0, beside: 0, same: 0, leftOut: 0 };
  for (const [rawId, note] of Object.entries(state.notes)) {
    if (++done % STEP === 0) yield;
    const id = boundedId(rawId);
    if (!shown(id) || note.text.length > SHARE_LIMITS.note) {
      notesSummary.leftOut++;
      continue;
    }
    const before = receiver.note(id);
    const after = mergeNote(
      before,
      note.text,
      options.noteHeader(colleague.sender, note.updatedAt.slice(0, 10)),
    );
    if (after === undefined) notesSummary.same++;
    else {
      notes.push({ id, ...(before !== undefined ? { before } : {}), after });
      if (before === undefined || before.trim() === '') notesSummary.added++;
      else notesSummary.beside++;
    }
  }

  // Names are one namespace for collections and saved searches (in:"name" finds either).
  const takenNames: string[] = [
    ...receiver.collections.map((collection) => collection.name),
    ...receiver.savedSearches.map((saved) => saved.name),
  ];
  const freeName = (name: string) => {
    let free = name;
    for (let n = 2; takenNames.some((taken) => sameName(taken, free)); n++) free = `${name} ${n}`;
    takenNames.push(free);
    return free;
  };

  const collections: PlannedCollection[] = [];
  let collectionsLeftOut = 0;
  /** By the colleague's name for it: their collections of one name (case and accents aside) land together. */
  const byTheirName: Array<{ name: string; target: PlannedCollection; holds: Set<string> }> = [];
  /** The colleague's collection id → the user's collection it lands in (for their saved searches). */
  const landsIn = new Map<string, string>();
  for (const [position, theirs] of state.collections.entries()) {
    // Each one is compared by name with every other (case and accents aside: no key to hash).
    yield;
    const name = cleanName(theirs.name);
    if (position >= MAX_MERGED_NAMED || name === '') {
      collectionsLeftOut++;
      continue;
    }
    let landing = byTheirName.find((other) => sameName(other.name, name));
    if (!landing) {
      const mine = receiver.collections.find((other) => sameName(other.name, name));
      const target = mine
        ? { id: mine.id, name: mine.name, created: false, add: [], already: 0 }
        : { id: options.newId(), name: freeName(name), created: true, add: [], already: 0 };
      landing = { name, target, holds: new Set(Object.keys(mine?.items ?? {})) };
      byTheirName.push(landing);
      collections.push(target);
    }
    const { target, holds } = landing;
    landsIn.set(theirs.id, target.id);
    for (const id of new Set(Object.keys(theirs.items).map(boundedId))) {
      if (++done % STEP === 0) yield;
      if (!shown(id)) continue;
      if (holds.has(id)) target.already++;
      else {
        target.add.push(id);
        holds.add(id);
      }
    }
  }

  const offered: string[] = [];
  let bookmarked = 0;
  for (const id of new Set(Object.keys(state.bookmarks).map(boundedId))) {
    if (++done % STEP === 0) yield;
    if (!shown(id)) continue;
    if (receiver.isBookmarked(id)) bookmarked++;
    else offered.push(id);
  }

  const savedSearches: LibraryMergePlan['savedSearches'] = { add: [], same: 0, renamed: 0, leftOut: 0 };
  for (const [position, theirs] of state.savedSearches.entries()) {
    yield;
    const name = cleanName(theirs.name);
    const collectionId = theirs.view.startsWith('collection:')
      ? theirs.view.slice('collection:'.length)
      : null;
    const landed = collectionId === null ? undefined : landsIn.get(collectionId);
    if (position >= MAX_MERGED_NAMED || name === '' || (collectionId !== null && landed === undefined)) {
      savedSearches.leftOut++;
      continue;
    }
    const query: SavedSearchQuery = {
      view: landed === undefined ? theirs.view : `collection:${landed}`,
      text: theirs.text,
      sort: theirs.sort,
      facets: structuredClone(theirs.facets),
    };
    const mine = receiver.savedSearches.find((saved) => sameName(saved.name, name));
    if (mine && sameQuery(mine, query)) {
      savedSearches.same++;
      continue;
    }
    const free = freeName(name);
    if (free !== name) savedSearches.renamed++;
    savedSearches.add.push({
      id: options.newId(),
      name: free,
      ...query,
      createdAt: options.now,
      // Opened as of now: what the merge brings is not "new since you last looked".
      openedAt: options.now,
    });
  }

  return {
    bulletins,
    notes,
    notesSummary,
    collections,
    collectionsLeftOut,
    bookmarks: { offered, already: bookmarked },
    savedSearches,
  };
}

/** The same search: view, words, order and the same facet values (in any order). */
function sameQuery(a: SavedSearchQuery, b: SavedSearchQuery): boolean {
  if (a.view !== b.view || a.text.trim() !== b.text.trim() || a.sort !== b.sort) return false;
  const keys = new Set([...Object.keys(a.facets), ...Object.keys(b.facets)]) as Set<
    keyof SavedSearchQuery['facets']
  >;
  for (const key of keys) {
    const left = [...(a.facets[key] ?? [])].sort();
    const right = [...(b.facets[key] ?? [])].sort();
    if (left.length !== right.length || left.some((value, at) => value !== right[at])) return false;
  }
  return true;
}
