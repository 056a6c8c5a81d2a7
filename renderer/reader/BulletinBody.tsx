import { useLayoutEffect, useRef } from 'react';
import { highlightTextNodes } from '../search/highlightDom';
import { REMOTE_IMAGE_CLASS, REMOTE_SRC_ATTRIBUTE, sanitizeBody } from './sanitize';

interface BulletinBodyProps {
  bodyHtml: string | undefined;
  /** Plain text, shown as a paragraph when there is no HTML body. */
  summary: string;
  terms: readonly string[];
  language: string;
  /** Remote images the user chose to load, as data: URLs by their `src` (see "Load images"). */
  images: Readonly<Record<string, string>> | undefined;
  /** Told how many remote images the body has (placeholders, loaded or not). */
  onRemoteImages: (count: number) => void;
}

/**
 * The bulletin's text. The HTML comes from outside (feeds, files from a USB
 * stick), so it is sanitised into a DOM fragment and inserted as nodes: React
 * never sees it as a string and nothing is parsed with innerHTML here. Search
 * terms are then marked in its text nodes. Clicks on links are handled by the
 * article around this (see ReaderPane): they never navigate the window.
 */
export function BulletinBody({
  bodyHtml,
  summary,
  terms,
  language,
  images,
  onRemoteImages,
}: BulletinBodyProps) {
  const container = useRef<HTMLDivElement>(null);

  // Layout effect: the new text is in place before the pane is painted or scrolled.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    let content: DocumentFragment;
    if (bodyHtml && bodyHtml.trim() !== '') {
      content = sanitizeBody(bodyHtml);
    } else {
      content = document.createDocumentFragment();
      const paragraph = document.createElement('p');
      paragraph.textContent = summary;
      content.append(paragraph);
    }
    const placeholders = [...content.querySelectorAll<HTMLElement>(`.${REMOTE_IMAGE_CLASS}`)];
    for (const placeholder of placeholders) {
      const dataUrl = images?.[placeholder.getAttribute(REMOTE_SRC_ATTRIBUTE) ?? ''];
      if (!dataUrl) continue;
      const image = document.createElement('img');
      image.src = dataUrl;
      image.alt = placeholder.getAttribute('aria-label') ?? '';
      placeholder.replaceWith(image);
    }
    highlightTextNodes(content, terms);
    element.replaceChildren(content);
    onRemoteImages(placeholders.length);
  }, [bodyHtml, summary, terms, images, onRemoteImages]);

  return <div ref={container} className="reader-body" lang={language} dir="auto" />;
}
