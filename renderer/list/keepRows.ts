import type { BulletinRow } from '../../preload/contract';

/**
 * Merges a fresh list with rows the user acted on since the view was opened.
 *
 * Reading a bulletin in the Unread view (or un-bookmarking one in Bookmarks)
 * takes it out of that view, and main says so at once. Dropping the row there
 * and then would pull the list from under the reader: "previous" (k) could not
 * go back to what was just read. So such rows stay, where they were, until the
 * user leaves the view. Runs in one pass over both lists.
 */
export function keepRows(
  previous: readonly BulletinRow[],
  next: readonly BulletinRow[],
  keep: ReadonlySet<string>,
): BulletinRow[] {
  if (keep.size === 0) return [...next];
  const nextIds = new Set(next.map((row) => row.id));

  // Each kept row goes after the nearest row above it that is still listed (null: at the top).
  const after = new Map<string | null, BulletinRow[]>();
  let anchor: string | null = null;
  for (const row of previous) {
    if (nextIds.has(row.id)) {
      anchor = row.id;
    } else if (keep.has(row.id)) {
      const group = after.get(anchor);
      if (group) group.push(row);
      else after.set(anchor, [row]);
    }
  }
  if (after.size === 0) return [...next];

  const merged = [...(after.get(null) ?? [])];
  for (const row of next) {
    merged.push(row);
    const group = after.get(row.id);
    if (group) merged.push(...group);
  }
  return merged;
}
