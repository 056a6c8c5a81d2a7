import type { CollectionInfo } from '../../preload/contract';
import type { BulletinsActions } from './bulletinsActions';
import { SelectionBar } from './SelectionBar';
import type { ListSelection } from './useListSelection';

interface ListSelectionBarProps {
  /** The selection's bar (null while nothing is selected) and clearing it. */
  selection: Pick<ListSelection, 'bar' | 'clear'>;
  /** The collection the list shows, if any: the bar offers to take the bulletins out of it. */
  collection: CollectionInfo | undefined;
  actions: BulletinsActions;
  /** Export…: the selection, asked in the export dialog. */
  onExport: () => void;
}

/** The selection bar over the list: the marks from the selection, every other action on the bulletins picked. */
export function ListSelectionBar({ selection, collection, actions, onExport }: ListSelectionBarProps) {
  if (!selection.bar) return null;
  return (
    <SelectionBar
      {...selection.bar}
      collections={actions.collections}
      onAddToCollection={actions.addToCollection}
      onExport={onExport}
      onShare={actions.shareIds}
      send={actions.send}
      onKeepOffline={actions.keepOffline}
      onDelete={(ids) => actions.askDelete(ids)}
      removeFrom={
        collection && {
          name: collection.name,
          remove: (ids) => {
            selection.clear();
            actions.removeFromCollection(collection, ids);
          },
        }
      }
    />
  );
}
