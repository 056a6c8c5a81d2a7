import type { TFunction } from 'i18next';
import type { CollectionInfo } from '../../preload/contract';
import type { MenuAction } from '../menus/menuActions';

/**
 * "Add to" a collection, one menu item per collection (the row's context menu and the selection
 * bar's More…); with none yet, one disabled item saying so, so the section is never empty.
 */
export function collectionActions(
  collections: readonly CollectionInfo[],
  ids: readonly string[],
  add: (collection: CollectionInfo, ids: string[]) => void,
  t: TFunction,
  disabled = false,
): MenuAction[] {
  if (collections.length === 0)
    return [{ id: 'no-collections', label: t('collections.noneYet'), run: () => {}, disabled: true }];
  return collections.map((collection) => ({
    id: `collection-${collection.id}`,
    label: collection.name,
    run: () => add(collection, [...ids]),
    disabled,
  }));
}
