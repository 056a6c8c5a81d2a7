import { randomUUID } from 'node:crypto';
import { BrowserWindow } from 'electron';
import type { Archive } from '../archive/archive';
import type { Bulletin, Settings } from '../../preload/contract';
import type { Exporter } from '../export/exporter';
import { resolveScope } from '../export/resolveScope';
import { chooseAndImport } from '../importers/chooseAndImport';
import { defaultSenderName, shareBulletins } from '../share/shareCommand';
import { bytesSource } from '../importers/importFiles';
import type { ImportRunner } from '../importers/importRunner';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { KeptOffline } from '../offline/keptOffline';
import type { RecentSearches } from '../search/recentSearches';
import { foldedWords } from '../search/documentText';
import { withPhraseNote, type PhraseSearch } from '../search/phraseSearch';
import { searchPage } from '../search/pageSnippets';
import { searchBulletins, matchingIds } from '../search/searchBulletins';
import { Abandoned } from '../mainThread/slices';
import type { SyncService } from '../sync/syncService';
import type { SearchIndex } from '../search/searchIndex';
import { CollectionNameError, UnknownCollectionError } from '../store/collections';
import { withBody, type StoredBulletin } from '../store/bodies';
import type { Library } from '../store/library';
import { SETTINGS_LIMITS } from '../store/schema';
import type { Collection, SavedSearch } from '../store/schema';
import { SavedSearchNameError, UnknownSavedSearchError } from '../store/savedSearches';
import { savedSearchInfo } from '../search/savedSearchInfo';
import { t, withLanguageOverride } from '../i18n';
import { openExternalLink } from '../windows/externalLinks';
import type { WindowLayoutFile } from '../windows/windowLayout';
import { bulletinRow, excerptOf } from './bulletinRow';
import type { ChangeEvents } from './changeEvents';
import { createNewestRequest } from './newestRequest';
import { BridgeRefusal, type Handlers } from './guardedIpc';

/** What each channel does. Arguments arrive already validated by guardedIpc. */
export function createHandlers(
  library: Library,
  index: SearchIndex,
  services: {
    exporter: Exporter;
    notices: NoticeBoard;
    imports: ImportRunner;
    sync: SyncService;
    recent: RecentSearches;
    /** A bulletin's remote images, fetched by main (see main/images/remoteImages.ts). */
    loadImages: (bulletin: Bulletin) => Promise<Record<string, string>>;
    /** Puts saved settings to work (e.g. reschedules subscription refreshes). */
    applySettings: (settings: Settings) => void;
    /** Tells the windows what each change did. */
    changes: ChangeEvents;
    /** Bulletins kept offline: their full articles and images (main/offline). */
    offline: KeptOffline;
    /** Where the archive and its index change together (deletes and their undo). */
    archive: Archive;
    /** The window's text size and pane widths (main/windows/windowLayout.ts). */
    layout: WindowLayoutFile;
    /** Runs a search with its quoted phrases looked up in bodies and kept articles (search/phraseSearch.ts). */
    phrases: PhraseSearch;
  },
): Handlers {
  const { exporter, notices, imports, sync, recent, loadImages, applySettings, changes, offline, archive } =
    services;
  const { phrases } = services;
  const toRow = (bulletin: StoredBulletin, excerpt = excerptOf(bulletin.summary)) =>
    bulletinRow(bulletin, library, excerpt);
  /**
   * Marks and notes only on bulletins that exist: state.json would otherwise grow with every id a
   * page makes up, and keep marks no view can show or remove.
   */
  const existing = (id: string) => {
    if (!library.get(id)) throw new BridgeRefusal('not-found', t('errors.unknownBulletin'));
  };
  /** Collections deleted in this run, by undo token: undo lasts as long as its notice. */
  const deletedCollections = new Map<string, { collection: Collection; position: number }>();
  /** Saved searches deleted in this run, by undo token. */
  const deletedSavedSearches = new Map<string, { saved: SavedSearch; position: number }>();
  /**
   * Each window's newest search: an older one still running is abandoned. Not "every id"
   * (listIds): its callers (select all, export, share) are different actions, none replacing another.
   */
  const searches = createNewestRequest();

  return {
    list(_caller, { view, sort, offset = 0, limit }) {
      const all = library.bulletins(view, sort);
      const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
      return { rows: page.map((bulletin) => toRow(bulletin)), terms: [], total: all.length };
    },
    async search({ sender }, request) {
      const asked = searches.begin(sender.id);
      try {
        return await searchPage(
          async (row) =>
            withPhraseNote(
              await phrases((kept) =>
                searchBulletins(request, library, index, row, recent.list(), kept, {
                  abandoned: asked.replaced,
                }),
              ),
            ),
          toRow,
          library.bodies,
        );
      } catch (error) {
        if (error instanceof Abandoned) throw new BridgeRefusal('superseded', t('errors.searchReplaced'));
        throw error;
      } finally {
        asked.end();
      }
    },
    suggest: (_caller, text) => index.suggest(text, new Set(recent.list().flatMap(foldedWords))),
    recentSearches: () => recent.list(),
    rememberSearch: (_caller, text) => recent.remember(text),
    searchStatus: () => index.status(),
    async get(_caller, id) {
      const stored = library.get(id);
      if (!stored) return null;
      return {
        bulletin: await withBody(library.bodies, stored),
        bookmarked: library.isBookmarked(id),
        read: library.isRead(id),
        note: library.note(id) ?? '',
        collections: library.collectionsOf(id),
      };
    },
    async loadImages(_caller, id) {
      const bulletin = library.get(id);
      return bulletin ? loadImages(await withBody(library.bodies, bulletin)) : {};
    },
    counts: () => library.counts(),
    async toggleBookmark(_caller, id) {
      existing(id);
      const bookmarked = await library.toggleBookmark(id);
      changes.marks([id], { bookmarked });
      return bookmarked;
    },
    async markRead(_caller, id, read) {
      existing(id);
      const before = library.isRead(id);
      await library.setRead(id, read);
      if (before !== read) changes.marks([id], { read });
    },
    async listIds(_caller, request) {
      const faceted = Object.values(request.facets ?? {}).some((values) => values.length > 0);
      // The renderer lists a view, rather than searching it, when there is neither text nor facet.
      if (request.text.trim() === '' && !faceted)
        return library.bulletins(request.view).map((bulletin) => bulletin.id);
      return (await phrases((kept) => matchingIds(request, library, index, recent.list(), kept))).answer;
    },
    async setBookmarked(_caller, ids, bookmarked) {
      const done = await library.setBookmarked(ids, bookmarked);
      if (done.length > 0) changes.marks(done, { bookmarked });
      return done;
    },
    async setRead(_caller, ids, read) {
      const done = await library.setReadMany(ids, read);
      if (done.length > 0) changes.marks(done, { read });
      return done;
    },
    async setNote(_caller, id, text) {
      existing(id);
      const noted = library.note(id) !== undefined;
      await library.setNote(id, text);
      // The list's note marker changes only when a note appears or goes; not on every keystroke.
      const nowNoted = library.note(id) !== undefined;
      if (noted !== nowNoted) changes.marks([id], { noted: nowNoted });
    },
    collections: () => library.collections(),
    async createCollection(_caller, name) {
      const created = await library.createCollection(name).catch(inUserWords);
      changes.collections();
      return created;
    },
    async renameCollection(_caller, id, name) {
      await library.renameCollection(id, name).catch(inUserWords);
      changes.collections();
    },
    async deleteCollection(_caller, id) {
      const position = library.collections().findIndex((collection) => collection.id === id);
      const removed = await library.deleteCollection(id).catch(inUserWords);
      const token = randomUUID();
      deletedCollections.set(token, { collection: removed, position });
      changes.collections();
      return token;
    },
    async restoreCollection(_caller, token) {
      const deleted = deletedCollections.get(token);
      if (!deleted) return false;
      deletedCollections.delete(token);
      await library.restoreCollection(deleted.collection, deleted.position);
      changes.collections();
      return true;
    },
    async addToCollection(_caller, collectionId, ids) {
      const added = await library.addToCollection(collectionId, ids).catch(inUserWords);
      if (added > 0) changes.collection(collectionId, ids, true);
      return added;
    },
    async removeFromCollection(_caller, collectionId, ids) {
      const removed = await library.removeFromCollection(collectionId, ids).catch(inUserWords);
      if (removed > 0) changes.collection(collectionId, ids, false);
      return removed;
    },
    savedSearches: () =>
      Promise.all(
        library.savedSearches().map((saved) => savedSearchInfo(saved, library, index, recent.list())),
      ),
    async saveSearch(_caller, name, query) {
      const saved = await library.saveSearch(name, query).catch(inUserWords);
      changes.collections();
      return savedSearchInfo(saved, library, index, recent.list());
    },
    async renameSavedSearch(_caller, id, name) {
      await library.renameSavedSearch(id, name).catch(inUserWords);
      changes.collections();
    },
    async deleteSavedSearch(_caller, id) {
      const removed = await library.deleteSavedSearch(id).catch(inUserWords);
      const token = randomUUID();
      deletedSavedSearches.set(token, removed);
      changes.collections();
      return token;
    },
    async restoreSavedSearch(_caller, token) {
      const deleted = deletedSavedSearches.get(token);
      if (!deleted) return false;
      deletedSavedSearches.delete(token);
      await library.restoreSavedSearch(deleted.saved, deleted.position);
      changes.collections();
      return true;
    },
    async openSavedSearch(_caller, id) {
      const query = await library.openSavedSearch(id).catch(inUserWords);
      changes.collections();
      return query;
    },
    deleteBulletins: (_caller, ids) => archive.deleteBulletins(ids),
    undoDelete: (_caller, token) => archive.undoDelete(token),
    // The runner tells the windows when the archive changed.
    importFiles: ({ sender }) => chooseAndImport(BrowserWindow.fromWebContents(sender), imports),
    importDropped: (_caller, files) =>
      imports.run(files.map((file) => bytesSource(file.name, Buffer.from(file.base64, 'base64'), file.size))),
    cancelImport() {
      imports.cancel();
    },
    subscriptions: () => sync.list(),
    addSubscription: (_caller, url) => sync.add(url),
    addSubscriptions: (_caller, feeds) => sync.addMany(feeds),
    renameSubscription: (_caller, id, title) => sync.rename(id, title),
    removeSubscription: (_caller, id) => sync.remove(id),
    setSubscriptionKeep: (_caller, id, keep) => sync.setKeep(id, keep),
    refreshSubscriptions: (_caller, id) => sync.refresh(id ?? undefined),
    openExternal: ({ sender }, url) => openExternalLink(url, BrowserWindow.fromWebContents(sender)),
    exportOptions: () => exporter.options(),
    exportBulletins: ({ sender }, request) => exporter.run(request, sender),
    cancelExport() {
      exporter.cancel();
    },
    revealExport(_caller, exportId) {
      exporter.reveal(exportId);
    },
    async openExport(_caller, exportId) {
      await exporter.open(exportId);
      return undefined;
    },
    shareBulletins: ({ sender }, scope) =>
      shareBulletins(scope, sender, {
        library,
        resolve: (exportScope) => resolveScope(exportScope, library, index),
        senderName: () => library.settings().senderName || defaultSenderName(),
      }),
    notices: () => notices.all(),
    settings: () => withLanguageOverride(library.settings()),
    settingsLimits: () => SETTINGS_LIMITS,
    async saveSettings(_caller, settings) {
      await library.saveSettings(settings);
      applySettings(library.settings());
      return library.settings();
    },
    windowLayout: () => services.layout.load(),
    saveWindowLayout: (_caller, layout) => services.layout.save(layout),
    keepOffline(_caller, ids, what) {
      offline.keep(
        ids.map((id) => library.get(id)).filter((bulletin) => bulletin !== undefined),
        what,
      );
    },
    keptArticle: (_caller, id) => offline.view(id),
    keepQueue: () => offline.queue.status(),
    cancelKeeping(_caller, ids) {
      offline.queue.cancel(ids ?? undefined);
    },
    retryKeeping(_caller, ids) {
      offline.queue.retry(ids ?? undefined);
    },
    clearKeptFinished() {
      offline.queue.clearFinished();
    },
    keptUsage: () => offline.usage(),
    removeKept: (_caller, days) => offline.removeOlderThan(days),
  };
}

/** A collection refusal, in the user's words (the window checks names first; this is the backstop). */
function inUserWords(error: unknown): never {
  if (error instanceof CollectionNameError)
    throw new Error(t(`collections.${error.reason}`, { name: error.collectionName }));
  if (error instanceof UnknownCollectionError) throw new Error(t('collections.unknown'));
  // A refusal, not a failure: the name field shows main's sentence as it is (the window cannot
  // know every taken name: collections' and saved searches' are both checked here).
  if (error instanceof SavedSearchNameError)
    throw new BridgeRefusal('invalid-request', t(`savedSearches.${error.reason}`, { name: error.savedName }));
  if (error instanceof UnknownSavedSearchError)
    throw new BridgeRefusal('not-found', t('savedSearches.unknown'));
  throw error;
}

// Rows show one line; the rest of a long summary would only cost IPC bytes.
