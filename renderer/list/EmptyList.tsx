import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { View } from '../../preload/contract';

export type EmptyReason =
  | { kind: 'library' }
  | { kind: 'view'; view: View }
  | { kind: 'search'; query: string; view: View }
  | { kind: 'failed' };

interface EmptyListProps {
  reason: EmptyReason;
  /** Focus lands here (Esc) when there is no list to focus. */
  focusRef: RefObject<HTMLDivElement | null>;
  onImport: () => void;
  onSearchAll: () => void;
  onRetry: () => void;
}

/** What the list pane says when it has no rows, and the one useful thing to do next. */
export function EmptyList({ reason, focusRef, onImport, onSearchAll, onRetry }: EmptyListProps) {
  const { t } = useTranslation();

  let title: string;
  let text: string;
  let action: { label: string; run: () => void } | null = null;
  switch (reason.kind) {
    case 'library':
      title = t('empty.libraryTitle');
      text = t('empty.libraryText');
      action = { label: t('sidebar.import'), run: onImport };
      break;
    case 'view': {
      const kind = reason.view.startsWith('collection:') ? 'collection' : reason.view;
      title = t(`empty.${kind}Title`);
      text = t(`empty.${kind}Text`);
      break;
    }
    case 'search':
      title = t('empty.searchTitle', { query: reason.query });
      if (reason.view === 'all') {
        text = t('empty.searchText');
      } else {
        text = t('empty.searchInViewText');
        action = { label: t('empty.searchAll'), run: onSearchAll };
      }
      break;
    case 'failed':
      title = t('list.loadFailed');
      text = '';
      action = { label: t('list.retry'), run: onRetry };
      break;
  }

  return (
    <div ref={focusRef} className="empty-state" tabIndex={-1}>
      <p className="empty-state-title">{title}</p>
      {text && <p className="empty-state-text">{text}</p>}
      {action && (
        <button type="button" className="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}
