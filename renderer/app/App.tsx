import type { CSSProperties } from 'react';
import type { CollectionInfo } from '../../preload/contract';
import { useWindowCommands } from '../commands/useWindowCommands';
import { useExportActions } from '../export/useExportActions';
import { useImports } from '../import/useImports';
import { CollectionsSection } from '../library/CollectionsSection';
import { useCollectionActions } from '../library/useCollectionActions';
import { useDeleteBulletins } from '../library/useDeleteBulletins';
import { useMarkActions } from '../library/useMarkActions';
import { ListPane } from '../list/ListPane';
import { SelectionBar } from '../list/SelectionBar';
import { useListFocus } from '../list/useListFocus';
import { useListSelection } from '../list/useListSelection';
import { useListView } from '../list/useListView';
import { useRowOpening } from '../list/useRowOpening';
import { Announcer } from '../notices/Announcer';
import { Notices } from '../notices/Notices';
import { useFeedback } from '../notices/useFeedback';
import { useKeepOffline } from '../offline/useKeepOffline';
import { ReaderPane } from '../reader/ReaderPane';
import { useOpenBulletin } from '../reader/useOpenBulletin';
import { useReaderLinks } from '../reader/useReaderLinks';
import { SavedSearchesSection } from '../savedSearches/SavedSearchesSection';
import { SaveSearchDialog } from '../savedSearches/SaveSearchDialog';
import { useShownSavedSearches } from '../savedSearches/useShownSavedSearches';
import { useSendBulletins } from '../share/sendBulletins';
import { useShare } from '../share/useShare';
import { useSettingsDialog } from '../settings/useSettingsDialog';
import { Sidebar } from '../sidebar/Sidebar';
import { useLibraryChanges } from '../store/useLibraryChanges';
import { useCountsOf } from '../store/useLibraryStore';
import { SubscriptionsPanel } from '../subscriptions/SubscriptionsPanel';
import { AppOverlays } from './AppOverlays';
import { PaneSplitter } from '../layout/PaneSplitter';
import { useWindowLayout } from '../layout/useWindowLayout';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useShortcutsReference } from '../shortcuts/useShortcutsReference';
import './app.css';

const NO_COLLECTIONS: CollectionInfo[] = [];

/**
 * The window: the sidebar's views, the list (with search) and the reading pane, with the dialogs
 * over them. Each feature keeps its own state in its folder's hooks; this only connects them.
 */
export function App() {
  const { notices, dismiss, notify, announcement, announce, reportError, offerUndo } = useFeedback();
  /** How each feature tells the user things (each hook takes the parts it uses). */
  const feedback = { notify, announce, offerUndo, onError: reportError };
  useLibraryChanges(reportError);
  const { measurePanes, ...layout } = useWindowLayout(feedback);
  const counts = useCountsOf();
  const collections = counts?.collections ?? NO_COLLECTIONS;
  const shown = useListView(collections, announce, reportError);
  const { list, request } = shown;
  const focus = useListFocus();
  const reader = useOpenBulletin(reportError);
  const links = useReaderLinks(reportError);
  const marks = useMarkActions({
    open: reader.openDetail,
    openId: reader.openId,
    keep: list.keep,
    ...feedback,
  });
  const selected = useListSelection({ shown, ...feedback });
  const opening = useRowOpening({ shown, reader, anchor: selected.anchor, announce, listRef: focus.listRef });
  const exports = useExportActions({ shown, selection: selected, ...feedback });
  const imports = useImports(notify, reportError);
  const sharing = useShare(feedback);
  const send = useSendBulletins(notify, links.openLink);
  const shortcutsReference = useShortcutsReference();
  const savedSearches = useShownSavedSearches({ shown, exportEvery: exports.exportEvery, ...feedback });
  const settings = useSettingsDialog(notify, reportError);
  const keeping = useKeepOffline(feedback);
  const collectionActions = useCollectionActions({
    view: shown.view,
    onLeaveView: () => shown.changeView('all'),
    ...feedback,
  });
  const deletion = useDeleteBulletins({
    onDeleted: (ids) => {
      for (const id of ids) list.forget(id);
      selected.clear();
      // The Delete… button that had the focus is gone with the bulletin: carry on from the list.
      focus.focusList();
    },
    ...feedback,
  });
  const titleOf = (id: string | undefined) => list.rows.find((row) => row.id === id)?.title ?? '';
  // The open bulletin, even while its text is still loading (a quick Delete after a click counts).
  const askDelete = () => {
    const { openId, openDetail } = reader;
    if (openId !== null) deletion.ask([openId], titleOf(openId) || (openDetail?.bulletin.title ?? ''));
  };

  useWindowCommands({
    focusList: focus.focusList,
    focusSearch: focus.focusSearch,
    ...selected.shortcuts,
    next: () => opening.step(1),
    previous: () => opening.step(-1),
    toggleBookmark: () => marks.toggleBookmark(true),
    toggleRead: marks.toggleRead,
    deleteOpen: askDelete,
    exportShown: exports.exportShown,
    shareShown: () => {
      const { view, ...search } = request;
      sharing.shareShown({
        view,
        search,
        listSort: shown.listSort,
        label: shown.name,
        selection: selected.exportScope(),
      });
    },
    openSettings: settings.open,
    markAllRead: selected.markAllRead,
    selectAll: selected.gestures.onSelectAll,
    saveSearch: savedSearches.askSave,
    showShortcuts: shortcutsReference.show,
    keepOffline: () => keeping.keep(selected.bar?.ids ?? (reader.openId === null ? [] : [reader.openId])),
  });

  const removeFrom = shown.collection;
  return (
    <div className="app" {...imports.drop.handlers}>
      <Sidebar
        layout={layout}
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
        <SavedSearchesSection {...savedSearches.section} />
        <SubscriptionsPanel onError={reportError} />
      </Sidebar>
      <main
        ref={measurePanes}
        className="panes"
        style={{ '--list-inline-size': `${layout.list.width}px` } as CSSProperties}
      >
        <ListPane
          shown={shown}
          focus={focus}
          rowActions={{
            openId: reader.openId,
            onOpen: opening.openAt,
            onToggleBookmark: (id) => marks.toggleBookmark(true, id),
            menu: {
              collections,
              onAddToCollection: collectionActions.addDropped,
              send,
              onExport: (ids, label) => exports.exporting.ask({ kind: 'ids', ids, label }, ids.length),
              onDelete: (ids, title) => deletion.ask(ids, title),
            },
          }}
          selection={selected.gestures}
          selectionBar={
            selected.bar && (
              <SelectionBar
                {...selected.bar}
                collections={collections}
                onAddToCollection={collectionActions.addDropped}
                onExport={exports.exportSelection}
                onShare={(ids) => sharing.share({ kind: 'ids', ids, label: shown.name })}
                send={send}
                onKeepOffline={keeping.keep}
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
          actions={{
            onMarkAllRead: selected.markAllRead,
            onExport: exports.exportShown,
            exporting: exports.exporting.running,
            onImport: imports.chooseFiles,
            onSaveSearch: savedSearches.askSave,
          }}
          libraryEmpty={counts?.all === 0}
        />
        <PaneSplitter {...layout.list} />
        <ReaderPane
          detail={reader.shown?.detail}
          busy={reader.busy}
          terms={list.terms}
          onToggleBookmark={() => marks.toggleBookmark(false)}
          onToggleRead={marks.toggleRead}
          collections={collections}
          onChangeCollection={marks.changeCollection}
          onSaveNote={marks.saveNote}
          onDelete={askDelete}
          onOpenLink={links.openLink}
          onLoadImages={links.loadImages}
          onLoadKept={keeping.loadKept}
          onKeepOffline={(id) => keeping.keep([id])}
          keptVersion={keeping.status?.done ?? 0}
        />
      </main>
      <AppOverlays
        deletion={deletion}
        exporting={exports.exporting}
        settings={settings}
        imports={imports}
        keeping={keeping}
      />
      {savedSearches.dialog && <SaveSearchDialog {...savedSearches.dialog} />}
      {shortcutsReference.open && <ShortcutsDialog onClose={shortcutsReference.close} />}
      <Notices notices={notices} onDismiss={dismiss} />
      <Announcer announcement={announcement} />
    </div>
  );
}
