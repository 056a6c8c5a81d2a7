import type { Bulletin, ExportScope } from '../../preload/contract';
import type { SearchIndex } from '../search/searchIndex';
import type { Library } from '../store/library';

/** The bulletins an export covers, in the order the user saw them (a selection keeps its own order). */
export function resolveScope(scope: ExportScope, library: Library, index: SearchIndex): Bulletin[] {
  if (scope.kind === 'view') return library.bulletins(scope.view);
  if (scope.kind === 'ids') return present(scope.ids.map((id) => library.get(id)));
  const visible = new Set(library.bulletins(scope.view).map((bulletin) => bulletin.id));
  const { hits } = index.search(scope.text);
  return present(hits.filter((hit) => visible.has(hit.id)).map((hit) => library.get(hit.id)));
}

function present(bulletins: Array<Bulletin | undefined>): Bulletin[] {
  return bulletins.filter((bulletin): bulletin is Bulletin => bulletin !== undefined);
}
