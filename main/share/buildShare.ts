import type { Bulletin } from '../../preload/contract';
import type { ShareContents } from './shareFormat';

/** The sender's marks a share takes, as much as it needs of the library. */
export interface SenderMarks {
  noteEntry(id: string): { text: string; updatedAt: string } | undefined;
  isBookmarked(id: string): boolean;
}

/** What a share of these bulletins holds: them, and the sender's notes and bookmarks on them. */
export function buildShare(
  bulletins: readonly Bulletin[],
  marks: SenderMarks,
  sender: { name: string; at: Date; collection?: string },
): ShareContents {
  const notes = new Map<string, { text: string; updatedAt: string }>();
  const bookmarks: string[] = [];
  for (const { id } of bulletins) {
    const note = marks.noteEntry(id);
    if (note) notes.set(id, note);
    if (marks.isBookmarked(id)) bookmarks.push(id);
  }
  return {
    bulletins,
    sender: sender.name,
    sentAt: sender.at,
    ...(sender.collection !== undefined ? { collection: sender.collection } : {}),
    notes,
    bookmarks,
  };
}
