import { useTranslation } from 'react-i18next';
import type { CollectionInfo, View } from '../../preload/contract';
import { bridge } from '../app/bridge';
import type { NoticeInput } from '../notices/useNotices';

interface CollectionActionsOptions {
  view: View;
  /** The collection shown was deleted: go elsewhere. */
  onLeaveView: () => void;
  /** Counts changed (main also says so with 'library:changed'; this is for at once). */
  onChanged: () => void;
  announce: (message: string) => void;
  notify: (input: NoticeInput) => number;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
  /** Bulletins joined a collection: the reading pane may show one of them. */
  onOpenChanged: (ids: string[]) => void;
}

/**
 * What the sidebar's collections do: make, rename (both reject with the message to show by the
 * name field), delete with undo, and take bulletins dropped on them.
 */
export function useCollectionActions(options: CollectionActionsOptions) {
  const { t } = useTranslation();
  const { onChanged, announce, onError } = options;

  const create = async (name: string) => {
    const created = await bridge().createCollection(name);
    onChanged();
    announce(t('collections.created', { name: created.name }));
  };

  const rename = async (id: string, name: string) => {
    await bridge().renameCollection(id, name);
    onChanged();
  };

  const remove = (collection: CollectionInfo) => {
    bridge()
      .deleteCollection(collection.id)
      .then((token) => {
        if (options.view === `collection:${collection.id}`) options.onLeaveView();
        onChanged();
        options.offerUndo(t('collections.deleted', { name: collection.name }), async () => {
          await bridge().restoreCollection(token);
          onChanged();
          announce(t('collections.restored', { name: collection.name }));
        });
      }, onError);
  };

  const addDropped = (collection: CollectionInfo, ids: string[]) => {
    bridge()
      .addToCollection(collection.id, ids)
      .then((added) => {
        options.notify({
          kind: 'info',
          message:
            added === 0
              ? t('collections.alreadyIn', { count: ids.length, name: collection.name })
              : t('collections.added', { count: added, name: collection.name }),
        });
        options.onOpenChanged(ids);
      }, onError);
  };

  /** Takes bulletins out of a collection; undo puts them back (dated as added again now). */
  const removeFrom = (collection: CollectionInfo, ids: string[]) => {
    bridge()
      .removeFromCollection(collection.id, ids)
      .then((removed) => {
        onChanged();
        options.offerUndo(t('collections.removed', { count: removed, name: collection.name }), async () => {
          await bridge().addToCollection(collection.id, ids);
          onChanged();
          announce(t('collections.added', { count: removed, name: collection.name }));
        });
      }, onError);
  };

  return { create, rename, remove, addDropped, removeFrom };
}
