import { cleanName, sameName } from '../store/collections';
import type { SharedMarks } from './shareFormat';

/**
 * How the receiver's library merges a colleague's marks, as a pure plan the store applies in one
 * write. Nothing of the receiver's is ever removed or overwritten: notes only grow, collections
 * and bookmarks only gain members. Applying the same file twice plans nothing the second time.
 */

/** The receiver's marks, as much as the plan needs. */
export interface ReceiverMarks {
  note(id: string): string | undefined;
  /** Collections in the order made, with their members. */
  collections: ReadonlyArray<{ id: string; name: string; items: Readonly<Record<string, string>> }>;
  isBookmarked(id: string): boolean;
  /** In the library and not deleted: marks go on nothing else. */
  isVisible(id: string): boolean;
}

export interface MergeOptions {
  /** The receiver said yes to the sender's bookmarks. */
  takeBookmarks: boolean;
  /** The line that labels a colleague's note, e.g. "— from Ana, 2026-12-05:". */
  noteHeader(sender: string, date: string): string;
}

export interface SharePlan {
  /** Bulletin id → the receiver's note as it becomes. */
  notes: Map<string, string>;
  /** The collection to join (by id) or create (by name), and the ids it gains. */
  collection?: { id?: string; name: string; add: string[] };
  bookmarks: string[];
  summary: ShareSummaryCounts;
}

export interface ShareSummaryCounts {
  /** Notes the receiver did not have. */
  notesNew: number;
  /** Notes kept beside the receiver's different one. */
  notesBeside: number;
  /** Notes the receiver already had, word for word. */
  notesSame: number;
  collection?: { name: string; created: boolean; added: number; already: number };
  bookmarks: { offered: number; added: number; already: number };
}

export function planShareMerge(
  receiver: ReceiverMarks,
  share: SharedMarks,
  sharedIds: readonly string[],
  options: MergeOptions,
): SharePlan {
  const summary: ShareSummaryCounts = {
    notesNew: 0,
    notesBeside: 0,
    notesSame: 0,
    bookmarks: { offered: 0, added: 0, already: 0 },
  };
  // Marks go only on the bulletins the file brings: a file cannot write on the rest of the library.
  const inFile = new Set(sharedIds);
  const notes = new Map<string, string>();
  for (const [id, note] of share.notes) {
    if (!inFile.has(id) || !receiver.isVisible(id)) continue;
    const mine = receiver.note(id);
    const header = options.noteHeader(share.sender, note.updatedAt.slice(0, 10));
    const merged = mergeNote(mine, note.text, header);
    if (merged === undefined) summary.notesSame++;
    else {
      notes.set(id, merged);
      if (mine === undefined || mine.trim() === '') summary.notesNew++;
      else summary.notesBeside++;
    }
  }

  let collection: SharePlan['collection'];
  const name = cleanName(share.collection ?? '');
  if (name !== '') {
    const existing = receiver.collections.find((other) => sameName(other.name, name));
    const members = sharedIds.filter((id) => receiver.isVisible(id));
    const add = [...new Set(members.filter((id) => !(existing && id in existing.items)))];
    collection = { ...(existing ? { id: existing.id } : {}), name: existing?.name ?? name, add };
    summary.collection = {
      name: collection.name,
      created: !existing,
      added: add.length,
      already: new Set(members).size - add.length,
    };
  }

  const bookmarks: string[] = [];
  const offered = new Set(share.bookmarks.filter((id) => inFile.has(id) && receiver.isVisible(id)));
  summary.bookmarks.offered = offered.size;
  if (options.takeBookmarks) {
    for (const id of offered) {
      if (receiver.isBookmarked(id)) summary.bookmarks.already++;
      else bookmarks.push(id);
    }
    summary.bookmarks.added = bookmarks.length;
  }
  // A collection with nothing to add is still created: the sender named it, the receiver sees it.
  return { notes, ...(collection ? { collection } : {}), bookmarks, summary };
}

/** A line that labels a colleague's part of a note: "— …:" on a line of its own. */
const isHeader = (line: string) => line.length <= 400 && line.startsWith('— ') && line.endsWith(':');

/**
 * The parts of a note: the author's own text (labelled `ownHeader`), then each colleague's part
 * under its own header line. A note passed on again keeps its parts apart, so a colleague's text
 * that came back round is recognised and not added twice.
 */
export function noteParts(text: string, ownHeader: string): Array<{ header: string; body: string }> {
  const parts = [{ header: ownHeader, lines: [] as string[] }];
  for (const line of text.split('\n')) {
    if (isHeader(line)) parts.push({ header: line, lines: [] });
    else (parts.at(-1) as { lines: string[] }).lines.push(line);
  }
  return parts
    .map(({ header, lines }) => ({ header, body: lines.join('\n').trim() }))
    .filter((part) => part.body !== '');
}

/**
 * The receiver's note with the sender's beside it, or undefined when it already says everything
 * the sender's does (the same note, or one merged before). The receiver's text is kept as it is;
 * each of the sender's parts it does not contain is appended under its header.
 */
export function mergeNote(mine: string | undefined, theirs: string, header: string): string | undefined {
  const own = mine ?? '';
  // Whole parts compared, not substrings: "ok" is not already said by "look".
  const said = new Set(noteParts(own, '').map((part) => part.body));
  const missing = noteParts(theirs, header).filter((part) => !said.has(part.body));
  if (missing.length === 0) return undefined;
  const added = missing.map((part) => `${part.header}\n${part.body}`).join('\n\n');
  return own.trim() === '' ? added : `${own.trimEnd()}\n\n${added}`;
}
