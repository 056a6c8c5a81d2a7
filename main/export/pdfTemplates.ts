import type { ExportOptions } from '../../preload/contract';

/**
 * Chromium's header and footer templates: separate little documents that get
 * no stylesheet and default to a zero font size, hence the inline styles. The
 * spans with class pageNumber/totalPages are filled in by Chromium.
 */
const BAND_STYLE =
  'font-family: "Noto Sans", "Amiri", sans-serif; font-size: 8pt; color: #555; width: 100%; margin: 0 12mm;';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function headerTemplate(title: string): string {
  return `<div style='${BAND_STYLE} text-align: center;' dir="auto">${escapeHtml(title)}</div>`;
}

/**
 * `pageOf` is the translated "Page {{page}} of {{total}}" with the two numbers
 * already replaced by PAGE_NUMBER and TOTAL_PAGES (so a translation may order
 * them as its grammar needs).
 */
export const PAGE_NUMBER = '\u0000page\u0000';
export const TOTAL_PAGES = '\u0000total\u0000';

export function footerTemplate(pageOf: string): string {
  const text = escapeHtml(pageOf)
    .replace(PAGE_NUMBER, '<span class="pageNumber"></span>')
    .replace(TOTAL_PAGES, '<span class="totalPages"></span>');
  // dir=auto: an Arabic "الصفحة 1 من 3" reads right to left.
  return `<div style='${BAND_STYLE} text-align: center;' dir="auto">${text}</div>`;
}

/** The printToPDF options for an export (Electron's names; margins in inches). */
export function printOptions(options: ExportOptions, pageOf: string) {
  return {
    pageSize: options.pageSize,
    landscape: options.landscape,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options.title),
    footerTemplate: footerTemplate(pageOf),
    // Room for the header and footer bands above and below the text.
    margins: { top: 0.7, bottom: 0.7, left: 0.6, right: 0.6 },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  } as const;
}
