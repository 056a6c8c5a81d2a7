import { useLayoutEffect, useRef } from 'react';
import { REMOTE_IMAGE_CLASS, REMOTE_SRC_ATTRIBUTE, sanitizeBody } from '../reader/sanitize';

interface PrintBodyProps {
  bodyHtml: string | undefined;
  summary: string;
  /** Kept images as data: URLs by their `src` (main/offline): placeholders become the images. */
  images: Readonly<Record<string, string>> | undefined;
}

/**
 * A bulletin's text for print, sanitised by the reader's own sanitiser and
 * inserted as nodes (as BulletinBody does): what the PDF shows is exactly
 * what the reading pane shows.
 */
export function PrintBody({ bodyHtml, summary, images }: PrintBodyProps) {
  const container = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    if (bodyHtml && bodyHtml.trim() !== '') {
      const content = sanitizeBody(bodyHtml);
      for (const placeholder of content.querySelectorAll<HTMLElement>(`.${REMOTE_IMAGE_CLASS}`)) {
        const dataUrl = images?.[placeholder.getAttribute(REMOTE_SRC_ATTRIBUTE) ?? ''];
        // Only data: URLs: a printed page never reaches for anything, and an HTML export stays one file.
        if (!dataUrl?.startsWith('data:image/')) continue;
        const image = document.createElement('img');
        image.src = dataUrl;
        image.alt = placeholder.getAttribute('aria-label') ?? '';
        placeholder.replaceWith(image);
      }
      element.replaceChildren(content);
    } else {
      const paragraph = document.createElement('p');
      paragraph.textContent = summary;
      element.replaceChildren(paragraph);
    }
  }, [bodyHtml, summary, images]);

  return <div ref={container} className="print-body" />;
}
