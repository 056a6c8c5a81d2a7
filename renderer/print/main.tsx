// The print template of PDF exports: main loads it in a hidden window, awaits
// the promise below, then prints the page (main/export/renderPdf.ts).
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/400-italic.css';
import '@fontsource/noto-sans/700.css';
// Arabic script in Amiri: Noto Sans Arabic (and Naskh, Kufi) draw the dots of letters as
// separate mark glyphs, and PDF text extraction (copy, search, screen readers' fallbacks)
// then breaks words apart at every dotted letter. Amiri's letters are whole glyphs.
import '@fontsource/amiri/arabic-400.css';
import '@fontsource/amiri/arabic-700.css';
import './print.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type {
  PrintJob,
  PrintReadiness,
  PrintReadyGlobal,
  PrintSnapshotGlobal,
} from '../../preload/printContract';
import { i18n, initI18n } from '../i18n/i18n';
import { PrintDocument } from './PrintDocument';
import { snapshot } from './snapshot';

/** Where main put this export's data: a one-off app:// path, passed in the fragment. */
const DATA_PATH = /^\/print-data\/[0-9a-f]{32}\.json$/;

async function render(): Promise<PrintReadiness> {
  try {
    const path = decodeURIComponent(location.hash.slice(1));
    if (!DATA_PATH.test(path)) return { ok: false, reason: 'no export data named' };
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) return { ok: false, reason: `export data unavailable (${response.status})` };
    const job = (await response.json()) as PrintJob;
    // The labels in the app's language, and the page mirrored when it is Arabic.
    initI18n(job.language);
    const element = document.getElementById('print-root');
    if (!element) return { ok: false, reason: 'print.html has no #print-root' };
    document.title = job.title;
    // Committed synchronously, so the layout below already holds every bulletin.
    flushSync(() => createRoot(element).render(<PrintDocument job={job} language={i18n.language} />));
    // Layout now, so every font the text needs has started loading, then wait for them all.
    document.body.getBoundingClientRect();
    await document.fonts.ready;
    return { ok: true, count: job.bulletins.length };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const READY: PrintReadyGlobal = 'bulletinPrintReady';
const SNAPSHOT: PrintSnapshotGlobal = 'bulletinPrintSnapshot';
Object.assign(window, {
  [READY]: render(),
  [SNAPSHOT]: () => snapshot(document.getElementById('print-root') ?? document.body),
});
