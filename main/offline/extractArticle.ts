import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { DOMParser } from 'linkedom';
import { createSanitizer, REMOTE_IMAGE_CLASS, REMOTE_SRC_ATTRIBUTE } from '../../renderer/reader/sanitize';

export interface ExtractedArticle {
  title: string;
  /** Sanitised with the reader's allow-list; web images keep their absolute address (the window shows kept ones). */
  html: string;
  text: string;
  /** The web images the article shows, absolute, in order, each once. */
  imageSources: string[];
}

/**
 * The article of a web page, as Firefox's Reader View finds it: Readability over linkedom
 * (docs/offline.md: on Readability's 130 test pages it agrees with the expected output as jsdom
 * does, F1 0.994, at a twentieth of the time and a quarter of the memory). linkedom cannot host
 * DOMPurify (it hands back its input unchanged), so the article — small beside its page — is
 * sanitised over jsdom with the reader's own allow-list: one allow-list for the window and main.
 * Null when the page has no article. Runs in a worker thread (extractWorker.ts): untrusted HTML
 * is never parsed on main's thread.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const document = new DOMParser().parseFromString(html, 'text/html');
  // linkedom has no document address; Readability makes links and images absolute against it.
  Object.defineProperty(document, 'documentURI', { value: pageUrl });
  Object.defineProperty(document, 'baseURI', { value: pageUrl });
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return null;

  const sanitize = sanitizerOverJsdom();
  const fragment = sanitize(article.content);
  // The sanitiser leaves a placeholder where a web image was; kept, it goes back to the <img> it
  // was (its http(s) address, its alt text), so the window's own sanitiser makes the placeholder
  // the reader fills with the kept image — as it does for the feed's text.
  const imageSources = new Set<string>();
  for (const placeholder of fragment.querySelectorAll(`.${REMOTE_IMAGE_CLASS}`)) {
    const src = placeholder.getAttribute(REMOTE_SRC_ATTRIBUTE);
    if (!src) continue;
    imageSources.add(src);
    const image = fragment.ownerDocument.createElement('img');
    image.setAttribute('src', src);
    image.setAttribute('alt', placeholder.getAttribute('aria-label') ?? '');
    placeholder.replaceWith(image);
  }
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  const text = (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return { title: article.title ?? '', html: holder.innerHTML, text, imageSources: [...imageSources] };
}

let sanitizer: ReturnType<typeof createSanitizer> | null = null;
function sanitizerOverJsdom() {
  sanitizer ??= createSanitizer(new JSDOM('<!doctype html><html><body></body></html>').window as never);
  return sanitizer;
}
