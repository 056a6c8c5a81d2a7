/**
 * The digest text format field staff receive by e-mail and on USB sticks:
 *
 *   12 November, 2020            ← a date line (also "November 12, 2020",
 *                                  "12 de noviembre de 2020", "12 novembre 2020")
 *                                ← a blank line
 *   Title of the bulletin        ← the title
 *                                ← a blank line
 *   One or more paragraphs…      ← the body, paragraphs separated by blank lines
 *
 * Entries are separated by one or more blank lines. Pure: no I/O, no Electron.
 */

import { collapseSpace } from '../search/htmlText';

export interface DigestEntry {
  /** Calendar date, YYYY-MM-DD. */
  published: string;
  /** The date as written in the file. */
  publishedText: string;
  /** The language the date line is written in: the digest's language. */
  language: 'en' | 'es' | 'fr';
  title: string;
  paragraphs: string[];
}

const MONTHS: Record<'en' | 'es' | 'fr', string[]> = {
  en: [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  // Accents are folded before lookup: "février", "août", "décembre".
  fr: [
    'janvier',
    'fevrier',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'aout',
    'septembre',
    'octobre',
    'novembre',
    'decembre',
  ],
};
// Spanish also writes "setiembre".
const ALIASES: Record<string, { language: 'es'; month: number }> = {
  setiembre: { language: 'es', month: 9 },
};

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** The date patterns of digests: day-month-year (en, fr), "de" between (es), month-day-year (en). */
const PATTERNS: { pattern: RegExp; order: 'dmy' | 'mdy'; only?: 'es' }[] = [
  { pattern: /^\s*(\d{1,2})\s+de\s+(\p{L}+)\s+de\s+(\d{4})\s*$/iu, order: 'dmy', only: 'es' },
  { pattern: /^\s*(\d{1,2})(?:er)?\s+(\p{L}+),?\s+(\d{4})\s*$/iu, order: 'dmy' },
  { pattern: /^\s*(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})\s*$/iu, order: 'mdy' },
];

function monthOf(name: string): { language: 'en' | 'es' | 'fr'; month: number } | null {
  const folded = fold(name);
  const alias = ALIASES[folded];
  if (alias) return alias;
  for (const language of ['en', 'es', 'fr'] as const) {
    const month = MONTHS[language].indexOf(folded) + 1;
    if (month > 0) return { language, month };
  }
  return null;
}

/** A digest date line as a calendar date and its language; null when the line is not such a date. */
export function readDigestDate(line: string): { date: string; language: 'en' | 'es' | 'fr' } | null {
  for (const { pattern, order, only } of PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, first = '', second = '', yearText = ''] = match;
    const [dayText, monthName] = order === 'dmy' ? [first, second] : [second, first];
    const found = monthOf(monthName);
    if (!found || (only && found.language !== only)) continue;
    const day = Number(dayText);
    const year = Number(yearText);
    if (day < 1 || day > daysInMonth(year, found.month)) return null;
    const date = `${yearText}-${String(found.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { date, language: found.language };
  }
  return null;
}

/** "12 November, 2020" (and the other forms above) → "2020-11-12"; null when the line is not a date. */
export function parseDigestDate(line: string): string | null {
  return readDigestDate(line)?.date ?? null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a digest into entries. Text before the first date line is ignored. */
export function parseDigest(text: string): DigestEntry[] {
  const blocks = blocksOf(text.replace(/^\uFEFF/, ''));
  const entries: DigestEntry[] = [];
  let current: DigestEntry | null = null;
  let expectTitle = false;
  for (const block of blocks) {
    const date = readDigestDate(block);
    if (date) {
      current = {
        published: date.date,
        publishedText: block,
        language: date.language,
        title: '',
        paragraphs: [],
      };
      entries.push(current);
      expectTitle = true;
    } else if (current && expectTitle) {
      current.title = block;
      expectTitle = false;
    } else if (current) {
      current.paragraphs.push(block);
    }
  }
  return entries.filter((entry) => entry.title !== '');
}

/**
 * The text's blocks (runs of non-blank lines, each run as one line), read line by line:
 * splitting into an array of every line, blank ones included, made a file of a million blank
 * lines cost 30× what one of 125,000 did (allocation, not work).
 */
function blocksOf(text: string): string[] {
  const blocks: string[] = [];
  let block: string[] = [];
  for (let start = 0; start <= text.length;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end += 1;
    const line = text.slice(start, end).trim();
    if (line !== '') block.push(line);
    else if (block.length > 0) {
      blocks.push(collapseSpace(block.join(' ')));
      block = [];
    }
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  if (block.length > 0) blocks.push(collapseSpace(block.join(' ')));
  return blocks;
}
