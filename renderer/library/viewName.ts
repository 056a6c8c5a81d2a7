import type { TFunction } from 'i18next';
import type { CollectionInfo, View } from '../../preload/contract';

/** The collection a view shows, or null for the fixed views (all, unread, bookmarks). */
export function collectionIdOf(view: View): string | null {
  return view.startsWith('collection:') ? view.slice('collection:'.length) : null;
}

/** What a view is called: its translated name, or the collection's own name. */
export function viewName(
  view: View,
  collections: readonly CollectionInfo[] | undefined,
  t: TFunction,
): string {
  const id = collectionIdOf(view);
  if (id === null) return t(`sidebar.view.${view}`);
  return collections?.find((collection) => collection.id === id)?.name ?? t('collections.untitled');
}
