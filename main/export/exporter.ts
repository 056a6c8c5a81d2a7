import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import type {
  Bulletin,
  ExportOptions,
  ExportOutcome,
  ExportRequest,
  ExportScope,
} from '../../preload/contract';
import { t } from '../i18n';
import { renderPdf } from './renderPdf';
import { defaultExportOptions, remembered } from './options';
import type { ExportSettings } from './exportSettings';
import { PAGE_NUMBER, TOTAL_PAGES } from './pdfTemplates';
import { buildPrintJob } from './printJob';
import { safeFileName } from './fileName';
import { writeFileAtomically } from './writeFileAtomically';
import { broadcast } from '../windows/mainWindow';

export interface Exporter {
  options(): Promise<ExportOptions>;
  run(request: ExportRequest, sender: WebContents): Promise<ExportOutcome | null>;
  cancel(): void;
  reveal(exportId: string): void;
  open(exportId: string): Promise<void>;
}

/** Asks where to save; null when the user cancels. */
async function chooseFile(sender: WebContents, title: string): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(sender);
  const options = {
    title: t('export.saveTitle'),
    defaultPath: `${safeFileName(title)}.pdf`,
    filters: [{ name: t('export.pdfFiles'), extensions: ['pdf'] }],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  return choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
}

/**
 * Runs exports, one at a time: remembers the options, asks where to save,
 * renders and writes the file atomically, reports progress on
 * 'export:progress'. Finished files are known to the renderer by an id only.
 */
export function createExporter(
  resolve: (scope: ExportScope) => Bulletin[],
  settings: ExportSettings,
): Exporter {
  let running: AbortController | null = null;
  const finished = new Map<string, string>();

  const pathOf = (exportId: string) => {
    const path = finished.get(exportId);
    if (!path) throw new Error(t('export.unknownFile'));
    return path;
  };

  return {
    async options() {
      return { ...defaultExportOptions(''), ...(await settings.load()) };
    },

    async run(request, sender) {
      if (running) throw new Error(t('export.busy'));
      // Running from the first moment: a Cancel pressed while the save dialog is up still counts.
      const controller = new AbortController();
      running = controller;
      try {
        const { scope, options } = request;
        await settings.save(remembered(options));
        const bulletins = resolve(scope);
        if (bulletins.length === 0) return { status: 'empty' };
        const file = await chooseFile(sender, options.title);
        if (!file) return null;
        controller.signal.throwIfAborted();

        broadcast('export:progress', { phase: 'preparing', fraction: 0.05 });
        const job = buildPrintJob(bulletins, options, scope, new Date());
        const pageOf = t('export.pageOf', { page: PAGE_NUMBER, total: TOTAL_PAGES });
        const pdf = await renderPdf(job, options, pageOf, {
          signal: controller.signal,
          onPhase: (phase) =>
            broadcast('export:progress', { phase, fraction: phase === 'rendering' ? 0.2 : 0.6 }),
        });
        broadcast('export:progress', { phase: 'writing', fraction: 0.9 });
        await writeFileAtomically(file, pdf, controller.signal);
        const exportId = randomUUID();
        finished.set(exportId, file);
        return { status: 'done', exportId, fileName: basename(file), count: bulletins.length };
      } catch (error) {
        if (controller.signal.aborted) return { status: 'cancelled' };
        throw error;
      } finally {
        running = null;
      }
    },

    cancel() {
      running?.abort();
    },

    reveal(exportId) {
      shell.showItemInFolder(pathOf(exportId));
    },

    async open(exportId) {
      const problem = await shell.openPath(pathOf(exportId));
      if (problem) throw new Error(t('export.openFailed'));
    },
  };
}
