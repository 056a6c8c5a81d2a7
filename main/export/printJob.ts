import type { Bulletin, ExportOptions, ExportScope } from '../../preload/contract';
import { externalUrl } from '../../preload/linkRule';
import type { PrintBulletin, PrintJob, PrintOrigin } from '../../preload/printContract';

/** Languages written right to left (BCP 47 primary subtags). */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
/** The first strongly directional letter decides when the language tag does not. */
const FIRST_STRONG =
  /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|([\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])/u;

export function textDirection(language: string, sample: string): 'ltr' | 'rtl' {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (RTL_LANGUAGES.has(primary)) return 'rtl';
  const match = FIRST_STRONG.exec(sample);
  return match?.[1] ? 'rtl' : 'ltr';
}

/** A bulletin's kept content as an export embeds it: images as data: URLs by their `src`. */
export interface KeptForExport {
  html?: string;
  images: Record<string, string>;
}

export function printOrigin(scope: ExportScope): PrintOrigin {
  if (scope.kind === 'ids') return { kind: 'ids', label: scope.label };
  return scope;
}

/**
 * The print window's data for one export. `noteFor` gives the user's note on
 * a bulletin; a note is only included when the options ask for notes.
 */
export function buildPrintJob(
  bulletins: readonly Bulletin[],
  options: ExportOptions,
  scope: ExportScope,
  exportedAt: Date,
  noteFor: (id: string) => string | undefined = () => undefined,
  language = 'en',
  /** What is kept offline of a bulletin: its full article replaces the feed's text; its images are embedded. */
  kept: ReadonlyMap<string, KeptForExport> = new Map(),
): PrintJob {
  return {
    title: options.title.trim(),
    language,
    exportedAt: exportedAt.toISOString(),
    origin: printOrigin(scope),
    cover: options.cover,
    tableOfContents: options.tableOfContents,
    newPagePerBulletin: options.newPagePerBulletin,
    bulletins: bulletins.map((bulletin, index): PrintBulletin => {
      const note = options.includeNotes ? noteFor(bulletin.id)?.trim() : undefined;
      // The reader's link rule: PDF link annotations, HTML hrefs and Markdown autolinks are made
      // from this, so a file:, javascript: or ms-msdt: "original" never reaches an export.
      const allowed = options.includeLinks && bulletin.link ? externalUrl(bulletin.link) : null;
      // As written, unless a mailto: lost fields (attach=…) to the rule.
      const link = allowed?.protocol === 'mailto:' ? allowed.href : allowed ? bulletin.link : undefined;
      const keptContent = kept.get(bulletin.id);
      const bodyHtml = keptContent?.html ?? bulletin.bodyHtml;
      return {
        anchor: `bulletin-${index + 1}`,
        title: bulletin.title,
        published: bulletin.published,
        source: bulletin.source,
        language: bulletin.language,
        dir: textDirection(bulletin.language, bulletin.title),
        countries: bulletin.countries,
        ...(bodyHtml ? { bodyHtml } : {}),
        ...(keptContent && Object.keys(keptContent.images).length > 0 ? { images: keptContent.images } : {}),
        summary: bulletin.summary,
        ...(link ? { link } : {}),
        ...(note ? { note } : {}),
      };
    }),
  };
}
