/** The app's link rule (http, https, mailto; no user-info): one rule for the reader, main and exports. */
export { isExternalUrl } from '../../preload/linkRule';

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
