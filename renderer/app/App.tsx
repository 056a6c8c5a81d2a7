import { useCallback, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionInfo } from '../../preload/contract';
import { bridge, userMessage } from '../bridge/bridge';
import { useExportActions } from '../export/useExportActions';
import { useImports } from '../import/useImports';
import { CollectionsSection } from '../library/CollectionsSection';
import { useCollectionActions } from '../library/useCollectionActions';
import { useDeleteBulletins } from '../library/useDeleteBulletins';
import { useMarkActions } from '../library/useMarkActions';
import { ListPane } from '../list/ListPane';
import { SelectionBar } from '../list/SelectionBar';
import { useListSelection } from '../list/useListSelection';
import { useListView } from '../list/useListView';
import { Announcer, type Announcement } from '../notices/Announcer';
import { Notices } from '../notices/Notices';
import { useMainNotices } from '../notices/useMainNotices';
import { useNotices } from '../notices/useNotices';
import { useUndo } from '../notices/useUndo';
import { ReaderPane } from '../reader/ReaderPane';
import { SearchTools } from '../search/SearchTools';
import { useShare } from '../share/useShare';
import { useSettingsDialog } from '../settings/useSettingsDialog';
import { Sidebar } from '../sidebar/Sidebar';
import { useLibraryChanges } from '../store/useLibraryChanges';
import { useCountsOf } from '../store/useLibraryStore';
import { SubscriptionsPanel } from '../subscriptions/SubscriptionsPanel';
import { AppOverlays } from './AppOverlays';
import { PaneResizer } from './PaneResizer';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useShortcutsReference } from '../shortcuts/useShortcutsReference';
import { useMenuCommands } from './useMenuCommands';
import { useOpenBulletin } from './useOpenBulletin';
import { useShortcuts } from './useShortcuts';
import './app.css';

const NO_COLLECTIONS: CollectionInfo[] = [];
const LIST_SIZE = { min: 260, max: 640 };
/** About a third of the window, so a small laptop screen still leaves the reading pane room. */
const initialListSize = () => Math.round(Math.max(280, Math.min(420, window.innerWidth * 0.3)));

/**
 * The window: the sidebar's views, the list (with search) and the reading pane. It composes the
 * features' hooks and wires the keyboard and the menu to them; each feature keeps its own state.
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
  const offerUndo = useUndo(notices, notify, dismiss, reportError);
  const [listSize, setListSize] = useState(initialListSize);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  useLibraryChanges(reportError);
  const counts = useCountsOf();
  const collections = counts?.collections ?? NO_COLLECTIONS;
  const shown = useListView(collections, announce, reportError);
  const { list, navigation, request } = shown;
  const { rows } = list;
  const reader = useOpenBulletin(reportError);
  const detail = reader.shown?.detail;
  const openDetail = detail && detail.bulletin.id === reader.openId ? detail : null;
  const marks = useMarkActions({
    open: openDetail,
    openId: reader.openId,
    keep: list.keep,
    announce,
    onError: reportError,
  });
  const selected = useListSelection({
    request,
    rows,
    total: list.total,
    navigation,
    announce,
    notify,
    onError: reportError,
  });
  const exports = useExportActions({
    request,
    listSort: shown.listSort,
    viewName: shown.name,
    total: list.total,
    empty: rows.length === 0,
    selection: () => {
      const scope = selected.exportScope();
      return scope && { scope, count: selected.count };
    },
    notify,
    onError: reportError,
  });
  const imports = useImports(notify, reportError);
  const sharing = useShare({ notify, onError: reportError });
  const settings = useSettingsDialog(notify, reportError);
  const collectionActions = useCollectionActions({
    view: shown.view,
    onLeaveView: () => shown.changeView('all'),
    announce,
    notify,
    offerUndo,
    onError: reportError,
  });
  const deletion = useDeleteBulletins({
    onDeleted: (ids) => {
      for (const id of ids) list.forget(id);
      selected.clear();
      // The Delete… button that had the focus is gone with the bulletin: carry on from the list.
      focusList();
    },
    announce,
    offerUndo,
    onError: reportError,
  });
  const titleOf = (id: string | undefined) => rows.find((row) => row.id === id)?.title ?? '';
  // The open bulletin, even while its text is still loading (a quick Delete after a click counts).
  const askDelete = () => {
    if (reader.openId !== null)
      deletion.ask([reader.openId], titleOf(reader.openId) || (openDetail?.bulletin.title ?? ''));
  };

  /** Shows a row's bulletin in the reading pane (it is marked read after a few seconds there). */
  const openAt = (index: number) => {
    const row = rows[index];
    if (!row) return;
    navigation.activate(index);
    selected.anchor(index);
    reader.open(row.id);
    list.keep(row.id);
    // Opening a result is settling on the search: remember it.
    if (shown.searchedText !== '') shown.rememberSearch(shown.searchedText);
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

  const shortcutsReference = useShortcutsReference();
  const commands = {
    find: focusSearch,
    'toggle-bookmark': () => marks.toggleBookmark(true),
    'toggle-read': marks.toggleRead,
    delete: askDelete,
    export: exports.exportShown,
    share: () =>
      sharing.shareShown({
        selection: selected.count > 0 ? selected.exportScope() : null,
        view: shown.view,
        listSort: shown.listSort,
        search: { text: request.text, sort: request.sort, facets: request.facets, literal: request.literal },
        label: shown.name,
      }),
    settings: settings.open,
    'mark-all-read': selected.markAllRead,
    'select-all': selected.gestures.onSelectAll,
    'keyboard-shortcuts': shortcutsReference.show,
  };
  useMenuCommands(commands);
  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    ...selected.shortcuts,
    toggleBookmark: commands['toggle-bookmark'],
    toggleRead: marks.toggleRead,
    deleteOpen: askDelete,
    focusSearch,
    focusList,
  });

  // Main checks the scheme and asks the user first (main/windows/externalLinks.ts).
  const openLink = (url: string) => void bridge().openExternal(url).catch(reportError); // eng-disable OPEN_EXTERNAL_JS_CHECK
  const loadImages = useCallback(
    (id: string) =>
      bridge()
        .loadImages(id)
        .catch((error: unknown) => (reportError(error), {})),
    [reportError],
  );
  const removeFrom = shown.collection;
  return (
    <div className="app" {...imports.drop.handlers}>
      <Sidebar
        view={shown.view}
        counts={counts}
        onSelectView={shown.changeView}
        onImport={imports.chooseFiles}
        importing={imports.importing}
      >
        <CollectionsSection
          collections={collections}
          view={shown.view}
          onSelectView={shown.changeView}
          onCreate={collectionActions.create}
          onRename={collectionActions.rename}
          onDelete={collectionActions.remove}
          onDropIds={collectionActions.addDropped}
          onShare={(collection) => sharing.share({ kind: 'collection', id: collection.id })}
        />
        <SubscriptionsPanel onError={reportError} />
      </Sidebar>
      <main className="panes" style={{ '--list-inline-size': `${listSize}px` } as CSSProperties}>
        <ListPane
          view={shown.view}
          viewName={shown.name}
          sort={shown.sort}
          query={shown.query}
          searchedText={shown.searchedText}
          onQueryChange={shown.changeQuery}
          suggestions={shown.suggestions}
          recentSearches={shown.search.recent}
          onSubmitSearch={shown.rememberSearch}
          searchTools={
            (shown.searching || shown.search.status.state === 'building') && (
              <SearchTools
                searching={shown.searching}
                options={shown.search}
                hints={list.hints}
                facets={list.facets}
                correction={shown.correction}
                onSearch={shown.searchFromCorrection}
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
          libraryEmpty={counts?.all === 0}
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
                onExport={exports.exportSelection}
                onShare={(ids) => sharing.share({ kind: 'ids', ids, label: shown.name })}
                onDelete={(ids) => deletion.ask(ids, titleOf(ids[0]))}
                removeFrom={
                  removeFrom && {
                    name: removeFrom.name,
                    remove: (ids) => {
                      selected.clear();
                      collectionActions.removeFrom(removeFrom, ids);
                    },
                  }
                }
              />
            )
          }
          onMarkAllRead={selected.markAllRead}
          onToggleBookmark={(id) => marks.toggleBookmark(true, id)}
          onNearEnd={list.loadMore}
          onFocusList={focusList}
          onImport={imports.chooseFiles}
          onSearchAll={() => shown.changeView('all')}
          onRetry={list.reload}
          onExport={exports.exportShown}
          exporting={exports.exporting.running}
        />
        <PaneResizer size={listSize} min={LIST_SIZE.min} max={LIST_SIZE.max} onResize={setListSize} />
        <ReaderPane
          detail={detail}
          busy={reader.busy}
          terms={list.terms}
          onToggleBookmark={() => marks.toggleBookmark(false)}
          onToggleRead={marks.toggleRead}
          collections={collections}
          onChangeCollection={marks.changeCollection}
          onSaveNote={marks.saveNote}
          onDelete={askDelete}
          onOpenLink={openLink}
          onLoadImages={loadImages}
        />
      </main>
      <AppOverlays deletion={deletion} exporting={exports.exporting} settings={settings} imports={imports} />
      {shortcutsReference.open && <ShortcutsDialog onClose={shortcutsReference.close} />}
      <Notices notices={notices} onDismiss={dismiss} />
      <Announcer announcement={announcement} />
    </div>
  );
}
