import { join } from 'node:path';
import { BrowserWindow, app } from 'electron';
import { createExporter } from './export/exporter';
import { openExportSettings } from './export/exportSettings';
import { resolveScope } from './export/resolveScope';
import { initI18n } from './i18n';
import { chooseAndImport } from './importers/chooseAndImport';
import { filesFromCommandLine } from './importers/commandLineFiles';
import { importFiles } from './importers/importFiles';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/guardedIpc';
import { argumentSchemas } from './ipc/schemas';
import { createNoticeBoard } from './notices/noticeBoard';
import { describeStoreEvent } from './notices/storeNotice';
import { createSearchIndex } from './search/searchIndex';
import { openLibrary, type Library } from './store/library';
import { installApplicationMenu } from './windows/applicationMenu';
import { registerAppScheme, serveRenderer } from './windows/appProtocol';
import { backUpLibrary, restoreLibrary, type BackupContext } from './windows/backupCommands';
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

  // Before the library opens, so what it finds at start (a recovered file) waits here for the window.
  const notices = createNoticeBoard((notice) => broadcast('notice:added', notice));
  const dateFormat = new Intl.DateTimeFormat(app.getLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  const formatDate = (iso: string) => dateFormat.format(new Date(iso));

  const userData = app.getPath('userData');
  const library = await openLibrary(userData, {
    report: (event) => {
      const notice = describeStoreEvent(event, formatDate);
      if (notice) notices.post(notice);
      else console.info('[store]', event);
    },
  });
  const index = createSearchIndex();
  index.add(library.bulletins());
  if (library.counts().all === 0) await importSample(library, index);

  const exporter = createExporter(
    (scope) => resolveScope(scope, library, index),
    openExportSettings(userData),
  );
  registerHandlers(argumentSchemas, createHandlers(library, index, { exporter, notices }));
  const announceImport = (report: Awaited<ReturnType<typeof importFiles>> | null) => {
    if (!report) return;
    broadcast('import:finished', report);
    if (report.added > 0) broadcast('library:changed', library.counts());
  };
  const backupContext: BackupContext = {
    library,
    index,
    notices,
    backupFolder: join(userData, 'backups'),
    formatDate,
    onRestored: () => broadcast('library:changed', library.counts()),
  };
  installApplicationMenu({
    importFiles: () => {
      void chooseAndImport(BrowserWindow.getFocusedWindow(), library, index).then(announceImport);
    },
    backUpLibrary: () => void backUpLibrary(backupContext),
    restoreLibrary: () => void restoreLibrary(backupContext),
  });

  const window = createMainWindow();

  // A second launch (say, a digest opened from the file manager) hands its files to this one.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    void filesFromCommandLine(argv, workingDirectory, [app.getAppPath(), process.argv[1] ?? ''])
      .then((files) => (files.length > 0 ? importFiles(files, library, index) : null))
      .then(announceImport);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => library.close());
}

/** A first run never opens on an empty window: it brings in the bundled sample digest. */
async function importSample(library: Library, index: ReturnType<typeof createSearchIndex>): Promise<void> {
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  await importFiles([join(resources, 'sample', 'digest-sample.txt')], library, index);
}
