import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import { isExternalUrl } from './links';

/**
 * What a bulletin body may contain: the structure of news text and nothing
 * that runs, styles, loads or submits. Everything else is dropped, its text kept.
 * No <h1>: the bulletin's own title heads the article.
 */
// One line per kind of element reads better than one tag per line:
// prettier-ignore
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'div', 'span',
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'cite', 'q', 'abbr',
  'ul', 'ol', 'li', 'blockquote',
  'h2', 'h3', 'h4', 'h5', 'h6',
  'figure', 'figcaption', 'img',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/** No style, no event handlers, no id/name (they could clobber globals), no target. */
const ALLOWED_ATTR = [
  'href',
  'title',
  'alt',
  'src',
  'width',
  'height',
  'colspan',
  'rowspan',
  'scope',
  'lang',
  'dir',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify's own URI check stays as it is (it also vets plain values such as
  // scope="col"); the hook below then narrows links to what main will open.

  // Belt and braces: these are not in the allow-list either, but their content must go too.
  FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'svg', 'math', 'template'],
  // Form controls' text is interface, not news ("Subscribe", a country <select>). Forms
  // themselves keep their text: some sites wrap a whole page in one.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'datalist'],
};

/** Remote images are off (offline by design, and a remote image tells a server who reads what). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

/** Where a remote image was: its address, for "Load images". */
export const REMOTE_IMAGE_CLASS = 'remote-image';
export const REMOTE_SRC_ATTRIBUTE = 'data-remote-src';

export type Sanitizer = (html: string) => DocumentFragment;

/**
 * Builds a sanitiser on its own DOMPurify instance (hooks are per instance, so
 * they never leak into another user of DOMPurify). `window` is a parameter so
 * tests can pass a DOM implementation of their own.
 */
export function createSanitizer(window: WindowLike): Sanitizer {
  const purify = createDOMPurify(window);
  // Placeholders this sanitiser made: DOMPurify's walk reaches them too, and their attributes are ours.
  const placeholders = new WeakSet<Node>();
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (placeholders.has(node)) data.forceKeepAttr = true;
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      // A link with nowhere safe to go stays as its text.
      if (href !== null && !isExternalUrl(href)) node.removeAttribute('href');
    } else if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!DATA_IMAGE.test(src)) {
        // Keep what the image was about, not the image. A web image leaves a placeholder that
        // "Load images" can fill (main fetches it; see BulletinBody): the page never loads it.
        const alt = node.getAttribute('alt')?.trim() ?? '';
        const document = node.ownerDocument;
        if (/^https?:\/\//i.test(src)) {
          const placeholder = document.createElement('span');
          placeholder.className = REMOTE_IMAGE_CLASS;
          placeholder.setAttribute(REMOTE_SRC_ATTRIBUTE, src);
          if (alt) {
            placeholder.setAttribute('role', 'img');
            placeholder.setAttribute('aria-label', alt);
            placeholder.textContent = `[${alt}]`;
          } else {
            placeholder.setAttribute('aria-hidden', 'true');
          }
          placeholders.add(placeholder);
          node.replaceWith(placeholder);
        } else if (alt) node.replaceWith(document.createTextNode(`[${alt}]`));
        else node.remove();
      }
    }
  });

  return (html) =>
    // A frameset document has no body, and DOMPurify then hands back null rather than a fragment.
    (purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null) ??
    (window.document as Document).createDocumentFragment();
}

let sanitizer: Sanitizer | null = null;

/** Sanitises untrusted bulletin HTML into a detached fragment, ready to insert. */
export function sanitizeBody(html: string): DocumentFragment {
  sanitizer ??= createSanitizer(window);
  return sanitizer(html);
}
