import { useTranslation } from 'react-i18next';
import type { BulletinRow } from '../../preload/contract';
import type { MenuAction, MenuSection } from '../menus/menuActions';
import { MenuList } from '../menus/MenuList';
import { sendActions } from '../share/sendActions';
import { useBulletinState } from '../store/useLibraryStore';
import type { BulletinsActions } from './bulletinsActions';
import { collectionActions } from './collectionActions';

/** What a row's context menu can do to its bulletin: open and bookmark it, and the list's actions on one. */
export interface RowMenuActions extends Pick<
  BulletinsActions,
  'collections' | 'addToCollection' | 'send' | 'exportIds' | 'askDelete'
> {
  onOpen: (index: number) => void;
  onToggleBookmark: (id: string) => void;
}

interface RowContextMenuProps {
  row: BulletinRow;
  index: number;
  /** Where it opens: the pointer, or under the active row when asked from the keyboard. */
  at: { x: number; y: number };
  actions: RowMenuActions;
  onClose: (chosen: boolean) => void;
}

/**
 * A row's context menu (right-click, the ContextMenu key, Shift+F10): the common actions on that
 * one bulletin. The selection bar is where several are acted on at once.
 */
export function RowContextMenu({ row, index, at, actions, onClose }: RowContextMenuProps) {
  const { t } = useTranslation();
  const bookmarked = useBulletinState(row.id)?.bookmarked ?? row.bookmarked;
  const ids = [row.id];
  const items: MenuAction[] = [
    { id: 'open', label: t('rowMenu.open'), run: () => actions.onOpen(index) },
    {
      id: 'bookmark',
      label: t(bookmarked ? 'list.removeBookmark' : 'list.addBookmark'),
      run: () => actions.onToggleBookmark(row.id),
    },
    ...sendActions(actions.send, ids, t),
    { id: 'export', label: t('selection.export'), run: () => actions.exportIds(ids, row.title) },
    { id: 'delete', label: t('selection.delete'), run: () => actions.askDelete(ids, row.title) },
  ];
  const sections: MenuSection[] = [
    { id: 'actions', actions: items },
    {
      id: 'collections',
      label: t('rowMenu.addTo'),
      actions: collectionActions(actions.collections, ids, actions.addToCollection, t),
    },
  ];
  return (
    <MenuList
      label={t('rowMenu.label', { title: row.title })}
      sections={sections}
      onClose={onClose}
      at={at}
    />
  );
}
