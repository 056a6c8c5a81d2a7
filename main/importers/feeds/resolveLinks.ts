import render from 'dom-serializer';
import { Element, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** An absolute URL for `href` against `base`; `href` unchanged when either is unusable. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  // An absolute URL is kept as written: URL parsing would re-case and re-encode it.
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'action'];

/**
 * Makes the links and images in a feed's HTML absolute against its xml:base, so they
 * still point somewhere once the HTML is shown outside the feed. Text and markup are
 * serialised back unchanged (no entity re-encoding): only URL attributes move.
 */
export function resolveHtmlLinks(html: string, base: string | undefined): string {
  if (!base || !/\s(?:href|src|poster|cite|background|longdesc|action)\s*=/i.test(html)) return html;
  const document = parseDocument(html, { decodeEntities: false });
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!(node instanceof Element)) continue;
      for (const name of URL_ATTRIBUTES) {
        const value = node.attribs[name];
        if (value !== undefined) node.attribs[name] = resolveUrl(value, base) ?? value;
      }
      visit(node.children);
    }
  };
  visit(document.children);
  return render(document, { decodeEntities: false, encodeEntities: false });
}
