import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { AddToCollectionMenu } from '../library/AddToCollectionMenu';
import { SendChoices } from '../share/SendMenu';
import type { SendBulletins } from '../share/sendBulletins';

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
  send?: { actions: SendBulletins; onOpenLink: (url: string) => void };
  /** Queues the selected bulletins to be kept offline (full article and images). */
  onKeepOffline: (ids: string[]) => void;
  onDelete: (ids: string[]) => void;
  /** In a collection's view: takes the selected bulletins out of it. */
  removeFrom?: { name: string; remove: (ids: string[]) => void };
  onClear: () => void;
}

/** The actions on the selected rows, above the list while at least one is selected. */
export function SelectionBar(props: SelectionBarProps) {
  const { t } = useTranslation();
  const { ids, total, busy, onAddToCollection } = props;
  const count = ids.length;
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.toolbar')} aria-busy={busy}>
      {/* Not a live region: the app announces the count as keys change it (see App). */}
      <span className="selection-count">{t('selection.count', { count })}</span>
      {count < total && (
        <button type="button" className="button selection-quiet" onClick={props.onSelectAll}>
          {t('selection.selectAll', { count: total })}
        </button>
      )}
      <button type="button" className="button selection-quiet selection-clear" onClick={props.onClear}>
        {t('selection.clear')}
      </button>
      <div className="selection-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => props.onBookmark(props.bookmark)}
        >
          {t(props.bookmark ? 'selection.bookmark' : 'selection.removeBookmark')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => props.onMarkRead(props.read)}>
          {t(props.read ? 'selection.markRead' : 'selection.markUnread')}
        </button>
        <AddToCollectionMenu
          collections={props.collections}
          disabled={busy}
          onChoose={(collection) => onAddToCollection(collection, [...ids])}
        />
        {props.removeFrom && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => props.removeFrom?.remove([...ids])}
          >
            {t('selection.removeFrom', { name: props.removeFrom.name })}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={props.onExport}>
          {t('selection.export')}
        </button>
        {props.onShare && (
          <button type="button" className="button" disabled={busy} onClick={() => props.onShare?.([...ids])}>
            {t('share.button')}
          </button>
        )}
        {props.send && (
          <SendChoices
            copyLinks={() => props.send?.actions.copyLinks(ids) ?? Promise.resolve('')}
            copyLinksLabel={t('send.copyLinks')}
            copyText={() => props.send?.actions.copyText(ids) ?? Promise.resolve('')}
            mailto={() => props.send?.actions.mailto(ids) ?? Promise.resolve('')}
            onOpenLink={props.send.onOpenLink}
            disabled={busy}
          />
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => props.onKeepOffline([...ids])}
        >
          {t('selection.keepOffline')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => props.onDelete([...ids])}>
          {t('selection.delete')}
        </button>
      </div>
    </div>
  );
}
