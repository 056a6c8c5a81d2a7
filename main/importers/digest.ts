/**
 * The digest text format field staff receive by e-mail and on USB sticks:
 *
 *   12 November, 2020            ← a date line
 *                                ← a blank line
 *   Title of the bulletin        ← the title
 *                                ← a blank line
 *   One or more paragraphs…      ← the body, paragraphs separated by blank lines
 *
 * Entries are separated by one or more blank lines. Pure: no I/O, no Electron.
 */

export interface DigestEntry {
  /** Calendar date, YYYY-MM-DD. */
  published: string;
  /** The date as written in the file. */
  publishedText: string;
  title: string;
  paragraphs: string[];
}

const MONTHS = [
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
];

/** "12 November, 2020" (comma optional) → "2020-11-12"; null when the line is not such a date. */
export function parseDigestDate(line: string): string | null {
  const match = /^\s*(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})\s*$/.exec(line);
  if (!match) return null;
  const [, dayText = '', monthName = '', yearText = ''] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const day = Number(dayText);
  const year = Number(yearText);
  if (month === 0 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a digest into entries. Text before the first date line is ignored. */
export function parseDigest(text: string): DigestEntry[] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .reduce<string[][]>(
      (groups, line) => {
        if (line.trim() === '') groups.push([]);
        else groups[groups.length - 1]?.push(line.trim());
        return groups;
      },
      [[]],
    )
    .filter((block) => block.length > 0)
    .map((block) => block.join(' ').replace(/\s+/g, ' '));

  const entries: DigestEntry[] = [];
  let current: DigestEntry | null = null;
  let expectTitle = false;
  for (const block of blocks) {
    const published = parseDigestDate(block);
    if (published) {
      current = { published, publishedText: block, title: '', paragraphs: [] };
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
