import type { Page } from '@playwright/test';

/**
 * Everything of the user's, through the bridge, as the window sees it: the bulletins (ids), notes,
 * bookmarks, collections with their counts, and saved searches. What a share or a merge may add
 * to and a refused file must leave equal.
 */
export async function userLibrary(page: Page) {
  return page.evaluate(async () => {
    const { rows } = await window.bulletins.list({ view: 'all' });
    const details = await Promise.all(rows.map((row) => window.bulletins.get(row.id)));
    const counts = await window.bulletins.counts();
    return {
      ids: rows.map((row) => row.id).sort(),
      notes: Object.fromEntries(details.flatMap((d) => (d?.note ? [[d.bulletin.id, d.note]] : []))),
      bookmarks: details.filter((d) => d?.bookmarked).map((d) => d?.bulletin.id),
      collections: counts.collections.map(({ name, count }) => ({ name, count })),
      savedSearches: (await window.bulletins.savedSearches()).map(({ name }) => name),
    };
  });
}
