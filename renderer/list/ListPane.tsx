import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type ComponentProps,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinRow, ListSort, View } from '../../preload/contract';
import { SearchBox } from '../search/SearchBox';
import { BulletinList } from './BulletinList';
import { EmptyList, type EmptyReason } from './EmptyList';
import './list.css';

interface ListPaneProps {
  view: View;
  /** What the view is called (a collection's own name). */
  viewName: string;
  /** The order of bookmarks and collections when listed (not searched): published or added. */
  sort?: { value: ListSort; onChange: (sort: ListSort) => void };
  query: string;
  /** The search the rows answer (the query once debounced), '' when listing. */
  searchedText: string;
  onQueryChange: (query: string) => void;
  /** Completions and remembered searches for the box, and what to do when a search is settled on. */
  suggestions: readonly string[];
  recentSearches: readonly string[];
  onSubmitSearch: (query: string) => void;
  /** Shown under the box while searching (hints, order, facets). */
  searchTools?: ReactNode;
  rows: readonly BulletinRow[];
  /** Rows in the whole view (the list may still be receiving them). */
  total: number;
  /** The archive is still opening: the newest rows are shown, the total is not known yet. */
  counting: boolean;
  terms: readonly string[];
  initial: boolean;
  pending: boolean;
  failed: boolean;
  libraryEmpty: boolean;
  activeIndex: number;
  openId: string | null;
  listRef: RefObject<HTMLDivElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  /** The multi-selection, its gestures, and the bar of actions on it (shown while rows are selected). */
  selection: Pick<
    ComponentProps<typeof BulletinList>,
    'selectedIds' | 'onToggle' | 'onExtend' | 'onSelectAll' | 'dragIds'
  >;
  selectionBar?: ReactNode;
  /** Marks every bulletin of the view or search read. */
  onMarkAllRead: () => void;
  onToggleBookmark: (id: string) => void;
  /** The list scrolled near its end: fetch more search results, if there are. */
  onNearEnd: () => void;
  onFocusList: () => void;
  onImport: () => void;
  onSearchAll: () => void;
  onRetry: () => void;
  /** Exports what the list shows (the view, or the search in it). */
  onExport: () => void;
  exporting: boolean;
}

/** The middle pane: the view's name and size, the search box, and the rows (or why there are none). */
export function ListPane(props: ListPaneProps) {
  const { view, query, searchedText, rows, terms, initial, pending, failed, listRef } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const listId = useId();
  const { viewName, sort } = props;
  const sortId = useId();
  const addedLabel = view === 'bookmarks' ? t('list.sortBookmarked') : t('list.sortAdded');
  const searching = searchedText !== '';
  const countText = searching
    ? t('list.resultCount', { count: props.total })
    : props.counting
      ? t('list.counting')
      : t('list.count', { count: props.total });

  const pane = useRef<HTMLElement>(null);
  const focusWasInList = useRef(false);

  // Remember whether the keyboard was last in the list area (not the search box)...
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      focusWasInList.current =
        event.target instanceof Node &&
        !!pane.current?.contains(event.target) &&
        event.target !== props.searchRef.current;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [props.searchRef]);

  let emptyReason: EmptyReason | null = null;
  if (failed) emptyReason = { kind: 'failed' };
  else if (!initial && rows.length === 0) {
    if (searching) emptyReason = { kind: 'search', query: searchedText, view };
    else if (props.libraryEmpty) emptyReason = { kind: 'library' };
    else emptyReason = { kind: 'view', view };
  }

  // ...so that when the list replaces the empty state (or back), focus, lost with the
  // removed element, lands on its successor instead of falling back to <body>.
  const contentKind = initial && !failed ? 'loading' : emptyReason ? 'empty' : 'list';
  const listElement = props.listRef;
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && focusWasInList.current) listElement.current?.focus();
  }, [contentKind, listElement]);

  return (
    <section ref={pane} className="list-pane" aria-labelledby={headingId}>
      <header className="list-header">
        <div className="list-heading">
          <h2 id={headingId} className="list-title">
            {viewName}
          </h2>
          {!initial && !failed && <span className="list-count">{countText}</span>}
          <div className="list-actions">
            <button
              type="button"
              className="button list-mark-read"
              onClick={props.onMarkAllRead}
              disabled={initial || failed || rows.length === 0}
            >
              {t('selection.markAllRead')}
            </button>
            <button
              type="button"
              className="button list-export"
              onClick={props.onExport}
              disabled={props.exporting || initial || failed || rows.length === 0}
            >
              {t('list.export')}
            </button>
          </div>
        </div>
        <SearchBox
          value={query}
          onChange={props.onQueryChange}
          onLeave={props.onFocusList}
          inputRef={props.searchRef}
          controls={listId}
          suggestions={props.suggestions}
          recent={props.recentSearches}
          onSubmit={props.onSubmitSearch}
        />
        {sort && !searching && (
          <div className="list-sort">
            <label htmlFor={sortId}>{t('list.sortLabel')}</label>
            <select
              id={sortId}
              value={sort.value}
              onChange={(event) => sort.onChange(event.target.value === 'added' ? 'added' : 'published')}
            >
              <option value="added">{addedLabel}</option>
              <option value="published">{t('list.sortPublished')}</option>
            </select>
          </div>
        )}
        {props.searchTools}
      </header>
      {props.selectionBar}
      {contentKind === 'loading' ? (
        <p className="list-loading" role="status">
          {t('list.loading')}
        </p>
      ) : contentKind === 'empty' && emptyReason ? (
        <EmptyList
          reason={emptyReason}
          focusRef={listRef}
          onImport={props.onImport}
          onSearchAll={props.onSearchAll}
          onRetry={props.onRetry}
        />
      ) : (
        <BulletinList
          listRef={listRef}
          id={listId}
          label={t('list.labelForView', { view: viewName })}
          rows={rows}
          terms={terms}
          activeIndex={props.activeIndex}
          openId={props.openId}
          busy={pending}
          onActivate={props.onActivate}
          onOpen={props.onOpen}
          {...props.selection}
          onToggleBookmark={props.onToggleBookmark}
          onNearEnd={props.onNearEnd}
        />
      )}
    </section>
  );
}
