import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog } from 'electron';
import { initI18n, t } from './i18n';
import { chooseAndImport } from './importers/chooseAndImport';
import { importFiles } from './importers/importFiles';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/guardedIpc';
import { argumentSchemas } from './ipc/schemas';
import { buildInWorker } from './search/buildInWorker';
import { openRecentSearches } from './search/recentSearches';
import { createSearchIndex, type SearchIndex } from './search/searchIndex';
import { openLibrary, type Library } from './store/library';
import { installApplicationMenu } from './windows/applicationMenu';
import { registerAppScheme, serveRenderer } from './windows/appProtocol';
import { broadcast, createMainWindow } from './windows/mainWindow';
import { applySecurityPolicy } from './windows/security';

// A portable or test install can keep its library elsewhere.
if (process.env.BULLETIN_USER_DATA_DIR) app.setPath('userData', process.env.BULLETIN_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  await initI18n(app.getLocale());
  applySecurityPolicy();
  serveRenderer();

  const library = await openLibrary(app.getPath('userData'));
  const userData = app.getPath('userData');
  const index = createSearchIndex({
    file: join(userData, 'search-index.json'),
    bulletins: () => library.bulletins(),
    // This file is out/main/index.js; the worker is bundled beside it.
    build: buildInWorker(join(dirname(fileURLToPath(import.meta.url)), 'indexWorker.js')),
    onStatus: (status) => broadcast('search:status', status),
  });
  if (library.counts().all === 0) await importSample(library, index);
  const recent = await openRecentSearches(join(userData, 'recent-searches.json'));

  registerHandlers(argumentSchemas, createHandlers(library, index, recent));
  installApplicationMenu({
    importFiles: () => {
      void chooseAndImport(BrowserWindow.getFocusedWindow(), library, index).then((report) => {
        if (!report) return;
        broadcast('import:finished', report);
        if (report.added > 0) broadcast('library:changed', library.counts());
      });
    },
  });

  const window = createMainWindow();
  if (library.setAside.length > 0) void tellAboutSetAsideFiles(window, library);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}

/** A first run never opens on an empty window: it brings in the bundled sample digest. */
async function importSample(library: Library, index: SearchIndex): Promise<void> {
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  await importFiles([join(resources, 'sample', 'digest-sample.txt')], library, index);
}

async function tellAboutSetAsideFiles(window: BrowserWindow, library: Library): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'warning',
    message: t('recovery.title'),
    detail: t('recovery.message', {
      files: library.setAside.map((entry) => entry.file).join(', '),
      kept: library.setAside.map((entry) => entry.movedTo).join(', '),
    }),
  });
}
