import { BrowserWindow, dialog } from 'electron';
import { t } from '../i18n';

/** Asks whether to take a colleague's bookmarks; "Not now" is the default (Enter, Escape). */
export async function askToTakeBookmarks(sender: string, count: number): Promise<boolean> {
  const options = {
    type: 'question' as const,
    message: t('share.bookmarksQuestion', { sender, count }),
    detail: t('share.bookmarksDetail'),
    buttons: [t('share.bookmarksYes'), t('share.bookmarksNo')],
    defaultId: 1,
    cancelId: 1,
  };
  const owner = BrowserWindow.getFocusedWindow();
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options);
  return response === 0;
}
