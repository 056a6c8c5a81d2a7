import { decodeHTML } from 'entities';

/**
 * Each run of white space becomes one space. A single space, most of them, is not a match:
 * replacing every space by itself (`/\s+/g`) was three quarters of this function's time, and
 * it runs on every bulletin an import reads, twice or three times.
 */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** The readable text of a bulletin's HTML body, for indexing and excerpts (never for display). */
export function htmlToText(html: string): string {
  const withoutMarkup = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return decodeHTML(withoutMarkup).replace(SPACE_TO_COLLAPSE, ' ').trim();
}
