import type { BulletinRow } from '../../preload/contract';
import type { StoredBulletin } from '../store/bodies';

/** The user's marks on bulletins, as the store answers them. */
export interface Marks {
  isBookmarked(id: string): boolean;
  isRead(id: string): boolean;
  /** Absent where notes do not matter (a search test's stand-in library). */
  note?(id: string): string | undefined;
}

/** One list row: enough to paint it without the body, with the excerpt the caller chose. */
export function bulletinRow(bulletin: StoredBulletin, marks: Marks, excerpt: string): BulletinRow {
  return {
    id: bulletin.id,
    title: bulletin.title,
    published: bulletin.published,
    source: bulletin.source,
    language: bulletin.language,
    excerpt,
    bookmarked: marks.isBookmarked(bulletin.id),
    read: marks.isRead(bulletin.id),
    noted: marks.note?.(bulletin.id) !== undefined,
  };
}

const EXCERPT_LENGTH = 220;

/** A listed row's excerpt: the summary, cut at a word's end if long. */
export function excerptOf(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}
