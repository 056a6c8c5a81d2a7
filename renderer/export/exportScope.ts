import type { TFunction } from 'i18next';
import type { ExportScope, FixedView, ListSort, SearchRequest, View } from '../../preload/contract';

/** What the list shows: its view and sort, and the search in it with its facets and order. */
export interface ShownList {
  view: View;
  listSort?: ListSort;
  search: Omit<SearchRequest, 'view'>;
}

const FIXED_VIEWS: readonly View[] = ['all', 'unread', 'bookmarks'];
const isFixed = (view: View): view is FixedView => FIXED_VIEWS.includes(view);
const anyFacet = (search: ShownList['search']) =>
  Object.values(search.facets ?? {}).some((values) => values.length > 0);

/**
 * What the list shows, as an export scope main resolves whole (every result, not only the rows
 * loaded): the search when there is one, else the view. Null when only the list's ids can say it
 * (a collection, or facets without words): the caller then exports those ids, fetched with `listIds`.
 */
export function currentScope({ view, listSort, search }: ShownList): ExportScope | null {
  if (!isFixed(view)) return null;
  if (search.text === '') return anyFacet(search) ? null : { kind: 'view', view, sort: listSort };
  return {
    kind: 'search',
    view,
    text: search.text,
    sort: search.sort,
    facets: search.facets,
    ...(search.literal ? { literal: true } : {}),
  };
}

/** The title an export starts with: what the list is called. */
export function defaultTitle(scope: ExportScope, t: TFunction): string {
  if (scope.kind === 'ids') return scope.label;
  const view = t(`sidebar.view.${scope.view}`);
  return scope.kind === 'search' ? t('export.searchTitle', { query: scope.text, view }) : view;
}
