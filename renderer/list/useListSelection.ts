import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope } from '../../preload/contract';
import type { ListGestures } from './BulletinList';
import type { SelectionBar } from './SelectionBar';
import { useSelection } from './useSelection';
import type { NoticeInput } from '../notices/useNotices';
import { useLibraryStore } from '../store/useLibraryStore';
import { bridge } from '../bridge/bridge';
import { useBulkActions } from './useBulkActions';
import type { ListView } from './useListView';
import type { ShortcutActions } from '../commands/useShortcuts';

interface ListSelectionOptions {
  /**
   * What the list shows: its request to main (also what "select all" and "mark all read" cover),
   * its rows and their total (loaded or not), and the keyboard's place among them.
   */
  shown: Pick<ListView, 'request' | 'navigation'> & { list: Pick<ListView['list'], 'rows' | 'total'> };
  announce: (message: string) => void;
  notify: (notice: NoticeInput) => void;
  onError: (error: unknown) => void;
}

type BarProps = Omit<
  ComponentProps<typeof SelectionBar>,
  'onExport' | 'onAddToCollection' | 'collections' | 'onDelete' | 'removeFrom' | 'onKeepOffline'
>;

/**
 * The list's multi-selection wired to the window: mouse and keyboard gestures
 * (the anchor follows the active row), "select all" and "mark all read" over
 * every id main lists for the view or search, and the bulk actions of the
 * selection bar. The count is said aloud as keys change it.
 */
export function useListSelection(options: ListSelectionOptions) {
  const { announce, onError } = options;
  const { request, navigation } = options.shown;
  const { rows, total } = options.shown.list;
  const { t } = useTranslation();
  const store = useLibraryStore();
  const selection = useSelection(JSON.stringify(request), rows);
  const { activeIndex, activate, step } = navigation;

  const bulk = useBulkActions({
    notify: options.notify,
    onError,
    onDone: (mark, on) => {
      // Rows that leave the view (un-bookmarked in Bookmarks, read in Unread) leave the selection too.
      const leaving =
        (request.view === 'bookmarks' && mark === 'bookmark' && !on) ||
        (request.view === 'unread' && mark === 'read' && on);
      if (leaving) selection.clear();
    },
  });

  const sayCount = (count: number) => announce(t('selection.count', { count }));
  const selectAll = () => {
    bridge()
      .listIds(request)
      .then((ids) => sayCount(selection.selectAll(ids)), onError);
  };
  const markAllRead = () => {
    bridge()
      .listIds(request)
      .then((ids) => bulk.run('read', ids, true), onError);
  };

  /** Moves the active row without opening it, with Shift: the selection grows from the anchor to it. */
  const extendTo = (index: number) => {
    if (!rows[index]) return;
    sayCount(selection.extendTo(index, activeIndex));
    activate(index);
  };
  const toggleRow = (index: number) => {
    activate(index);
    return selection.toggle(index);
  };
  /** The active row moved without Shift (arrows, a click, j/k): the next range starts there. */
  const activateRow = (index: number) => {
    activate(index);
    selection.anchor(index);
  };
  const dragIds = (index: number) => {
    const id = rows[index]?.id;
    if (id === undefined) return [];
    return selection.ids.has(id) ? selection.ordered : [id];
  };

  const shortcuts: Pick<
    ShortcutActions,
    'extendNext' | 'extendPrevious' | 'toggleSelected' | 'clearSelection'
  > = {
    // The first Shift+j takes in the row under the focus ring as well as the next one.
    extendNext: () => extendTo(activeIndex < 0 ? 0 : step(1)),
    extendPrevious: () => extendTo(activeIndex < 0 ? 0 : step(-1)),
    toggleSelected: () => {
      if (activeIndex >= 0) sayCount(toggleRow(activeIndex));
    },
    clearSelection: () => {
      if (selection.count === 0) return;
      selection.clear();
      announce(t('selection.cleared'));
    },
  };

  const gestures: ListGestures = {
    selectedIds: selection.ids,
    onActivate: activateRow,
    onToggle: toggleRow,
    onExtend: extendTo,
    onSelectAll: selectAll,
    dragIds,
  };

  // The action each toggle offers: add the mark unless every selected row on hand has it already.
  const selectedRows =
    selection.count === 0
      ? []
      : rows.filter((row) => selection.ids.has(row.id)).map((row) => store.bulletin(row.id) ?? row);
  const bar: BarProps | null =
    selection.count === 0
      ? null
      : {
          ids: selection.ordered,
          total,
          bookmark: selectedRows.length === 0 || !selectedRows.every((row) => row.bookmarked),
          read: selectedRows.length === 0 || !selectedRows.every((row) => row.read),
          busy: bulk.busy,
          onSelectAll: selectAll,
          onBookmark: (on) => void bulk.run('bookmark', selection.ordered, on),
          onMarkRead: (on) => void bulk.run('read', selection.ordered, on),
          onClear: selection.clear,
        };

  /** The selection as an export scope, or null when nothing is selected. */
  const exportScope = (): ExportScope | null =>
    selection.count === 0
      ? null
      : {
          kind: 'ids',
          ids: selection.ordered,
          label: t('selection.exportLabel', { count: selection.count }),
        };

  return {
    count: selection.count,
    gestures,
    bar,
    shortcuts,
    anchor: selection.anchor,
    markAllRead,
    exportScope,
    clear: selection.clear,
  };
}
export type ListSelection = ReturnType<typeof useListSelection>;
