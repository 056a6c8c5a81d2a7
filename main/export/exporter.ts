import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import type {
  Bulletin,
  ExportFormat,
  ExportOptions,
  ExportOutcome,
  ExportRequest,
  ExportScope,
} from '../../preload/contract';
import type { KeptForExport } from './printJob';
import { renderExport } from './renderExport';
import { t } from '../i18n';
import { defaultExportOptions, remembered } from './options';
import type { ExportSettings } from './exportSettings';
import { safeFileName } from './fileName';
import { writeAtomically } from '../store/durableJsonFile';
import { broadcast } from '../windows/mainWindow';

export interface Exporter {
  options(): Promise<ExportOptions>;
  run(request: ExportRequest, sender: WebContents): Promise<ExportOutcome | null>;
  cancel(): void;
  reveal(exportId: string): void;
  open(exportId: string): Promise<void>;
}

const FILE_TYPES: { [F in ExportFormat]: { extension: string; name: string } } = {
  pdf: { extension: 'pdf', name: 'export.pdfFiles' },
  html: { extension: 'html', name: 'export.htmlFiles' },
  markdown: { extension: 'md', name: 'export.markdownFiles' },
  json: { extension: 'json', name: 'export.jsonFiles' },
};

/** Asks where to save; null when the user cancels. */
async function chooseFile(sender: WebContents, options: ExportOptions): Promise<string | null> {
  const { extension, name } = FILE_TYPES[options.format];
  const owner = BrowserWindow.fromWebContents(sender);
  const dialogOptions = {
    title: t('export.saveTitle'),
    defaultPath: `${safeFileName(options.title)}.${extension}`,
    filters: [{ name: t(name), extensions: [extension] }],
  };
  const choice = owner
    ? await dialog.showSaveDialog(owner, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (choice.canceled || !choice.filePath) return null;
  return choice.filePath.toLowerCase().endsWith(`.${extension}`)
    ? choice.filePath
    : `${choice.filePath}.${extension}`;
}

/**
 * Runs exports, one at a time: remembers the options, asks where to save,
 * renders and writes the file atomically, reports progress on
 * 'export:progress'. Finished files are known to the renderer by an id only.
 */
export function createExporter(
  resolve: (scope: ExportScope) => Bulletin[] | Promise<Bulletin[]>,
  settings: ExportSettings,
  /** The user's note on a bulletin, printed under it when the options ask for notes. */
  noteFor?: (id: string) => string | undefined,
  /** Kept offline content to print in place of the feed's text (PDF and HTML). */
  keptFor?: (bulletins: readonly Bulletin[]) => Promise<ReadonlyMap<string, KeptForExport>>,
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
        const bulletins = await resolve(scope);
        if (bulletins.length === 0) return { status: 'empty' };
        const file = await chooseFile(sender, options);
        if (!file) return null;
        controller.signal.throwIfAborted();

        broadcast('export:progress', { phase: 'preparing', fraction: 0.05 });
        const content = await renderExport(bulletins, request, controller.signal, noteFor, keptFor);
        broadcast('export:progress', { phase: 'writing', fraction: 0.9 });
        await writeAtomically(file, content, controller.signal);
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
