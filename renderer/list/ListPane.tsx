import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts } from '../../preload/contract';
import { SearchBox } from '../search/SearchBox';
import { SearchTools } from '../search/SearchTools';
import { BulletinList, type ListGestures } from './BulletinList';
import { EmptyList, type EmptyReason } from './EmptyList';
import type { BulletinsActions } from './bulletinsActions';
import { RowContextMenu } from './RowContextMenu';
import type { ListFocus } from './useListFocus';
import type { ListView } from './useListView';
import { useCounts } from '../store/useLibraryStore';
import './list.css';

const isEmpty = (counts: Counts | null) => counts?.all === 0;

interface ListPaneProps {
  /** What the list shows: the view, its order and search, the rows, the keyboard's place (useListView). */
  shown: ListView;
  /** The list and the search box, which the window's keys move the focus between. */
  focus: ListFocus;
  /** The bulletin open in the reading pane, and what a row does when opened or bookmarked. */
  rowActions: {
    openId: string | null;
    onOpen: (index: number) => void;
    onToggleBookmark: (id: string) => void;
    /** What a row's context menu offers besides opening and bookmarking. */
    menu: BulletinsActions;
  };
  /** The multi-selection's gestures, and the bar of actions on it (shown while rows are selected). */
  selection: ListGestures;
  selectionBar?: ReactNode;
  /** The header's buttons and the empty library's Import. */
  actions: {
    /** Marks every bulletin of the view or search read. */
    onMarkAllRead: () => void;
    /** Exports what the list shows (the view, or the search in it). */
    onExport: () => void;
    exporting: boolean;
    onImport: () => void;
    /** Save search…: names the search shown and keeps it in the sidebar. */
    onSaveSearch: () => void;
  };
}

/** The middle pane: the view's name and size, the search box, and the rows (or why there are none). */
export function ListPane({ shown, focus, rowActions, selection, selectionBar, actions }: ListPaneProps) {
  // Read here, not passed in: a mark's counts event re-renders no more than this flag's readers.
  const libraryEmpty = useCounts(isEmpty);
  const { view, query, searchedText, sort, list } = shown;
  const { rows, terms, initial, pending, failed } = list;
  const { listRef, searchRef } = focus;
  const viewName = shown.name;
  const { t } = useTranslation();
  const headingId = useId();
  const listId = useId();
  const sortId = useId();
  const addedLabel = view === 'bookmarks' ? t('list.sortBookmarked') : t('list.sortAdded');
  const searching = searchedText !== '';
  const countText = searching
    ? t('list.resultCount', { count: list.total })
    : list.counting
      ? t('list.counting')
      : t('list.count', { count: list.total });

  const pane = useRef<HTMLElement>(null);
  /** The row whose context menu is open, and where. */
  const [rowMenu, setRowMenu] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const menuRow = rowMenu && rows[rowMenu.index];
  const focusWasInList = useRef(false);

  // Remember whether the keyboard was last in the list area (not the search box)...
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      focusWasInList.current =
        event.target instanceof Node &&
        !!pane.current?.contains(event.target) &&
        event.target !== searchRef.current;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [searchRef]);

  let emptyReason: EmptyReason | null = null;
  if (failed) emptyReason = { kind: 'failed' };
  else if (!initial && rows.length === 0) {
    if (searching) emptyReason = { kind: 'search', query: searchedText, view };
    else if (libraryEmpty) emptyReason = { kind: 'library' };
    else emptyReason = { kind: 'view', view };
  }

  // ...so that when the list replaces the empty state (or back), focus, lost with the
  // removed element, lands on its successor instead of falling back to <body>.
  const contentKind = initial && !failed ? 'loading' : emptyReason ? 'empty' : 'list';
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && focusWasInList.current) listRef.current?.focus();
  }, [contentKind, listRef]);

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
              onClick={actions.onMarkAllRead}
              disabled={initial || failed || rows.length === 0}
            >
              {t('selection.markAllRead')}
            </button>
            <button
              type="button"
              className="button list-export"
              onClick={actions.onExport}
              disabled={actions.exporting || initial || failed || rows.length === 0}
            >
              {t('list.export')}
            </button>
          </div>
        </div>
        <SearchBox
          value={query}
          onChange={shown.changeQuery}
          onLeave={focus.focusList}
          inputRef={searchRef}
          controls={listId}
          suggestions={shown.suggestions}
          recent={shown.search.recent}
          onSubmit={shown.rememberSearch}
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
        {(shown.searching || shown.search.status.state === 'building') && (
          <SearchTools
            searching={shown.searching}
            options={shown.search}
            hints={list.hints}
            facets={list.facets}
            correction={shown.correction}
            onSearch={shown.searchFromCorrection}
            onSave={actions.onSaveSearch}
          />
        )}
      </header>
      {selectionBar}
      {contentKind === 'loading' ? (
        <p className="list-loading" role="status">
          {t('list.loading')}
        </p>
      ) : contentKind === 'empty' && emptyReason ? (
        <EmptyList
          reason={emptyReason}
          focusRef={listRef}
          onImport={actions.onImport}
          onSearchAll={() => shown.changeView('all')}
          onRetry={list.reload}
        />
      ) : (
        <BulletinList
          listRef={listRef}
          id={listId}
          label={t('list.labelForView', { view: viewName })}
          rows={rows}
          terms={terms}
          activeIndex={shown.navigation.activeIndex}
          openId={rowActions.openId}
          busy={pending}
          onOpen={rowActions.onOpen}
          selection={selection}
          onToggleBookmark={rowActions.onToggleBookmark}
          onNearEnd={list.loadMore}
          onRowMenu={(index, at) => setRowMenu({ index, at })}
        />
      )}
      {rowMenu && menuRow && (
        <RowContextMenu
          row={menuRow}
          index={rowMenu.index}
          at={rowMenu.at}
          actions={{
            ...rowActions.menu,
            onOpen: rowActions.onOpen,
            onToggleBookmark: rowActions.onToggleBookmark,
          }}
          onClose={(chosen) => {
            setRowMenu(null);
            // Dismissed: back to the list, as a native menu returns focus where it was.
            if (!chosen) listRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}
