import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, View } from '../../preload/contract';
import { summariseImport } from '../import/importReport';
import { ListPane } from '../list/ListPane';
import { Announcer, type Announcement } from '../notices/Announcer';
import { Notices } from '../notices/Notices';
import { useNotices } from '../notices/useNotices';
import { ReaderPane } from '../reader/ReaderPane';
import { SearchTools } from '../search/SearchTools';
import { useDebouncedValue } from '../search/useDebouncedValue';
import { useSearchOptions } from '../search/useSearchOptions';
import { useSuggestions } from '../search/useSuggestions';
import { Sidebar } from '../sidebar/Sidebar';
import { bridge, userMessage } from './bridge';
import { PaneResizer } from './PaneResizer';
import { useBridgeEvents } from './useBridgeEvents';
import { useBulletinList } from './useBulletinList';
import { useCounts } from './useCounts';
import { useListNavigation } from './useListNavigation';
import { useOpenBulletin } from './useOpenBulletin';
import { useShortcuts } from './useShortcuts';
import './app.css';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 120;
const LIST_SIZE = { min: 260, max: 640 };
/** About a third of the window, so a small laptop screen still leaves the reading pane room. */
const initialListSize = () => Math.round(Math.max(280, Math.min(420, window.innerWidth * 0.3)));

/**
 * The window: library views, the list (with search) and the reading pane.
 * It owns the state the three share and the keyboard; the panes only display.
 */
export function App() {
  const { t } = useTranslation();
  const { notices, notify, dismiss } = useNotices();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback(
    (message: string) => setAnnouncement((previous) => ({ message, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  const reportError = useCallback(
    (error: unknown) => notify({ kind: 'error', message: userMessage(error, t('notices.unexpected')) }),
    [notify, t],
  );

  const [view, setView] = useState<View>('all');
  const [query, setQuery] = useState('');
  const searchedText = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const [listSize, setListSize] = useState(initialListSize);
  const [importing, setImporting] = useState(false);

  const searchOptions = useSearchOptions(reportError);
  const { remember } = searchOptions;
  const suggestions = useSuggestions(query);
  const choices = useMemo(
    () => ({ sort: searchOptions.sort, facets: searchOptions.facets }),
    [searchOptions.sort, searchOptions.facets],
  );
  const list = useBulletinList(
    view,
    searchedText,
    {
      onError: reportError,
      onNewResults: (count, shownView, text) =>
        announce(
          text === ''
            ? t('list.announceCount', { count, view: t(`sidebar.view.${shownView}`) })
            : t('list.announceResults', { count, query: text }),
        ),
    },
    choices,
  );
  const searching = searchedText !== '' || searchOptions.anyFacet;
  const counts = useCounts(reportError);
  const reader = useOpenBulletin(reportError);
  const navigation = useListNavigation(list.rows);

  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusList = useCallback(() => listRef.current?.focus(), []);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const { rows, patchRow, keep } = list;
  const { activate } = navigation;
  const { open } = reader;
  const reloadCounts = counts.reload;

  /** Shows a row's bulletin in the reading pane and marks it read. */
  const openAt = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      activate(index);
      open(row.id);
      keep(row.id);
      // Opening a result is settling on the search: remember it.
      if (searchedText !== '') remember(searchedText);
      if (!row.read) {
        bridge()
          .markRead(row.id, true)
          .then(() => {
            patchRow(row.id, { read: true });
            reloadCounts();
          }, reportError);
      }
    },
    [rows, activate, open, keep, patchRow, reloadCounts, reportError, searchedText, remember],
  );

  /** `announceResult`: say the new state aloud, when the toggle came from a key rather than the button. */
  const toggleBookmark = (announceResult: boolean) => {
    const id = reader.openId;
    if (id === null) return;
    keep(id);
    bridge()
      .toggleBookmark(id)
      .then((bookmarked) => {
        reader.setBookmarked(id, bookmarked);
        patchRow(id, { bookmarked });
        reloadCounts();
        if (announceResult) announce(t(bookmarked ? 'reader.bookmarkAdded' : 'reader.bookmarkRemoved'));
      }, reportError);
  };

  const showImportReport = (report: ImportReport) => {
    const summary = summariseImport(report, t);
    notify({
      kind: summary.hasProblems ? 'warning' : 'info',
      message: summary.message,
      details: summary.problems,
    });
  };

  const importFiles = () => {
    setImporting(true);
    bridge()
      .importFiles()
      .then((report) => {
        if (!report) return; // the user cancelled the dialog
        showImportReport(report);
        list.reload();
        reloadCounts();
      }, reportError)
      .finally(() => setImporting(false));
  };

  const changeView = (next: View) => {
    setView(next);
    navigation.reset();
  };
  const changeQuery = (next: string) => {
    setQuery(next);
    navigation.reset();
  };

  const step = (delta: number) => {
    // A row that only has the focus ring (say, on focusing the list) opens first, rather than being skipped.
    const active = rows[navigation.activeIndex];
    const target = active && active.id !== reader.openId ? navigation.activeIndex : navigation.step(delta);
    const row = rows[target];
    if (!row) return;
    openAt(target);
    // In the list, the screen reader reads the newly active row itself; elsewhere, say what opened.
    if (document.activeElement !== listRef.current) announce(row.title);
  };

  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    toggleBookmark: () => toggleBookmark(true),
    focusSearch,
    focusList,
  });

  useBridgeEvents({
    onMenuCommand: (command) => {
      if (command === 'find') focusSearch();
      else if (command === 'toggle-bookmark') toggleBookmark(true);
    },
    onLibraryChanged: (fresh) => {
      counts.setCounts(fresh);
      list.reload();
      if (reader.openId !== null) reader.reload();
    },
    onImportFinished: showImportReport,
  });

  const detail = reader.shown ? reader.shown.detail : undefined;

  return (
    <div className="app">
      <Sidebar
        view={view}
        counts={counts.counts}
        onSelectView={changeView}
        onImport={importFiles}
        importing={importing}
      />
      <main className="panes" style={{ '--list-inline-size': `${listSize}px` } as CSSProperties}>
        <ListPane
          view={view}
          query={query}
          searchedText={searchedText}
          onQueryChange={changeQuery}
          suggestions={suggestions}
          recentSearches={searchOptions.recent}
          onSubmitSearch={searchOptions.remember}
          searchTools={
            (searching || searchOptions.status.state === 'building') && (
              <SearchTools
                searching={searching}
                options={searchOptions}
                hints={list.hints}
                facets={list.facets}
              />
            )
          }
          rows={rows}
          total={list.total}
          terms={list.terms}
          initial={list.initial}
          pending={list.pending}
          failed={list.failed}
          libraryEmpty={counts.counts?.all === 0}
          activeIndex={navigation.activeIndex}
          openId={reader.openId}
          listRef={listRef}
          searchRef={searchRef}
          onActivate={activate}
          onOpen={openAt}
          onFocusList={focusList}
          onImport={importFiles}
          onSearchAll={() => changeView('all')}
          onRetry={list.reload}
        />
        <PaneResizer size={listSize} min={LIST_SIZE.min} max={LIST_SIZE.max} onResize={setListSize} />
        <ReaderPane
          detail={detail}
          busy={reader.busy}
          terms={list.terms}
          onToggleBookmark={() => toggleBookmark(false)}
          onOpenLink={(url) => void bridge().openExternal(url).catch(reportError)}
        />
      </main>
      <Notices notices={notices} onDismiss={dismiss} />
      <Announcer announcement={announcement} />
    </div>
  );
}
