import type { Bulletin, ExportRequest } from '../../preload/contract';
import type { PrintJob, PrintOrigin } from '../../preload/printContract';
import { countryName } from '../../resources/locales/displayNames';
import { currentLanguage, t } from '../i18n';
import { broadcast } from '../windows/mainWindow';
import { jsonExport } from './jsonExport';
import { markdownExport, type MarkdownLabels } from './markdownExport';
import { PAGE_NUMBER, TOTAL_PAGES } from './pdfTemplates';
import { buildPrintJob, type KeptForExport } from './printJob';
import { renderHtml, renderPdf } from './renderers';

/** The export's bytes or text, in its format. PDF and HTML are laid out by the print window. */
export async function renderExport(
  bulletins: Bulletin[],
  { scope, options }: ExportRequest,
  signal: AbortSignal,
  noteFor?: (id: string) => string | undefined,
  keptFor?: (bulletins: readonly Bulletin[]) => Promise<ReadonlyMap<string, KeptForExport>>,
): Promise<Uint8Array | string> {
  const now = new Date();
  if (options.format === 'json') return jsonExport(bulletins, options.title, now);
  const kept = options.format === 'markdown' || !keptFor ? undefined : await keptFor(bulletins);
  const job = buildPrintJob(bulletins, options, scope, now, noteFor, currentLanguage(), kept);
  if (options.format === 'markdown') return markdownExport(job, markdownLabels(job), formatDay);
  const steps = {
    signal,
    onPhase: (phase: 'rendering' | 'printing') =>
      broadcast('export:progress', { phase, fraction: phase === 'rendering' ? 0.2 : 0.6 }),
  };
  if (options.format === 'html') return renderHtml(job, steps);
  const pageOf = t('export.pageOf', { page: PAGE_NUMBER, total: TOTAL_PAGES });
  return renderPdf(job, options, pageOf, steps);
}

function markdownLabels(job: PrintJob): MarkdownLabels {
  return {
    exportedOn: t('export.exportedOn'),
    count: t('export.count', { count: job.bulletins.length }),
    from: t('export.from', { origin: originText(job.origin) }),
    contents: t('export.contents'),
    countries: (list) => t('export.countries', { countries: localCountries(list) }),
    note: t('export.note'),
    original: t('export.original'),
  };
}

function originText(origin: PrintOrigin): string {
  if (origin.kind === 'ids') return origin.label;
  const view = t(`views.${origin.view}`);
  return origin.kind === 'search' ? t('export.fromSearch', { query: origin.text, view }) : view;
}

/** "Mexico, Guatemala" as "México y Guatemala" in Spanish: names and the list in the UI's language. */
function localCountries(countries: readonly string[]): string {
  const language = currentLanguage();
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(
    countries.map((country) => countryName(country, language)),
  );
}

function formatDay(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' }).format(date);
}
