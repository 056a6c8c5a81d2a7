import type { BulletinRow, ListResult } from '../../preload/contract';
import type { Bodies, StoredBulletin } from '../store/bodies';
import { htmlToText } from './htmlText';
import { snippet } from './snippet';

/** Makes a search's row; `terms` when its passage is its summary's (see searchBulletins). */
export type SearchRowMaker = (
  bulletin: StoredBulletin,
  excerpt: string,
  terms?: readonly string[],
) => BulletinRow;

/**
 * A page of search results whose rows show the passage that matched. Bodies are not in main's
 * memory (store/bodies.ts), so a row's passage is first taken from its summary; the rows whose
 * summary lacks a term searched have it taken again with their body, and only those bodies are
 * read: at most a page's (200 rows), none when the summaries show every term.
 */
export async function searchPage(
  search: (toRow: SearchRowMaker) => ListResult | Promise<ListResult>,
  toRow: (bulletin: StoredBulletin, excerpt: string) => BulletinRow,
  bodies: Bodies,
): Promise<ListResult> {
  const wanting = new Map<string, { summary: string; terms: readonly string[] }>();
  const result = await search((bulletin, excerpt, terms) => {
    if (terms && summaryLacks(bulletin.summary, terms))
      wanting.set(bulletin.id, { summary: bulletin.summary, terms });
    return toRow(bulletin, excerpt);
  });
  const ids = result.rows.filter((row) => wanting.has(row.id)).map((row) => row.id);
  if (ids.length === 0) return result;
  const found = await bodies.read(ids);
  const rows = result.rows.map((row) => {
    const body = found.get(row.id);
    const wanted = wanting.get(row.id);
    if (body === undefined || !wanted) return row;
    return { ...row, excerpt: snippet([wanted.summary, () => htmlToText(body)], wanted.terms) };
  });
  return { ...result, rows };
}

/** Whether some term is not in the summary (so its body may show a better passage). */
function summaryLacks(summary: string, terms: readonly string[]): boolean {
  let lacks = false;
  snippet([summary, () => ((lacks = true), '')], terms);
  return lacks;
}
