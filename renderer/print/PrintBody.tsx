import { useLayoutEffect, useRef } from 'react';
import { sanitizeBody } from '../reader/sanitize';

interface PrintBodyProps {
  bodyHtml: string | undefined;
  summary: string;
}

/**
 * A bulletin's text for print, sanitised by the reader's own sanitiser and
 * inserted as nodes (as BulletinBody does): what the PDF shows is exactly
 * what the reading pane shows.
 */
export function PrintBody({ bodyHtml, summary }: PrintBodyProps) {
  const container = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    if (bodyHtml && bodyHtml.trim() !== '') {
      element.replaceChildren(sanitizeBody(bodyHtml));
    } else {
      const paragraph = document.createElement('p');
      paragraph.textContent = summary;
      element.replaceChildren(paragraph);
    }
  }, [bodyHtml, summary]);

  return <div ref={container} className="print-body" />;
}
