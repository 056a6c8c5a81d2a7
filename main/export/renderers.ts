import type { ExportOptions } from '../../preload/contract';
import type { PrintJob, PrintSnapshotGlobal } from '../../preload/printContract';
import { t } from '../i18n';
import { printOptions } from './pdfTemplates';
import { withPrintWindow, type RenderSteps } from './printWindow';

const SNAPSHOT: PrintSnapshotGlobal = 'bulletinPrintSnapshot';

/** The export as a PDF: Chromium's printToPDF of the laid-out template. */
export function renderPdf(
  job: PrintJob,
  options: ExportOptions,
  pageOf: string,
  steps: RenderSteps,
): Promise<Buffer> {
  return withPrintWindow(job, steps, (contents) => contents.printToPDF(printOptions(options, pageOf)));
}

/** The export as one self-contained HTML file: the laid-out template, its styles inlined. */
export async function renderHtml(job: PrintJob, steps: RenderSteps): Promise<string> {
  const html: unknown = await withPrintWindow(job, steps, (contents) =>
    contents.executeJavaScript(`window.${SNAPSHOT}()`),
  );
  if (typeof html !== 'string') throw new Error(t('export.printNoHtml'));
  return html;
}
