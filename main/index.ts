import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, nativeTheme, net } from 'electron';
import type { Settings } from '../preload/contract';
import { createArchive } from './archive/archive';
import { createExporter } from './export/exporter';
import { openExportSettings } from './export/exportSettings';
import { resolveScope } from './export/resolveScope';
import { applyLanguageSetting, currentLanguage, initI18n, languageOverride } from './i18n';
import { resolveLanguage } from '../resources/locales/languages';
import { chooseAndImport } from './importers/chooseAndImport';
import { fileSource } from './importers/importFiles';
import { createImportRunner, type ImportRunner } from './importers/importRunner';
import { askToTakeBookmarks } from './share/askBookmarks';
import { filesFromArgv } from './importers/openedFiles';
import { parseHere, parseInWorker } from './importers/parseInWorker';
import { fetchRemoteImages } from './images/remoteImages';
import { createFetchWithPolicy } from './net/fetchWithPolicy';
import { firstPageWhileOpening } from './ipc/firstPage';
import { createChangeEvents } from './ipc/changeEvents';
import { createHandlers } from './ipc/handlers';
import { registerHandlers, type Handlers } from './ipc/guardedIpc';
import { argumentSchemas } from './ipc/schemas';
import { createNoticeBoard, type NoticeBoard } from './notices/noticeBoard';
import { offlineInWorker } from './offline/extractInWorker';
import { bytesOnDisk } from './offline/keptBackup';
import { keptTextsIn, openKeptOffline } from './offline/keptOffline';
import { describeStoreEvent } from './notices/storeNotice';
import { buildInWorker } from './search/buildInWorker';
import { openRecentSearches } from './search/recentSearches';
import { createSearchIndex } from './search/searchIndex';
import { createBodyPhrases } from './search/bodyPhrases';
import { createPhraseSearch } from './search/phraseSearch';
import { allWithBodies, withBody } from './store/bodies';
import { openLibraryEarly, type EarlyOpening } from './store/earlyOpening';
import { readInWorker } from './store/textReader';
import { exportSubscriptions } from './sync/exportSubscriptions';
import { createSubscriptions, scheduleRefresh } from './sync/subscriptions';
import { createSyncService } from './sync/syncService';
import { installApplicationMenu } from './windows/applicationMenu';
import { registerAppScheme, serveKeptImages, serveRenderer } from './windows/appProtocol';
import { backUpLibrary, restoreLibrary, type BackupContext } from './windows/backupCommands';
import { mergeColleagueLibrary, undoColleagueMerge, type MergeContext } from './share/mergeLibraryCommand';
import { MERGE_RECORD_FILE } from './share/mergeRecord';
import { broadcast, createMainWindow } from './windows/mainWindow';
import { applySecurityPolicy } from './windows/security';
import { openWindowLayout, type WindowLayoutFile } from './windows/windowLayout';

/** This file is out/main/index.js; the worker threads' bundles are beside it. */
const bundleFolder = dirname(fileURLToPath(import.meta.url));

// A portable or test install can keep its library elsewhere.
if (process.env.BULLETIN_USER_DATA_DIR) app.setPath('userData', process.env.BULLETIN_USER_DATA_DIR);

// Files the OS asks us to open (macOS "Open with", dock drops) can arrive before start.
const openedBeforeStart: string[] = [];
let importOpened: (paths: string[]) => void = (paths) => openedBeforeStart.push(...paths);
app.on('open-file', (event, path) => {
  event.preventDefault();
  importOpened([path]);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Read while Electron and Chromium start: at 100,000 bulletins that is most of the library.
  const opening = openLibraryEarly(app.getPath('userData'), {
    reader: readInWorker(join(bundleFolder, 'textWorker.js')),
  });
  void app.whenReady().then(() => start(opening));
}

/** The operating system's languages, best first (Electron's list; its locale where there is none). */
function systemLanguages(): string[] {
  const preferred = app.getPreferredSystemLanguages();
  return preferred.length > 0 ? preferred : [app.getLocale()];
}

async function start(opening: EarlyOpening): Promise<void> {
  await initI18n(resolveLanguage(languageOverride() ?? 'system', systemLanguages()));
  applySecurityPolicy();
  serveRenderer();

  // What the library found at opening (a recovered file) is posted here and waits for the window.
  const notices = createNoticeBoard((notice) => broadcast('notice:added', notice));
  // In the UI's language at the time of the message (Settings › Language can change it).
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  // The window's calls wait for the handlers, which come once the library and the index are set up.
  const window = createMainWindow();
  const windowLoaded = new Promise<void>((resolve) => window.webContents.once('did-finish-load', resolve));
  // The window's text size and pane widths do not wait for the library: the first paint has them.
  const layout = openWindowLayout(app.getPath('userData'));
  // The first page of the list is answered as soon as the newest months are read (see openLibrary).
  registerHandlers(argumentSchemas, setUp(opening, notices, formatDate, window, windowLoaded, layout), {
    ...firstPageWhileOpening(opening),
    windowLayout: () => layout.load(),
  });
}

/** Everything behind the window (the library, the index, imports, sync, menus), then its handlers. */
async function setUp(
  opening: EarlyOpening,
  notices: NoticeBoard,
  formatDate: (iso: string) => string,
  window: BrowserWindow,
  windowLoaded: Promise<void>,
  layout: WindowLayoutFile,
): Promise<Handlers> {
  const userData = app.getPath('userData');
  opening.reportTo((event) => {
    const notice = describeStoreEvent(event, formatDate);
    if (notice) notices.post(notice);
    else console.info('[store]', event);
  });
  const library = await opening.library;
  await applyLanguageSetting(library.settings().language, systemLanguages());
  // Chromium's prefers-color-scheme in every window follows this: the CSS needs no setting of its own.
  nativeTheme.themeSource = library.settings().theme;
  const index = createSearchIndex({
    file: join(userData, 'search-index.json'),
    bulletins: () => library.bulletins(),
    build: buildInWorker(join(bundleFolder, 'indexWorker.js'), join(userData, 'bulletins')),
    onStatus: (status) => broadcast('search:status', status),
    keptTexts: keptTextsIn(userData),
    bulletin: (id) => library.get(id),
    bodies: (ids) => library.bodies.read(ids),
  });
  // Every file an import or a subscription brings is read in this worker, never on main's thread.
  const untrusted = parseInWorker(join(bundleFolder, 'parseWorker.js'));
  const recent = await openRecentSearches(join(userData, 'recent-searches.json'));

  const changes = createChangeEvents(
    () => library.counts(),
    (change) => broadcast('library:changed', change),
  );
  const imports = createImportRunner(library, index, {
    progress: (progress) => broadcast('import:progress', progress),
    changed: (report) => changes.archive({ added: report.added, updated: report.updated }),
    parse: untrusted.parse,
    askBookmarks: askToTakeBookmarks,
  });
  if (library.counts().all === 0) await importSample(imports);
  const archive = createArchive(library, index, changes);
  const isOnline = () => net.isOnline();
  const userAgent = `BulletinReader/${app.getVersion()} (offline news reader)`;
  // Every request to the web: public addresses, or the local hosts the user allowed (read each time).
  const fetchFromWeb = createFetchWithPolicy({
    userAgent,
    allowedHosts: () => library.settings().allowedLocalHosts,
  });
  // Web pages' text, off main's thread: articles found in fetched pages.
  const pagesWorker = offlineInWorker(join(bundleFolder, 'extractWorker.js'));
  // A search's quoted phrases in kept articles and bodies, off main's thread, on a thread of their
  // own: a search never waits behind a page being parsed (up to 15 s).
  const phrasesWorker = offlineInWorker(join(bundleFolder, 'extractWorker.js'));
  // Full articles and images kept on the laptop, fetched through the same outbound policy.
  const offline = await openKeptOffline({
    userData,
    bulletin: async (id) => {
      const stored = library.get(id);
      return stored && withBody(library.bodies, stored);
    },
    maxPageBytes: () => library.settings().importCapMegabytes * 1024 * 1024,
    fetch: fetchFromWeb,
    extract: pagesWorker.extract,
    checkPhrases: phrasesWorker.checkPhrases,
    isOnline,
    onChange: (change) => broadcast('offline:changed', change),
    onKept: (ids) => void index.keptChanged(ids),
  });
  const subscriptions = createSubscriptions({
    store: library,
    fetch: fetchFromWeb,
    importFeed: async (source) => (await imports.run([source])).files[0],
    isOnline,
    keepOffline: (bulletins, what) => offline.keep(bulletins, what),
    maxBytes: () => library.settings().importCapMegabytes * 1024 * 1024,
  });
  const sync = createSyncService(subscriptions, isOnline, (list) => broadcast('subscriptions:changed', list));
  // Every N minutes while online, N a setting.
  const setRefreshMinutes = scheduleRefresh(
    () => void sync.refresh(),
    library.settings().refreshMinutes,
    isOnline,
  );
  const applySettings = (settings: Settings) => {
    setRefreshMinutes(settings.refreshMinutes);
    nativeTheme.themeSource = settings.theme;
    // A new language: the menu is built again in it (Electron's menus cannot be relabelled).
    void applyLanguageSetting(settings.language, systemLanguages()).then(
      (changed) => changed && installMenu(),
    );
  };
  serveKeptImages(offline.image);
  // A quoted phrase is looked for in the bodies (read from their months) and the kept articles.
  const phrases = createPhraseSearch(
    [
      createBodyPhrases(library.bodies, (id) => library.get(id)?.contentHash, phrasesWorker.checkPhrases),
      offline.phrases,
    ],
    offline.phrases.ready,
  );
  const exporter = createExporter(
    async (scope) =>
      allWithBodies(
        library.bodies,
        (await phrases((kept) => resolveScope(scope, library, index, kept))).answer,
      ),
    openExportSettings(userData),
    (id) => library.note(id),
    (bulletins) => offline.forExport(bulletins),
  );

  const backupContext: BackupContext = {
    library,
    archive,
    notices,
    backupFolder: join(userData, 'backups'),
    formatDate,
    readBackup: untrusted.readBackup,
    // A restored state.json brings its own settings.
    onRestored: () => applySettings(library.settings()),
    kept: {
      folder: offline.folder,
      sizes: async () => ({
        library: await bytesOnDisk(join(userData, 'state.json'), join(userData, 'bulletins')),
        kept: await bytesOnDisk(join(offline.folder, 'articles'), join(offline.folder, 'images')),
      }),
      restore: (backupPath) => offline.restore(backupPath),
    },
  };
  const mergeContext: MergeContext = {
    library,
    archive,
    notices,
    formatDate,
    readColleagueBackup: untrusted.readColleagueBackup,
    recordFile: join(userData, MERGE_RECORD_FILE),
    askBookmarks: askToTakeBookmarks,
  };
  const installMenu = () =>
    installApplicationMenu({
      importFiles: () => {
        void chooseAndImport(BrowserWindow.getFocusedWindow(), imports).then((report) => {
          if (report) broadcast('import:finished', report);
        });
      },
      exportSubscriptions: () =>
        void exportSubscriptions(BrowserWindow.getFocusedWindow(), library.subscriptions()),
      backUpLibrary: () => void backUpLibrary(backupContext),
      restoreLibrary: () => void restoreLibrary(backupContext),
      mergeLibrary: () => void mergeColleagueLibrary(mergeContext),
      undoMerge: () => void undoColleagueMerge(mergeContext),
    });
  installMenu();

  // Files from the command line, "Open with" and a second launch are imported once the window listens.
  const importPaths = (paths: string[]) => {
    if (paths.length > 0) void importInBackground(imports, paths);
  };
  void windowLoaded.then(() => {
    importOpened = importPaths;
    importPaths([
      ...filesFromArgv(process.argv, process.cwd(), app.isPackaged ? 1 : 2),
      ...openedBeforeStart,
    ]);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    importOpened(filesFromArgv(argv, workingDirectory, app.isPackaged ? 1 : 2));
  });
  app.on('window-all-closed', () => app.quit());
  // Before quitting: a note flushed as the window closed may still be on its way to disk (then
  // state.json's journal is folded into it, so the next launch reads one file), and the index is saved a moment after changes settle (a quit sooner waits for it, else the next launch
  // rebuilds it; an index still building has nothing to save yet).
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return library.close();
    event.preventDefault();
    const indexSaved = index.status().state === 'ready' ? index.flush() : Promise.resolve();
    void Promise.allSettled([library.flush(), indexSaved, offline.close()]).finally(() => {
      flushed = true;
      app.quit();
    });
  });
  return createHandlers(library, index, {
    exporter,
    notices,
    imports,
    sync,
    recent,
    loadImages: async (bulletin) =>
      fetchRemoteImages(await untrusted.imageSources(bulletin.bodyHtml ?? ''), fetchFromWeb),
    applySettings,
    changes,
    offline,
    archive,
    layout,
    phrases,
  });
}

async function importInBackground(imports: ImportRunner, paths: string[]): Promise<void> {
  broadcast('import:finished', await imports.run(paths.map(fileSource)));
}

/** A first run never opens on an empty window: it brings in the bundled sample digest. */
async function importSample(imports: ImportRunner): Promise<void> {
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  // Our own file, shipped with the app: read here, so a first start does not wait for the parse
  // worker to start (seconds on a loaded laptop); every other file goes through it.
  await imports.run([fileSource(join(resources, 'sample', 'digest-sample.txt'))], parseHere);
}
