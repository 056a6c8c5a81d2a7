import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { ImportReport } from '../../preload/contract';
import { t } from '../i18n';
import { fileSource } from './importFiles';
import { DIGEST_EXTENSIONS, FEED_EXTENSIONS } from './parseFile';
import type { ImportRunner } from './importRunner';

/** File > Import…: asks for files with the system dialog; null when the user cancels. */
export async function chooseAndImport(
  owner: BrowserWindow | null,
  runner: ImportRunner,
): Promise<ImportReport | null> {
  const options: Electron.OpenDialogOptions = {
    title: t('importDialog.title'),
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: t('importDialog.supported'), extensions: [...DIGEST_EXTENSIONS, ...FEED_EXTENSIONS] },
      { name: t('importDialog.feeds'), extensions: FEED_EXTENSIONS },
      { name: t('importDialog.digests'), extensions: DIGEST_EXTENSIONS },
      { name: t('importDialog.allFiles'), extensions: ['*'] },
    ],
  };
  const { canceled, filePaths } = owner
    ? await dialog.showOpenDialog(owner, options)
    : await dialog.showOpenDialog(options);
  if (canceled || filePaths.length === 0) return null;
  return runner.run(filePaths.map(fileSource));
}
