import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinRow } from '../../preload/contract';
import { formatPublished } from '../i18n/formatDate';
import { BookmarkIcon, NoteIcon } from '../icons/Icons';
import { Highlighted } from '../search/Highlighted';
import { useBulletinState } from '../store/useLibraryStore';
import type { RowHandlers } from './useRowHandlers';

interface BulletinRowViewProps {
  row: BulletinRow;
  id: string;
  index: number;
  terms: readonly string[];
  /** Open in the reading pane (aria-current): not the same as picked for a bulk action. */
  open: boolean;
  /** Picked for a bulk action (aria-selected, the checkbox). */
  selected: boolean;
  /** Where the keyboard is (aria-activedescendant). */
  active: boolean;
  /** Offset from the top of the list, from the virtualiser. */
  start: number;
  measure: (element: HTMLElement | null) => void;
  /** The same object on every render (useRowHandlers), so that the memo holds. */
  handlers: RowHandlers;
}

/**
 * One row of the list's grid: title (bold while unread), date and source, and the
 * first line of text or the passage a search matched. The title and excerpt
 * carry the bulletin's own language and direction, which may differ from the UI's.
 * Memoised on props that change only for the rows concerned (open, selected, active, moved), and
 * its marks read from the store by id: a key press or a mark renders one or two rows, not the screen.
 */
export const BulletinRowView = memo(function BulletinRowView({
  row: fetched,
  id,
  index,
  terms,
  open,
  selected,
  active,
  start,
  measure,
  handlers,
}: BulletinRowViewProps) {
  const { onOpen, onToggle, onExtend, onDragStart, onToggleBookmark } = handlers;
  const { t, i18n } = useTranslation();
  // The marks as the store holds them now (the row's own are as its page was fetched).
  const held = useBulletinState(fetched.id);
  const row = held
    ? { ...fetched, bookmarked: held.bookmarked, read: held.read, noted: held.noted }
    : fetched;
  const classes = ['row', row.read ? 'row--read' : 'row--unread'];
  if (open) classes.push('row--open');
  if (selected) classes.push('row--selected');
  if (active) classes.push('row--active');

  const onClick = (event: MouseEvent) => {
    if (event.shiftKey) onExtend(index);
    else if (event.ctrlKey || event.metaKey) onToggle(index);
    else onOpen(index);
  };
  const onCheck = (event: MouseEvent) => {
    event.stopPropagation(); // ticking a row is not opening it
    if (event.shiftKey) onExtend(index);
    else onToggle(index);
  };

  return (
    <div
      ref={measure}
      id={id}
      role="row"
      aria-selected={selected}
      aria-current={open || undefined}
      aria-rowindex={index + 1}
      data-index={index}
      className={classes.join(' ')}
      // Positioned by the virtualiser; a CSSOM property, allowed by the CSP.
      style={{ transform: `translateY(${start}px)` }}
      onClick={onClick}
      // Shift-click picks a range: without this the browser would also select the text between.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      // Dragged onto a collection in the sidebar (the keyboard's way: the reading pane's Collections).
      draggable
      onDragStart={(event) => onDragStart(index, event)}
    >
      {/* The row's own aria-selected is what a screen reader announces; this box is for the mouse. */}
      <span
        className="row-check"
        aria-hidden="true"
        data-checked={selected}
        title={t('selection.checkboxHint')}
        onClick={onCheck}
      />
      <div className="row-heading" role="gridcell">
        {!row.read && (
          <span className="row-unread-dot">
            <span className="visually-hidden">{t('list.unread')}</span>
          </span>
        )}
        <span className="row-title" lang={row.language} dir="auto">
          <Highlighted text={row.title} terms={terms} />
        </span>
        {row.noted && (
          <span className="row-note">
            <NoteIcon />
            <span className="visually-hidden">{t('list.noted')}</span>
          </span>
        )}
        {row.bookmarked && <span className="visually-hidden">{t('list.bookmarked')}</span>}
        {/* Out of the tab order (focus stays on the grid, B does this) but named for a screen reader's browse mode. */}
        <button
          type="button"
          className={row.bookmarked ? 'row-bookmark row-bookmark--on' : 'row-bookmark'}
          tabIndex={-1}
          title={t(row.bookmarked ? 'list.removeBookmark' : 'list.addBookmark')}
          onClick={(event) => {
            event.stopPropagation();
            onToggleBookmark(row.id);
          }}
        >
          <BookmarkIcon filled={row.bookmarked} />
        </button>
      </div>
      <div className="row-meta" role="gridcell">
        <time dateTime={row.published}>{formatPublished(row.published, i18n.language)}</time>
        <span className="row-source">{row.source}</span>
      </div>
      {row.excerpt && (
        <p className="row-excerpt" role="gridcell" lang={row.language} dir="auto">
          <Highlighted text={row.excerpt} terms={terms} />
        </p>
      )}
    </div>
  );
});
