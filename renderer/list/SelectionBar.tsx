import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { CloseIcon } from '../icons/Icons';
import type { MenuAction, MenuSection } from '../menus/menuActions';
import { MenuButton } from '../menus/MenuButton';
import { sendActions } from '../share/sendActions';
import type { SelectionSend } from '../share/sendBulletins';
import { collectionActions } from './collectionActions';
import { useCrowded } from './useCrowded';

interface SelectionBarProps {
  /** The selected ids, in the list's order. */
  ids: readonly string[];
  /** Rows in the whole view or search: "Select all" is offered while fewer are selected. */
  total: number;
  /** The action each toggle offers: add the mark unless every selected row we know of has it. */
  bookmark: boolean;
  read: boolean;
  /** A bulk action is running: its buttons wait. */
  busy: boolean;
  onSelectAll: () => void;
  onBookmark: (bookmarked: boolean) => void;
  onMarkRead: (read: boolean) => void;
  collections: readonly CollectionInfo[];
  onAddToCollection: (collection: CollectionInfo, ids: string[]) => void;
  onExport: () => void;
  /** Share…: the selected bulletins, with the user's notes, as one file for a colleague. */
  onShare?: (ids: string[]) => void;
  /** Send…: copy the links, copy as text, or an e-mail draft of the selected bulletins. */
  send?: SelectionSend;
  /** Queues the selected bulletins to be kept offline (full article and images). */
  onKeepOffline: (ids: string[]) => void;
  onDelete: (ids: string[]) => void;
  /** In a collection's view: takes the selected bulletins out of it. */
  removeFrom?: { name: string; remove: (ids: string[]) => void };
  onClear: () => void;
}

/**
 * The actions on the selected rows, above the list while at least one is selected: one compact
 * row (the count, the two marks as buttons, "More…" for the rest, and Clear), so a 640 px window
 * keeps its list. The marks move into "More…" too when the bar is narrower than they need
 * (useCrowded). Every action is an entry in a list: a new one is one more entry.
 */
export function SelectionBar(props: SelectionBarProps) {
  const { t } = useTranslation();
  const { ref, crowded } = useCrowded<HTMLDivElement>();
  const { ids, total, busy } = props;
  const count = ids.length;

  const bookmark: MenuAction = {
    id: 'bookmark',
    label: t(props.bookmark ? 'selection.bookmark' : 'selection.removeBookmark'),
    run: () => props.onBookmark(props.bookmark),
    disabled: busy,
  };
  const markRead: MenuAction = {
    id: 'mark-read',
    label: t(props.read ? 'selection.markRead' : 'selection.markUnread'),
    run: () => props.onMarkRead(props.read),
    disabled: busy,
  };
  const shown = [bookmark, markRead];
  const { send } = props;

  const more: MenuAction[] = [
    ...shown.map((action) => ({ ...action, whenNarrow: true })),
    ...(count < total
      ? [{ id: 'select-all', label: t('selection.selectAll', { count: total }), run: props.onSelectAll }]
      : []),
    ...(props.removeFrom
      ? [
          {
            id: 'remove-from',
            label: t('selection.removeFrom', { name: props.removeFrom.name }),
            run: () => props.removeFrom?.remove([...ids]),
            disabled: busy,
          },
        ]
      : []),
    { id: 'export', label: t('selection.export'), run: props.onExport, disabled: busy },
    ...(props.onShare
      ? [{ id: 'share', label: t('share.button'), run: () => props.onShare?.([...ids]), disabled: busy }]
      : []),
    ...(send ? sendActions(send, ids, t, busy) : []),
    {
      id: 'keep-offline',
      label: t('selection.keepOffline'),
      run: () => props.onKeepOffline([...ids]),
      disabled: busy,
    },
    { id: 'delete', label: t('selection.delete'), run: () => props.onDelete([...ids]), disabled: busy },
  ];
  const sections: MenuSection[] = [
    { id: 'actions', actions: more },
    {
      id: 'collections',
      label: t('selection.chooseCollection'),
      actions: collectionActions(props.collections, ids, props.onAddToCollection, t, busy),
    },
  ];

  return (
    <div
      ref={ref}
      className={crowded ? 'selection-bar selection-bar--crowded' : 'selection-bar'}
      role="toolbar"
      aria-label={t('selection.toolbar')}
      aria-busy={busy}
    >
      {/* Not a live region: the app announces the count as keys change it (see useListSelection). */}
      <span className="selection-count">{t('selection.count', { count })}</span>
      {shown.map((action) => (
        <button
          key={action.id}
          type="button"
          className="button selection-shown"
          disabled={action.disabled}
          onClick={action.run}
        >
          {action.label}
        </button>
      ))}
      <MenuButton label={t('selection.more')} sections={sections} />
      <button
        type="button"
        className="icon-button selection-clear"
        aria-label={t('selection.clear')}
        title={t('selection.clear')}
        onClick={props.onClear}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
