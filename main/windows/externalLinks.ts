import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import { externalUrl } from '../../preload/linkRule';
import { t } from '../i18n';

/**
 * What the confirmation shows: where the link really goes on a line of its own (scheme and host,
 * an international host as punycode, as URL's hostname gives it, so a look-alike name cannot pass
 * for the real one), then the full address. A mailto shows its recipients instead of a host.
 */
export function linkDestination(url: URL): string {
  if (url.protocol === 'mailto:') {
    const recipients = decodeURIComponent(url.pathname);
    return t('openLink.mailTo', { recipients: recipients || '—' });
  }
  return t('openLink.destination', { scheme: url.protocol.slice(0, -1), host: url.hostname });
}

/**
 * Opens a link from a bulletin in the system browser, but only a web or mail address under the
 * app's link rule (preload/linkRule.ts: http, https, mailto; no user name or password; a mailto
 * keeps only to, cc, subject and body), and only after the user has seen where it goes: link text
 * in untrusted HTML can say anything. Cancel is the default, so Enter never opens a link.
 */
export async function openExternalLink(url: string, owner: BrowserWindow | null): Promise<boolean> {
  const parsed = externalUrl(url);
  if (!parsed) throw new Error(t('errors.unsupportedLink'));
  const options = {
    type: 'question' as const,
    message: t('openLink.message'),
    detail: `${linkDestination(parsed)}\n\n${parsed.href}`,
    buttons: [t('openLink.open'), t('openLink.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  // Only what the rule allowed, and only after the user confirmed the address shown.
  await shell.openExternal(parsed.href); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}
