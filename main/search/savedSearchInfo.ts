import type { SavedSearchInfo } from '../../preload/contract';
import type { Library } from '../store/library';
import { queryOf } from '../store/savedSearches';
import type { SavedSearch } from '../store/schema';
import { matchingIds } from './searchBulletins';
import type { SearchIndex } from './searchIndex';

type Marks = Parameters<typeof matchingIds>[1] & Pick<Library, 'get'>;

/**
 * A saved search as the sidebar shows it: its matches (answered as opening it would: corrected
 * words included) and how many of them were imported since it was last opened. One search, ids
 * only: asked by the window after a change, never on main's every change event.
 */
export async function savedSearchInfo(
  saved: SavedSearch,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[],
): Promise<SavedSearchInfo> {
  const query = queryOf(saved);
  const ids = await matchingIds(query, library, index, recent);
  let fresh = 0;
  for (const id of ids) {
    const importedAt = library.get(id)?.importedAt;
    if (importedAt !== undefined && importedAt > saved.openedAt) fresh++;
  }
  return { id: saved.id, name: saved.name, query, count: ids.length, fresh };
}
