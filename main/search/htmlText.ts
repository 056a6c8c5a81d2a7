import { decodeHTML } from 'entities';

/** The readable text of a bulletin's HTML body, for indexing and excerpts (never for display). */
export function htmlToText(html: string): string {
  const withoutMarkup = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return decodeHTML(withoutMarkup).replace(/\s+/g, ' ').trim();
}
