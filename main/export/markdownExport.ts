import { decodeHTML } from 'entities';
import type { PrintJob } from '../../preload/printContract';
import { collapseSpace, replaceTags } from '../search/htmlText';

/** The words a Markdown export needs, already translated by the caller. */
export interface MarkdownLabels {
  exportedOn: string;
  count: string;
  from: string;
  contents: string;
  countries: (list: readonly string[]) => string;
  note: string;
  original: string;
}

/**
 * A print job as Markdown: the same parts as the PDF (cover facts, contents
 * linking to each bulletin, then the bulletins), bodies reduced to plain
 * paragraphs. Bodies and titles are untrusted: Markdown syntax and raw HTML
 * in them are escaped, so they read as text in every Markdown viewer.
 */
export function markdownExport(
  job: PrintJob,
  labels: MarkdownLabels,
  formatDate: (iso: string) => string,
): string {
  const out: string[] = [];
  if (job.cover) {
    out.push(`# ${inline(job.title)}`, '');
    out.push(
      `- ${labels.exportedOn}: ${formatDate(job.exportedAt)}`,
      `- ${labels.count}`,
      `- ${labels.from}`,
      '',
    );
  }
  if (job.tableOfContents) {
    out.push(`## ${inline(labels.contents)}`, '');
    job.bulletins.forEach((bulletin, index) =>
      out.push(`${index + 1}. [${inline(bulletin.title)}](#${bulletin.anchor})`),
    );
    out.push('');
  }
  for (const bulletin of job.bulletins) {
    out.push(`<a id="${bulletin.anchor}"></a>`, '', `## ${inline(bulletin.title)}`, '');
    const meta = [formatDate(bulletin.published), inline(bulletin.source)];
    if (bulletin.countries.length > 0) meta.push(inline(labels.countries(bulletin.countries)));
    out.push(`*${meta.join(' · ')}*`, '');
    const paragraphs = bulletin.bodyHtml ? htmlParagraphs(bulletin.bodyHtml) : [bulletin.summary];
    for (const paragraph of paragraphs.filter((text) => text.trim() !== '')) out.push(inline(paragraph), '');
    if (bulletin.note) out.push(`> **${inline(labels.note)}:** ${inline(bulletin.note)}`, '');
    if (bulletin.link)
      out.push(`${inline(labels.original)} <${bulletin.link.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Tags that end a line of text: each block (paragraph, heading, list item…) is its own line. */
const BLOCKS = new Set(
  'p div br h1 h2 h3 h4 h5 h6 li ul ol blockquote tr table figure figcaption hr'.split(' '),
);
const HIDDEN = ['script', 'style', 'template', 'textarea', 'select', 'button'];

/** The text of untrusted HTML, one entry per block (paragraph, heading, list item…). */
export function htmlParagraphs(html: string): string[] {
  const text = replaceTags(
    html,
    ({ name, closing }) => {
      if (name === 'li' && !closing) return '\n\u2022 ';
      return BLOCKS.has(name) ? '\n' : '';
    },
    HIDDEN,
  );
  return decodeHTML(text)
    .split(/\n+/)
    .map((line) => collapseSpace(line).trim())
    .filter((line) => line !== '');
}

/** Text safe to drop into a Markdown line: no markup, link, emphasis or HTML of its own. */
export function inline(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
      // A line that would start a list item stays a sentence.
      .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
      .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
