import type { ExportScope } from '../../preload/contract';
import type { KeptPhraseLookup } from '../search/runSearch';
import { matchingIds } from '../search/searchBulletins';
import type { SearchIndex } from '../search/searchIndex';
import type { StoredBulletin } from '../store/bodies';
import type { Library } from '../store/library';

/**
 * The bulletins an export covers, in the order the user saw them: a view in its sort, a search
 * with its facets and sort (every result, not only the rows the list holds), a selection in its own order.
 * `kept`: a search's quoted phrases in the kept full articles, as the list found them. Without
 * their bodies: the caller reads them (store/bodies.ts) a batch at a time.
 */
export async function resolveScope(
  scope: ExportScope,
  library: Library,
  index: SearchIndex,
  kept?: KeptPhraseLookup,
): Promise<readonly StoredBulletin[]> {
  if (scope.kind === 'view') return library.bulletins(scope.view, scope.sort);
  const ids =
    scope.kind === 'ids'
      ? scope.ids
      : await matchingIds(
          {
            view: scope.view,
            text: scope.text,
            sort: scope.sort,
            facets: scope.facets,
            literal: scope.literal,
          },
          library,
          index,
          [],
          kept,
        );
  return ids
    .map((id) => library.get(id))
    .filter((bulletin): bulletin is StoredBulletin => bulletin !== undefined);
}
