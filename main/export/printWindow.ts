import { BrowserWindow, type WebContents } from 'electron';
import type { PrintJob, PrintReadiness, PrintReadyGlobal } from '../../preload/printContract';
import { t } from '../i18n';
import { PRINT_ENTRY } from '../windows/appProtocol';
import { offerPrintData, withdrawPrintData } from './printData';

const READY: PrintReadyGlobal = 'bulletinPrintReady';

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

export interface RenderSteps {
  /** Called as the window moves on: 'rendering' once it loads, 'printing' once it is ready. */
  onPhase(phase: 'rendering' | 'printing'): void;
  signal: AbortSignal;
}

/**
 * Lays out one export in a hidden window, then hands its contents to `use`
 * (print to PDF, or take the page as HTML). The window is as locked down as
 * the main one and has no preload at all: it calls nothing in main. Bulletin
 * bodies in it are sanitised by the reader's own sanitiser. It is always
 * closed, whatever happens; Cancel or a crash rejects at once.
 */
export async function withPrintWindow<T>(
  job: PrintJob,
  steps: RenderSteps,
  use: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const { token, path } = offerPrintData(JSON.stringify(job));
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      // Never shown: it must still lay out and load fonts at full speed.
      backgroundThrottling: false,
    },
  });
  const { signal } = steps;
  let stop: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_resolve, reject) => (stop = reject));
  // Keep a rejection nobody awaits (the work finished first) from being reported as unhandled.
  stopped.catch(() => {});
  const onAbort = () => stop(new ExportCancelled());
  const onGone = () => stop(new Error(t('export.printStopped')));
  signal.addEventListener('abort', onAbort);
  window.webContents.on('render-process-gone', onGone);
  try {
    if (signal.aborted) throw new ExportCancelled();
    // The token travels in the fragment: it is never part of a request the page makes for print.html.
    await Promise.race([window.loadURL(`${PRINT_ENTRY}#${path}`), stopped]);
    steps.onPhase('rendering');
    const readiness = (await Promise.race([
      window.webContents.executeJavaScript(`window.${READY}`),
      stopped,
    ])) as PrintReadiness | undefined;
    if (!readiness?.ok) throw new Error(readiness?.reason ?? t('export.printNotStarted'));
    steps.onPhase('printing');
    return await Promise.race([use(window.webContents), stopped]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    withdrawPrintData(token);
    if (!window.isDestroyed()) window.destroy();
  }
}
