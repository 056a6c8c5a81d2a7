const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * True for the only addresses the app hands to the system: absolute http(s)
 * and mailto. Relative links have nothing to resolve against (the window's own
 * origin is app://, never a place to send a reader) and are refused, as are
 * javascript:, file:, data: and every other scheme. Main checks again.
 */
export function isExternalUrl(href: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** The host to show next to "Open original", so the reader knows where it leads. */
export function hostOf(href: string): string {
  try {
    return new URL(href).host;
  } catch {
    return '';
  }
}

/** The link a click landed in, if any (clicks often land on a <b> or <mark> inside it). */
export function linkFromEventTarget(target: EventTarget | null): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  return target.closest('a');
}
