import { join } from 'node:path';
import { BrowserWindow, app, dialog } from 'electron';
import { createExporter } from './export/exporter';
import { openExportSettings } from './export/exportSettings';
import { resolveScope } from './export/resolveScope';
import { initI18n, t } from './i18n';
import { chooseAndImport } from './importers/chooseAndImport';
import { importFiles } from './importers/importFiles';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/guardedIpc';
import { argumentSchemas } from './ipc/schemas';
import { createSearchIndex } from './search/searchIndex';
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
  const index = createSearchIndex();
  index.add(library.bulletins());
  if (library.counts().all === 0) await importSample(library, index);

  const exporter = createExporter(
    (scope) => resolveScope(scope, library, index),
    openExportSettings(app.getPath('userData')),
  );
  registerHandlers(argumentSchemas, createHandlers(library, index, exporter));
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
async function importSample(library: Library, index: ReturnType<typeof createSearchIndex>): Promise<void> {
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
