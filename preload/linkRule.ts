/**
 * The one link rule of the app, shared by the reader's sanitiser (renderer), the open-link dialog
 * (main) and every export (PDF, HTML, Markdown): a link leaves the app only as an absolute http,
 * https or mailto address. Pure, no Electron: main, the preload and the pages may all import it.
 */

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The mailto fields a link may fill in; `attach=` and the rest could hand a file or header over. */
const MAILTO_FIELDS = new Set(['to', 'cc', 'subject', 'body']);

/**
 * The address a link may lead to, or null. Refused: every scheme but http(s) and mailto, relative
 * links (the window's own origin is app://, never a place to send a reader), and addresses with a
 * user name or password (`https://trusted.org&x@127.0.0.1/` goes to 127.0.0.1, whatever it reads
 * like). A mailto address keeps its recipients and only the to, cc, subject and body fields.
 */
export function externalUrl(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'mailto:') url.search = mailtoFields(url.search);
  return url;
}

/** True for the only addresses the app hands to the system (see externalUrl). */
export const isExternalUrl = (href: string): boolean => externalUrl(href) !== null;

/** A mailto query with only the allowed fields, each as written (their encoding untouched). */
function mailtoFields(search: string): string {
  return search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const key = pair.split('=', 1)[0] ?? '';
      let name: string;
      try {
        name = decodeURIComponent(key).toLowerCase();
      } catch {
        return false;
      }
      return MAILTO_FIELDS.has(name);
    })
    .join('&');
}
