import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';
import { JSON_EXPORT_FORMAT } from '../export/jsonExport';
import { boundedId } from '../importers/validateImport';

/**
 * A share file is our JSON export (format `bulletin-reader/bulletins`, read by every version that
 * imports JSON exports, as plain bulletins) with one more key, `share`: who sent it, when, the
 * collection it came from, the sender's notes and bookmarks on those bulletins. Versions that know
 * `share` merge it; older ones ignore it. `share.version` is bumped when its shape changes.
 */
export const SHARE_VERSION = 1;

/** How share files are named: still .json, so older versions import them as plain bulletins. */
export const SHARE_EXTENSION = '.share.json';

/** Bounds for what a colleague's file may bring: generous for people, small for an attack. */
export const SHARE_LIMITS = {
  sender: 200,
  collection: 1_000,
  /** The bridge's own cap on a note (main/ipc/schemas.ts). */
  note: 100_000,
  /** Notes and bookmarks: a share is a working set, not an archive (a backup is for that). */
  marks: 100_000,
} as const;

const isoDateTime = z.iso.datetime({ offset: true });
const idSchema = z.string().min(1).max(10_000);

export const shareSchema = z.strictObject({
  version: z.literal(SHARE_VERSION),
  sender: z.string().trim().min(1).max(SHARE_LIMITS.sender),
  sentAt: isoDateTime,
  /** The collection the bulletins came from; absent for a selection, a search or the bookmarks. */
  collection: z.string().max(SHARE_LIMITS.collection).optional(),
  /** The sender's notes, by bulletin id. */
  notes: z
    .record(
      idSchema,
      z.strictObject({ text: z.string().min(1).max(SHARE_LIMITS.note), updatedAt: isoDateTime }),
    )
    .refine((notes) => Object.keys(notes).length <= SHARE_LIMITS.marks, 'too many notes'),
  /** Ids of the shared bulletins the sender bookmarked: taken only if the receiver says so. */
  bookmarks: z.array(idSchema).max(SHARE_LIMITS.marks),
});
export type ShareMarks = z.infer<typeof shareSchema>;

/** What the sender wrote, as the receiver's store will key it (ids through the import boundary). */
export interface SharedMarks {
  sender: string;
  sentAt: string;
  collection?: string;
  notes: Map<string, { text: string; updatedAt: string }>;
  bookmarks: string[];
}

export interface ShareContents {
  bulletins: readonly Bulletin[];
  sender: string;
  sentAt: Date;
  collection?: string;
  notes: ReadonlyMap<string, { text: string; updatedAt: string }>;
  bookmarks: readonly string[];
}

/** The file's text: the JSON export's envelope and bulletins, plus `share`. */
export function shareFileText(contents: ShareContents, title: string): string {
  const share: ShareMarks = {
    version: SHARE_VERSION,
    sender: contents.sender,
    sentAt: contents.sentAt.toISOString(),
    ...(contents.collection !== undefined ? { collection: contents.collection } : {}),
    notes: Object.fromEntries(contents.notes),
    bookmarks: [...contents.bookmarks],
  };
  const file = {
    format: JSON_EXPORT_FORMAT,
    schemaVersion: 1,
    title,
    exportedAt: share.sentAt,
    bulletins: contents.bulletins,
    share,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why a share part was refused: the first problem, short, for the report's sentence. */
export class ShareRefused extends Error {}

/**
 * The `share` part of a parsed file: undefined when there is none (a plain export), the marks
 * when it is valid, ShareRefused when it is not (the whole file is then refused: a half-read
 * share would merge notes without their author, or into the wrong collection).
 */
export function sharedMarksOf(file: unknown): SharedMarks | undefined {
  if (typeof file !== 'object' || file === null || !('share' in file)) return undefined;
  const parsed = shareSchema.safeParse(file.share);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShareRefused(issue ? `${issue.path.join('.') || 'share'}: ${issue.message}` : 'share');
  }
  const { sender, sentAt, collection, notes, bookmarks } = parsed.data;
  return {
    // One line: the name heads the sender's notes in the receiver's (a line break would split it).
    sender: sender.replace(/\s+/g, ' ').trim(),
    sentAt,
    ...(collection !== undefined ? { collection } : {}),
    // Keyed as the import boundary keys the bulletins, so a long id's note finds its bulletin.
    notes: new Map(Object.entries(notes).map(([id, note]) => [boundedId(id), note])),
    bookmarks: bookmarks.map(boundedId),
  };
}
