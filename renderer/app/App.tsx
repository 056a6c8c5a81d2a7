import type { CSSProperties } from 'react';
import type { CollectionInfo, Counts } from '../../preload/contract';
import { useWindowCommands } from '../commands/useWindowCommands';
import { useExportActions } from '../export/useExportActions';
import { useImports } from '../import/useImports';
import { useCollectionActions } from '../library/useCollectionActions';
import { useDeleteBulletins } from '../library/useDeleteBulletins';
import { useMarkActions } from '../library/useMarkActions';
import type { BulletinsActions } from '../list/bulletinsActions';
import { ListPane } from '../list/ListPane';
import { ListSelectionBar } from '../list/ListSelectionBar';
import { useListFocus } from '../list/useListFocus';
import { useListSelection } from '../list/useListSelection';
import { useListView } from '../list/useListView';
import { useRowOpening } from '../list/useRowOpening';
import { Announcer } from '../notices/Announcer';
import { useFeedback } from '../notices/useFeedback';
import { useKeepOffline } from '../offline/useKeepOffline';
import { ReaderPane } from '../reader/ReaderPane';
import { useOpenBulletin } from '../reader/useOpenBulletin';
import { useReaderLinks } from '../reader/useReaderLinks';
import { useShownSavedSearches } from '../savedSearches/useShownSavedSearches';
import { useSendBulletins } from '../share/sendBulletins';
import { useShare } from '../share/useShare';
import { useSettingsDialog } from '../settings/useSettingsDialog';
import { PaneSplitter } from '../layout/PaneSplitter';
import { useWindowLayout } from '../layout/useWindowLayout';
import { useShortcutsReference } from '../shortcuts/useShortcutsReference';
import { useLibraryChanges } from '../store/useLibraryChanges';
import { LibrarySidebar } from '../sidebar/LibrarySidebar';
import { useCounts } from '../store/useLibraryStore';
import { AppOverlays } from './AppOverlays';
import { WindowFoot } from './WindowFoot';
import './app.css';

const NO_COLLECTIONS: CollectionInfo[] = [];
/** What the window itself reads of the counts (the sidebar and the list read their own parts): no mark re-renders it. */
const collectionsOf = (counts: Counts | null) => counts?.collections ?? NO_COLLECTIONS;

/**
 * The window: the sidebar's views, the list (with search) and the reading pane, with the dialogs
 * over them. Each feature keeps its own state in its folder's hooks; this only connects them.
 */
export function App() {
  const { notices, dismiss, notify, announcements, announce, reportError, offerUndo } = useFeedback();
  /** How each feature tells the user things (each hook takes the parts it uses). */
  const feedback = { notify, announce, offerUndo, onError: reportError };
  useLibraryChanges(reportError);
  const { measurePanes, ...layout } = useWindowLayout(feedback);
  const collections = useCounts(collectionsOf);
  const shown = useListView(collections, announce, reportError);
  const focus = useListFocus();
  const reader = useOpenBulletin(reportError);
  const links = useReaderLinks(reportError);
  const marks = useMarkActions({
    open: reader.openDetail,
    openId: reader.openId,
    keep: shown.list.keep,
    ...feedback,
  });
  const selected = useListSelection({ shown, ...feedback });
  const opening = useRowOpening({ shown, reader, anchor: selected.anchor, announce, listRef: focus.listRef });
  const exports = useExportActions({ shown, selection: selected, ...feedback });
  const sharing = useShare({ shown, selection: selected, ...feedback });
  const imports = useImports(notify, reportError);
  const send = useSendBulletins(notify, links.openLink);
  const shortcutsReference = useShortcutsReference();
  const savedSearches = useShownSavedSearches({ shown, exportEvery: exports.exportEvery, ...feedback });
  const settings = useSettingsDialog(notify, reportError);
  const keeping = useKeepOffline(feedback);
  const collectionActions = useCollectionActions({
    view: shown.view,
    onLeaveView: () => shown.changeView('all'),
    keep: keeping.keep,
    exportIds: exports.exportIds,
    ...feedback,
  });
  const deletion = useDeleteBulletins({
    list: shown.list,
    reader,
    afterDelete: () => {
      selected.clear();
      // The Delete… button that had the focus is gone with the bulletin: carry on from the list.
      focus.focusList();
    },
    ...feedback,
  });
  /** What the row menu and the selection bar do to the bulletins they name. */
  const onBulletins: BulletinsActions = {
    collections,
    addToCollection: collectionActions.addDropped,
    removeFromCollection: collectionActions.removeFrom,
    exportIds: exports.exportIds,
    shareIds: sharing.shareIds,
    send,
    keepOffline: keeping.keep,
    askDelete: deletion.ask,
  };

  useWindowCommands({
    focusList: focus.focusList,
    focusSearch: focus.focusSearch,
    ...selected.shortcuts,
    next: () => opening.step(1),
    previous: () => opening.step(-1),
    toggleBookmark: () => marks.toggleBookmark(true),
    toggleRead: marks.toggleRead,
    deleteOpen: deletion.askOpen,
    exportShown: exports.exportShown,
    shareShown: sharing.shareShown,
    openSettings: settings.open,
    markAllRead: selected.markAllRead,
    selectAll: selected.gestures.onSelectAll,
    saveSearch: savedSearches.askSave,
    showShortcuts: shortcutsReference.show,
    keepOffline: () => keeping.keep(selected.bar?.ids ?? (reader.openId === null ? [] : [reader.openId])),
  });

  return (
    <div className="app" {...imports.drop.handlers}>
      <LibrarySidebar
        layout={layout}
        view={shown.view}
        onSelectView={shown.changeView}
        collections={collections}
        collectionActions={collectionActions}
        onShareCollection={(collection) => sharing.share({ kind: 'collection', id: collection.id })}
        savedSearches={savedSearches.section}
        imports={imports}
        onError={reportError}
      />
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
            menu: onBulletins,
          }}
          selection={selected.gestures}
          selectionBar={
            <ListSelectionBar
              selection={selected}
              collection={shown.collection}
              actions={onBulletins}
              onExport={exports.exportSelection}
            />
          }
          actions={{
            onMarkAllRead: selected.markAllRead,
            onExport: exports.exportShown,
            exporting: exports.exporting.running,
            onImport: imports.chooseFiles,
            onSaveSearch: savedSearches.askSave,
          }}
        />
        <PaneSplitter {...layout.list} />
        <ReaderPane
          detail={reader.shown?.detail}
          busy={reader.busy}
          terms={shown.list.terms}
          actions={{
            onToggleBookmark: () => marks.toggleBookmark(false),
            onToggleRead: marks.toggleRead,
            collections,
            onChangeCollection: marks.changeCollection,
            onSaveNote: marks.saveNote,
            onDelete: deletion.askOpen,
          }}
          onOpenLink={links.openLink}
          content={{ onLoadImages: links.loadImages, ...keeping.reader }}
        />
      </main>
      <AppOverlays
        deletion={deletion}
        exporting={exports.exporting}
        settings={settings}
        imports={imports}
        keeping={keeping}
        savedSearches={savedSearches}
        shortcutsReference={shortcutsReference}
      />
      <WindowFoot
        tasks={{ exporting: exports.exporting, imports, keeping }}
        notices={notices}
        onDismiss={dismiss}
      />
      <Announcer announcements={announcements} />
    </div>
  );
}
