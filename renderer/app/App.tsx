import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from '../export/ExportDialog';
import { ExportProgressBar } from '../export/ExportProgressBar';
import { currentScope, defaultTitle } from '../export/exportScope';
import { useExport } from '../export/useExport';
import type {
  CollectionInfo,
  ImportProgress as Progress,
  ImportReport,
  ListSort,
  Settings,
  SettingsLimits,
  View,
} from '../../preload/contract';
import { DropTarget, ImportProgress } from '../import/ImportProgress';
import { summariseImport } from '../import/importReport';
import { readDropped } from '../import/readDropped';
import { useFileDrop } from '../import/useFileDrop';
import { CollectionsSection } from '../library/CollectionsSection';
import { ConfirmDialog } from '../library/ConfirmDialog';
import { useCollectionActions } from '../library/useCollectionActions';
import { useDeleteBulletins } from '../library/useDeleteBulletins';
import { useReadMarks } from '../library/useReadMarks';
import { collectionIdOf, viewName } from '../library/viewName';
import { ListPane } from '../list/ListPane';
import { SelectionBar } from '../list/SelectionBar';
import { Announcer, type Announcement } from '../notices/Announcer';
import { Notices } from '../notices/Notices';
import { useMainNotices } from '../notices/useMainNotices';
import { useNotices } from '../notices/useNotices';
import { useUndo } from '../notices/useUndo';
import { ReaderPane } from '../reader/ReaderPane';
import { SearchTools } from '../search/SearchTools';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useDebouncedValue } from '../search/useDebouncedValue';
import { useSearchOptions } from '../search/useSearchOptions';
import { useSuggestions } from '../search/useSuggestions';
import { Sidebar } from '../sidebar/Sidebar';
import { SubscriptionsPanel } from '../subscriptions/SubscriptionsPanel';
import { bridge, userMessage } from './bridge';
import { PaneResizer } from './PaneResizer';
import { useBridgeEvents } from './useBridgeEvents';
import { useBulletinList } from './useBulletinList';
import { useCounts } from './useCounts';
import { useListNavigation } from './useListNavigation';
import { useListSelection } from './useListSelection';
import { useOpenBulletin } from './useOpenBulletin';
import { useShortcuts } from './useShortcuts';
import { KeepQueueBar } from '../offline/KeepQueueBar';
import { KeepQueuePanel } from '../offline/KeepQueuePanel';
import { useKeepQueue } from '../offline/useKeepQueue';
import './app.css';

const NO_COLLECTIONS: CollectionInfo[] = [];

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
  useMainNotices(notify);
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
  // Each kind of list keeps its own order: bookmarks by publication unless asked, a collection as it was gathered.
  const [sorts, setSorts] = useState<Record<'bookmarks' | 'collection', ListSort>>({
    bookmarks: 'published',
    collection: 'added',
  });
  const sortKind = view === 'bookmarks' ? 'bookmarks' : collectionIdOf(view) !== null ? 'collection' : null;
  const listSort = sortKind ? sorts[sortKind] : undefined;
  const [query, setQuery] = useState('');
  const searchedText = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const [listSize, setListSize] = useState(initialListSize);
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const searchOptions = useSearchOptions(reportError);
  const { remember } = searchOptions;
  const suggestions = useSuggestions(query);
  const choices = useMemo(
    () => ({ sort: searchOptions.sort, facets: searchOptions.facets }),
    [searchOptions.sort, searchOptions.facets],
  );
  const counts = useCounts(reportError);
  const collections = counts.counts?.collections ?? NO_COLLECTIONS;
  const list = useBulletinList(
    view,
    searchedText,
    {
      onError: reportError,
      onNewResults: (count, shownView, text) =>
        announce(
          text === ''
            ? t('list.announceCount', { count, view: viewName(shownView, collections, t) })
            : t('list.announceResults', { count, query: text }),
        ),
    },
    choices,
    listSort,
  );
  const searching = searchedText !== '' || searchOptions.anyFacet;
  const shownName = viewName(view, collections, t);
  const shownCollection = collections.find((collection) => collection.id === collectionIdOf(view));
  const reader = useOpenBulletin(reportError);
  const navigation = useListNavigation(list.rows);

  const selected = useListSelection({
    request: useMemo(
      () => ({ view, text: searchedText, sort: choices.sort, facets: choices.facets }),
      [view, searchedText, choices],
    ),
    rows: list.rows,
    total: list.total,
    navigation,
    announce,
    notify,
    onError: reportError,
    onMarksChanged: counts.reload,
  });

  const exporting = useExport({ notify, onError: reportError });
  const exportSelection = () => {
    const scope = selected.exportScope();
    if (scope) exporting.ask(scope, selected.count);
  };
  const askExport = () => {
    // File > Export… is always in the menu; an empty list says why nothing happens.
    if (selected.count > 0) {
      exportSelection();
      return;
    }
    if (list.rows.length === 0) {
      notify({ kind: 'info', message: t('export.empty') });
      return;
    }
    const search = { text: searchedText, sort: choices.sort, facets: choices.facets };
    const scope = currentScope({ view, listSort, search });
    if (scope) {
      exporting.ask(scope, list.total);
      return;
    }
    // A collection (or facets alone): every id the list stands for, not only the rows loaded yet.
    const label =
      searchedText === '' ? shownName : t('export.searchTitle', { query: searchedText, view: shownName });
    bridge()
      .listIds({ view, ...search })
      .then((ids) => exporting.ask({ kind: 'ids', ids, label }, ids.length), reportError);
  };
  const offerUndo = useUndo(notices, notify, dismiss, reportError);

  // File › Settings… (Ctrl/Cmd+,): the dialog opens with what main has stored.
  const [settings, setSettings] = useState<{ initial: Settings; limits: SettingsLimits } | null>(null);
  const openSettings = () => {
    Promise.all([bridge().settings(), bridge().settingsLimits()]).then(
      ([initial, limits]) => setSettings({ initial, limits }),
      reportError,
    );
  };
  const saveSettings = async (next: Settings) => {
    try {
      await bridge().saveSettings(next);
    } catch (error) {
      throw new Error(userMessage(error, t('settings.saveFailed')), { cause: error });
    }
    setSettings(null);
    notify({ kind: 'info', message: t('settings.saved') });
  };

  // Keeping bulletins offline: main's queue, its bar while it runs, and its panel.
  const keepStatus = useKeepQueue();
  const [keepPanel, setKeepPanel] = useState(false);
  const keepOffline = (ids: string[]) => {
    bridge()
      .keepOffline(ids, { fullArticle: true, images: true })
      .then(() => notify({ kind: 'info', message: t('offline.queued', { count: ids.length }) }), reportError);
  };
  const loadKept = useCallback(
    (id: string) =>
      bridge()
        .keptArticle(id)
        .catch((error: unknown) => {
          reportError(error);
          return null;
        }),
    [reportError],
  );
  const cancelKeeping = (ids: string[] | null) => void bridge().cancelKeeping(ids).catch(reportError);
  const retryKeeping = (ids: string[] | null) => void bridge().retryKeeping(ids).catch(reportError);

  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusList = useCallback(() => listRef.current?.focus(), []);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const { rows, patchRow, keep, forget } = list;
  const { activate } = navigation;
  const anchorSelection = selected.anchor;
  const clearSelection = selected.clear;
  const { open } = reader;
  const reloadCounts = counts.reload;

  /** Shows a row's bulletin in the reading pane (it is marked read after a few seconds there). */
  const openAt = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      activate(index);
      anchorSelection(index);
      open(row.id);
      keep(row.id);
      // Opening a result is settling on the search: remember it.
      if (searchedText !== '') remember(searchedText);
    },
    [rows, activate, anchorSelection, open, keep, searchedText, remember],
  );

  const patchReader = reader.patch;
  const detail = reader.shown ? reader.shown.detail : undefined;
  const openDetail = detail && detail.bulletin.id === reader.openId ? detail : null;
  const { toggleRead } = useReadMarks(openDetail, {
    onMarked: (id, read) => {
      keep(id);
      patchRow(id, { read });
      patchReader(id, { read });
      reloadCounts();
    },
    announce,
    onError: reportError,
  });

  const saveNote = useCallback(
    (id: string, text: string) =>
      bridge()
        .setNote(id, text)
        .then(
          () => patchRow(id, { noted: text.trim() !== '' }),
          (error: unknown) => {
            reportError(error);
            throw error;
          },
        ),
    [patchRow, reportError],
  );

  const changeCollection = (collection: CollectionInfo, member: boolean) => {
    if (!openDetail) return;
    const { id } = openDetail.bulletin;
    keep(id);
    const before = openDetail.collections;
    // The checkbox follows the click at once; a refusal puts it back.
    patchReader(id, {
      collections: member ? [...before, collection.id] : before.filter((other) => other !== collection.id),
    });
    const call = member
      ? bridge().addToCollection(collection.id, [id])
      : bridge().removeFromCollection(collection.id, [id]);
    call.then(
      () =>
        announce(t(member ? 'collections.addedOne' : 'collections.removedOne', { name: collection.name })),
      (error: unknown) => {
        patchReader(id, { collections: before });
        reportError(error);
      },
    );
  };

  const collectionActions = useCollectionActions({
    view,
    onLeaveView: () => changeView('all'),
    onChanged: reloadCounts,
    announce,
    notify,
    offerUndo,
    onError: reportError,
    onOpenChanged: (ids) => {
      if (reader.openId !== null && ids.includes(reader.openId)) reader.reload();
    },
  });

  const deletion = useDeleteBulletins({
    onDeleted: (ids) => {
      for (const id of ids) forget(id);
      clearSelection();
      // The Delete… button that had the focus is gone with the bulletin: carry on from the list.
      focusList();
    },
    onChanged: () => {
      list.reload();
      reloadCounts();
      reader.reload();
    },
    announce,
    offerUndo,
    onError: reportError,
  });
  // The open bulletin, even while its text is still loading (a quick Delete after a click counts).
  const askDelete = () => {
    const id = reader.openId;
    if (id === null) return;
    deletion.ask([id], rows.find((row) => row.id === id)?.title ?? openDetail?.bulletin.title ?? '');
  };

  /**
   * Toggles the open bulletin's bookmark, or the given row's. `announceResult`: say the new state
   * aloud, when the toggle came from a key rather than the button.
   */
  const toggleBookmark = (announceResult: boolean, id = reader.openId) => {
    if (id === null) return;
    keep(id);
    bridge()
      .toggleBookmark(id)
      .then((bookmarked) => {
        reader.patch(id, { bookmarked });
        patchRow(id, { bookmarked });
        reloadCounts();
        if (announceResult) announce(t(bookmarked ? 'reader.bookmarkAdded' : 'reader.bookmarkRemoved'));
      }, reportError);
  };

  // Main checks the scheme and asks the user first (main/windows/externalLinks.ts).
  const openLink = (url: string) => void bridge().openExternal(url).catch(reportError); // eng-disable OPEN_EXTERNAL_JS_CHECK

  const loadImages = useCallback(
    (id: string) =>
      bridge()
        .loadImages(id)
        .catch((error: unknown) => {
          reportError(error);
          return {};
        }),
    [reportError],
  );

  const showImportReport = (report: ImportReport) => {
    const summary = summariseImport(report, t);
    notify({
      kind: summary.hasProblems ? 'warning' : 'info',
      message: summary.message,
      details: summary.problems,
    });
  };

  /** Runs an import the window started; null: the user closed the file dialog. */
  const runImport = (start: () => Promise<ImportReport | null>) => {
    setImporting(true);
    start()
      .then((report) => {
        if (!report) return;
        showImportReport(report);
        list.reload();
        reloadCounts();
      }, reportError)
      .finally(() => {
        setImporting(false);
        setProgress(null);
        setCancelling(false);
      });
  };

  const importFiles = () => runImport(() => bridge().importFiles());
  const drop = useFileDrop((files) =>
    runImport(async () => bridge().importDropped(await Promise.all(files.map(readDropped)))),
  );
  const cancelImport = () => {
    setCancelling(true);
    bridge().cancelImport().catch(reportError);
  };

  function changeView(next: View) {
    setView(next);
    navigation.reset();
  }
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
    ...selected.shortcuts,
    toggleBookmark: () => toggleBookmark(true),
    toggleRead,
    deleteOpen: askDelete,
    focusSearch,
    focusList,
  });

  useBridgeEvents({
    onMenuCommand: (command) => {
      if (command === 'find') focusSearch();
      else if (command === 'toggle-bookmark') toggleBookmark(true);
      else if (command === 'toggle-read') toggleRead();
      else if (command === 'delete') askDelete();
      else if (command === 'export') askExport();
      else if (command === 'settings') openSettings();
      else if (command === 'mark-all-read') selected.markAllRead();
      else if (command === 'select-all') selected.gestures.onSelectAll();
    },
    onLibraryChanged: (fresh) => {
      counts.setCounts(fresh);
      list.reload();
      if (reader.openId !== null) reader.reload();
    },
    onImportFinished: (report) => {
      setProgress(null);
      setCancelling(false);
      showImportReport(report);
    },
    // Progress of a batch with more than one file: a single file needs no bar.
    onImportProgress: (next) => setProgress(next.total > 1 && next.done < next.total ? next : null),
  });

  return (
    <div className="app" {...drop.handlers}>
      <Sidebar
        view={view}
        counts={counts.counts}
        onSelectView={changeView}
        onImport={importFiles}
        importing={importing}
      >
        <CollectionsSection
          collections={collections}
          view={view}
          onSelectView={changeView}
          onCreate={collectionActions.create}
          onRename={collectionActions.rename}
          onDelete={collectionActions.remove}
          onDropIds={collectionActions.addDropped}
        />
        <SubscriptionsPanel onError={reportError} />
      </Sidebar>
      <main className="panes" style={{ '--list-inline-size': `${listSize}px` } as CSSProperties}>
        <ListPane
          view={view}
          viewName={shownName}
          sort={
            sortKind && listSort
              ? { value: listSort, onChange: (sort) => setSorts((all) => ({ ...all, [sortKind]: sort })) }
              : undefined
          }
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
          counting={list.counting}
          terms={list.terms}
          initial={list.initial}
          pending={list.pending}
          failed={list.failed}
          libraryEmpty={counts.counts?.all === 0}
          activeIndex={navigation.activeIndex}
          openId={reader.openId}
          listRef={listRef}
          searchRef={searchRef}
          onActivate={selected.activateRow}
          onOpen={openAt}
          selection={selected.gestures}
          selectionBar={
            selected.bar && (
              <SelectionBar
                {...selected.bar}
                collections={collections}
                onAddToCollection={collectionActions.addDropped}
                onExport={exportSelection}
                onKeepOffline={keepOffline}
                onDelete={(ids) => deletion.ask(ids, rows.find((row) => row.id === ids[0])?.title ?? '')}
                removeFrom={
                  shownCollection && {
                    name: shownCollection.name,
                    remove: (ids) => {
                      selected.clear();
                      collectionActions.removeFrom(shownCollection, ids);
                    },
                  }
                }
              />
            )
          }
          onMarkAllRead={selected.markAllRead}
          onToggleBookmark={(id) => toggleBookmark(true, id)}
          onNearEnd={list.loadMore}
          onFocusList={focusList}
          onImport={importFiles}
          onSearchAll={() => changeView('all')}
          onRetry={list.reload}
          onExport={askExport}
          exporting={exporting.running}
        />
        <PaneResizer size={listSize} min={LIST_SIZE.min} max={LIST_SIZE.max} onResize={setListSize} />
        <ReaderPane
          detail={detail}
          busy={reader.busy}
          terms={list.terms}
          onToggleBookmark={() => toggleBookmark(false)}
          onToggleRead={toggleRead}
          collections={collections}
          onChangeCollection={changeCollection}
          onSaveNote={saveNote}
          onDelete={askDelete}
          onOpenLink={openLink}
          onLoadImages={loadImages}
          onLoadKept={loadKept}
          onKeepOffline={(id) => keepOffline([id])}
          keptVersion={keepStatus?.done ?? 0}
        />
      </main>
      {deletion.asking && (
        <ConfirmDialog
          title={t('delete.title', { count: deletion.asking.ids.length })}
          message={t('delete.message', { count: deletion.asking.ids.length, title: deletion.asking.title })}
          confirmLabel={t('delete.confirm')}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      )}
      {exporting.asking && (
        <ExportDialog
          summary={t('export.summary', {
            count: exporting.asking.count,
            source: defaultTitle(exporting.asking.scope, t),
          })}
          initial={exporting.asking.initial}
          onExport={exporting.start}
          onClose={exporting.close}
        />
      )}
      {settings && (
        <SettingsDialog
          initial={settings.initial}
          limits={settings.limits}
          onSave={saveSettings}
          onClose={() => setSettings(null)}
          onShowKeepQueue={() => {
            setSettings(null);
            setKeepPanel(true);
          }}
        />
      )}
      {keepPanel && keepStatus && (
        <KeepQueuePanel
          status={keepStatus}
          onCancel={cancelKeeping}
          onRetry={retryKeeping}
          onClearFinished={() => void bridge().clearKeptFinished().catch(reportError)}
          onClose={() => setKeepPanel(false)}
        />
      )}
      {keepStatus && keepStatus.queued + keepStatus.running > 0 && !keepPanel && (
        <KeepQueueBar
          status={keepStatus}
          onShow={() => setKeepPanel(true)}
          onCancel={() => cancelKeeping(null)}
        />
      )}
      {exporting.running && (
        <ExportProgressBar
          progress={exporting.progress}
          cancelling={exporting.cancelling}
          onCancel={exporting.cancel}
        />
      )}
      {progress && <ImportProgress progress={progress} onCancel={cancelImport} cancelling={cancelling} />}
      {drop.dragging && <DropTarget />}
      <Notices notices={notices} onDismiss={dismiss} />
      <Announcer announcement={announcement} />
    </div>
  );
}
