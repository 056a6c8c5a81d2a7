import { writeFile } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import { t } from '../i18n';
import type { Subscription } from '../store/schema';
import { opmlOf } from './opml';

/** File > Export Subscriptions…: writes the list as OPML where the user chooses; false when cancelled. */
export async function exportSubscriptions(
  owner: BrowserWindow | null,
  subscriptions: readonly Subscription[],
) {
  const options: Electron.SaveDialogOptions = {
    title: t('exportDialog.title'),
    defaultPath: 'subscriptions.opml',
    filters: [{ name: t('exportDialog.opml'), extensions: ['opml', 'xml'] }],
  };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return false;
  await writeFile(filePath, opmlOf(subscriptions, t('exportDialog.listTitle')));
  return true;
}
