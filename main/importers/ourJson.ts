import { z } from 'zod';
import type { Bulletin } from '../../preload/contract';
import { JSON_EXPORT_FORMAT } from '../export/jsonExport';
import { sharedMarksOf, type SharedMarks } from '../share/shareFormat';
import { bulletinSchema } from '../store/schema';
import { JsonTooLarge, parseJsonWithinHeap } from './jsonWithinHeap';

/** Our own JSON files: an export (File › Export… as JSON) or a library backup (File › Back Up Library…). */
const OUR_FORMATS = new Set([JSON_EXPORT_FORMAT, 'bulletin-reader-library']);
const envelope = z.looseObject({ format: z.string(), bulletins: z.array(z.unknown()) });

export interface OurJsonBulletins {
  bulletins: Bulletin[];
  /** 1-based positions of items that are not valid bulletins (the others still import). */
  invalid: number[];
  /** A share file's notes, collection and sender (main/share/shareFormat.ts); absent for a plain export. */
  share?: SharedMarks;
}

/**
 * The bulletins of one of our own JSON files, or null when the text is not one
 * (a JSON Feed, say). Every item is checked on its own, so one damaged item
 * never sinks the file. Marks (bookmarks, read) are not taken from a backup:
 * merging another library's bulletins is an import, replacing one's own is a restore.
 * A share file's marks are returned for merging; a damaged `share` part throws ShareRefused, JSON
 * too large for the memory left throws JsonTooLarge.
 */
export function bulletinsFromOurJson(text: string): OurJsonBulletins | null {
  let parsed: unknown;
  try {
    parsed = parseJsonWithinHeap(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Too large to read here is said as such (the parse worker's heap is capped), not taken for a feed.
    if (error instanceof JsonTooLarge) throw error;
    return null;
  }
  const file = envelope.safeParse(parsed);
  if (!file.success || !OUR_FORMATS.has(file.data.format)) return null;
  const bulletins: Bulletin[] = [];
  const invalid: number[] = [];
  file.data.bulletins.forEach((item, index) => {
    const bulletin = bulletinSchema.safeParse(item);
    if (bulletin.success) bulletins.push(bulletin.data);
    else invalid.push(index + 1);
  });
  const share = sharedMarksOf(file.data);
  return { bulletins, invalid, ...(share ? { share } : {}) };
}
