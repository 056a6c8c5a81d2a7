import type { TFunction } from 'i18next';
import type { ExportScope, View } from '../../preload/contract';

/**
 * What the list shows, as an export scope: the search when there is one, else the view. A
 * collection goes as the ids of its rows, in the order shown, named by `label`.
 */
export function currentScope(
  view: View,
  searchedText: string,
  collection?: { ids: string[]; label: string },
): ExportScope {
  if (view !== 'all' && view !== 'unread' && view !== 'bookmarks')
    return { kind: 'ids', ids: collection?.ids ?? [], label: collection?.label ?? '' };
  return searchedText === '' ? { kind: 'view', view } : { kind: 'search', view, text: searchedText };
}

/** The title an export starts with: what the list is called. */
export function defaultTitle(scope: ExportScope, t: TFunction): string {
  if (scope.kind === 'ids') return scope.label;
  const view = t(`sidebar.view.${scope.view}`);
  return scope.kind === 'search' ? t('export.searchTitle', { query: scope.text, view }) : view;
}
