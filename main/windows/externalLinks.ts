import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import { t } from '../i18n';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Opens a link from a bulletin in the system browser, but only a web or mail
 * address, and only after the user has seen the real address: link text in
 * untrusted HTML can say anything.
 */
export async function openExternalLink(url: string, owner: BrowserWindow | null): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(t('errors.unsupportedLink'));
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) throw new Error(t('errors.unsupportedLink'));
  const options = {
    type: 'question' as const,
    message: t('openLink.message'),
    detail: parsed.href,
    buttons: [t('openLink.open'), t('openLink.cancel')],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  // Only http(s) and mailto, and only after the user confirmed the address shown in full.
  await shell.openExternal(parsed.href); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}
