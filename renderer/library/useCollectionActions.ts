import { useTranslation } from 'react-i18next';
import type { CollectionInfo, View } from '../../preload/contract';
import { bridge } from '../bridge/bridge';
import type { NoticeInput } from '../notices/useNotices';

interface CollectionActionsOptions {
  view: View;
  /** The collection shown was deleted: go elsewhere. */
  onLeaveView: () => void;
  announce: (message: string) => void;
  notify: (input: NoticeInput) => number;
  offerUndo: (message: string, undo: () => Promise<void>) => void;
  onError: (error: unknown) => void;
  /** Queues bulletins to keep offline (useKeepOffline). */
  keep: (ids: readonly string[]) => void;
  /** Opens the export dialog for these bulletins, named by `label`. */
  exportIds: (ids: string[], label: string) => void;
}

/**
 * What the sidebar's collections do: make, rename (both reject with the message to show by the
 * name field), delete with undo, take bulletins dropped on them, and keep or export them all.
 */
export function useCollectionActions(options: CollectionActionsOptions) {
  const { t } = useTranslation();
  const { announce, onError } = options;

  const create = async (name: string) => {
    const created = await bridge().createCollection(name);
    announce(t('collections.created', { name: created.name }));
  };

  const rename = async (id: string, name: string) => {
    await bridge().renameCollection(id, name);
  };

  const remove = (collection: CollectionInfo) => {
    bridge()
      .deleteCollection(collection.id)
      .then((token) => {
        if (options.view === `collection:${collection.id}`) options.onLeaveView();
        options.offerUndo(t('collections.deleted', { name: collection.name }), async () => {
          await bridge().restoreCollection(token);
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
      }, onError);
  };

  /** Takes bulletins out of a collection; undo puts them back (dated as added again now). */
  const removeFrom = (collection: CollectionInfo, ids: string[]) => {
    bridge()
      .removeFromCollection(collection.id, ids)
      .then((removed) => {
        options.offerUndo(t('collections.removed', { count: removed, name: collection.name }), async () => {
          await bridge().addToCollection(collection.id, ids);
          announce(t('collections.added', { count: removed, name: collection.name }));
        });
      }, onError);
  };

  /** Every bulletin of the collection, newest first (main lists them: the window holds a page). */
  const everyId = (collection: CollectionInfo) =>
    bridge().listIds({ view: `collection:${collection.id}`, text: '' });
  const keepOffline = (collection: CollectionInfo) => {
    everyId(collection).then(options.keep, onError);
  };
  const exportAll = (collection: CollectionInfo) => {
    everyId(collection).then((ids) => options.exportIds(ids, collection.name), onError);
  };

  return { create, rename, remove, addDropped, removeFrom, keepOffline, exportAll };
}
