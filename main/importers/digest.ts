/**
 * The digest text format field staff receive by e-mail and on USB sticks:
 *
 *   12 November, 2020            ← a date line (see readDigestDate for the forms read)
 *                                ← a blank line
 *   Title of the bulletin        ← the title
 *                                ← a blank line
 *   One or more paragraphs…      ← the body, paragraphs separated by blank lines
 *
 * Entries are separated by one or more blank lines. Every block of text ends up in an entry or in
 * the problems: an entry whose date does not exist, text before the first date line, a date line
 * with no title. Pure: no I/O, no Electron. Lines are read by a scanner over their characters,
 * never by a pattern that could backtrack over a long line.
 */

import { collapseSpace } from '../search/htmlText';

export type DigestLanguage = 'en' | 'es' | 'fr';

export interface DigestEntry {
  /** Calendar date, YYYY-MM-DD. */
  published: string;
  /** The date as written in the file. */
  publishedText: string;
  /**
   * The language the date line is written in, else the digest's (see digestLanguage); "und" when
   * no date line of the digest names one (the importer then detects it from the text).
   */
  language: DigestLanguage | 'und';
  title: string;
  paragraphs: string[];
}

/** A block of the file that became no bulletin, and why (an i18n key under `rejected.`). */
export interface DigestProblem {
  problem: 'impossibleDate' | 'undated' | 'noTitle';
  /** The date line as written, or the start of the undated text. */
  text: string;
}

export interface DigestRead {
  entries: DigestEntry[];
  problems: DigestProblem[];
}

const MONTHS: Record<DigestLanguage, string[]> = {
  en: 'january february march april may june july august september october november december'.split(' '),
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
  // Accents are folded before lookup: "février", "août", "décembre".
  fr: 'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' '),
};
/** Short forms people type ("12 Nov 2020", "12 nov. 2020"), by month; some serve several languages. */
const SHORT_MONTHS: Record<string, { month: number; languages: DigestLanguage[] }> = {};
const short = (languages: DigestLanguage[], names: string) =>
  names.split(' ').forEach((name, index) => {
    if (name === '-') return;
    const known = SHORT_MONTHS[name];
    if (known) known.languages.push(...languages);
    else SHORT_MONTHS[name] = { month: index + 1, languages: [...languages] };
  });
short(['en'], 'jan feb mar apr - jun jul aug sep oct nov dec');
short(['en'], '- - - - - - - - sept - - -');
short(['es'], 'ene feb mar abr may jun jul ago sep oct nov dic');
short(['es'], '- - - - - - - - set - - -'); // and "setiembre", below
short(['fr'], 'janv fevr mars avr mai juin juil aout sept oct nov dec');
short(['fr'], '- fev - - - - - - - - - -');

const WEEKDAYS: Record<DigestLanguage, string[]> = {
  en: 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  ),
  es: 'lunes martes miercoles jueves viernes sabado domingo'.split(' '),
  fr: 'lundi mardi mercredi jeudi vendredi samedi dimanche'.split(' '),
};
const LANGUAGES: DigestLanguage[] = ['en', 'es', 'fr'];
/** "12th", "1st", "1er": a day's ordinal ending. */
const ORDINALS = new Set(['st', 'nd', 'rd', 'th', 'er']);

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

interface Month {
  month: number;
  /** Set when the name belongs to one language only. */
  language?: DigestLanguage;
}

function monthOf(word: string): Month | null {
  if (word === 'setiembre') return { month: 9, language: 'es' };
  for (const language of LANGUAGES) {
    const month = MONTHS[language].indexOf(word) + 1;
    if (month > 0) return { month, language };
  }
  const shortForm = SHORT_MONTHS[word];
  if (!shortForm) return null;
  const [only, ...others] = shortForm.languages;
  return { month: shortForm.month, ...(only && others.length === 0 ? { language: only } : {}) };
}

const weekdayLanguage = (word: string) => LANGUAGES.find((language) => WEEKDAYS[language].includes(word));

type Token =
  { kind: 'number'; text: string } | { kind: 'word'; text: string } | { kind: 'mark'; text: string };

/** The longest date line read ("miércoles, 30 de septiembre de 2020" is 36): longer is text. */
const MAX_DATE_LINE = 64;
const LETTER = /\p{L}/u;

/** A short line as numbers, folded words and the marks between them; null when it holds anything else. */
function tokens(line: string): Token[] | null {
  const text = line.normalize('NFC');
  if (text.length > MAX_DATE_LINE) return null;
  const found: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    const start = at;
    if (char >= '0' && char <= '9') {
      while (at < text.length && (text[at] as string) >= '0' && (text[at] as string) <= '9') at++;
      found.push({ kind: 'number', text: text.slice(start, at) });
    } else if (LETTER.test(char)) {
      while (at < text.length && LETTER.test(text[at] as string)) at++;
      found.push({ kind: 'word', text: fold(text.slice(start, at)) });
    } else if (',./-'.includes(char)) {
      found.push({ kind: 'mark', text: char });
      at++;
    } else if (char === ' ' || char === '\t' || char === '\u00a0') {
      at++;
    } else {
      return null;
    }
  }
  return found;
}

/** A date line as read: a date, a date that cannot exist, or (null) not a date line at all. */
export type DateLine =
  { date: string; language?: DigestLanguage } | { impossible: true; language?: DigestLanguage };

/**
 * Reads a digest date line, in English, Spanish or French, with or without a weekday first:
 *   12 November 2020 · 12 Nov 2020 · 12th November, 2020 · November 12, 2020 · Nov. 12, 2020
 *   12 de noviembre de 2020 · 12 novembre 2020 · 1er février 2021
 *   Thursday, 12 November 2020 · jueves 12 de noviembre de 2020 · jeudi 12 novembre 2020
 *   12/11/2020 (also 12.11.2020, 12-11-2020): day first in a Spanish or French digest, month first
 *   in an English one (`language`, the digest's); when only one order is a real date, that one.
 * A weekday is not checked against the date: the date is what the entry is filed under.
 */
export function readDigestDate(line: string, language: DigestLanguage = 'en'): DateLine | null {
  const found = tokens(line.trim());
  if (!found || found.length === 0) return null;
  let parts = found;
  let spoken: DigestLanguage | undefined;
  const first = parts[0];
  const weekday = first?.kind === 'word' ? weekdayLanguage(first.text) : undefined;
  if (weekday) {
    spoken = weekday;
    parts = parts.slice(parts[1]?.kind === 'mark' && parts[1].text === ',' ? 2 : 1);
  }
  const numeric = readNumericDate(parts, language);
  if (numeric) return numeric;
  // Commas and an abbreviation's dot carry nothing in the worded forms.
  const words = parts.filter((token) => token.kind !== 'mark' || (token.text !== ',' && token.text !== '.'));
  if (words.some((token) => token.kind === 'mark')) return null;
  const worded = wordedDate(words);
  if (!worded) return null;
  if (worded.spanish) spoken = spoken ?? 'es';
  const { day, monthWord, year } = worded;
  const month = monthOf(monthWord);
  if (!month || year.length !== 4 || day.length > 2) return null;
  const dateLanguage = spoken ?? month.language;
  // "12 de November de 2020": the Spanish form takes Spanish month names only.
  if (spoken === 'es' && month.language && month.language !== 'es') return null;
  return calendarDate(Number(year), month.month, Number(day), dateLanguage);
}

const isNumber = (token: Token | undefined) => token?.kind === 'number';
const isWord = (token: Token | undefined) => token?.kind === 'word';
const isOrdinal = (token: Token | undefined) => token?.kind === 'word' && ORDINALS.has(token.text);

/** The worded forms, by their tokens: day first, the Spanish "de" form, month first. */
function wordedDate(words: Token[]): { day: string; monthWord: string; year: string; spanish?: true } | null {
  const [w0, w1, w2, w3, w4] = words;
  const text = (token: Token | undefined) => token?.text ?? '';
  if (words.length === 5 && isNumber(w0) && text(w1) === 'de' && isWord(w2) && isNumber(w4))
    return text(w3) === 'de' || text(w3) === 'del'
      ? { day: text(w0), monthWord: text(w2), year: text(w4), spanish: true }
      : null;
  if (words.length === 3 && isNumber(w0) && isWord(w1) && isNumber(w2))
    return { day: text(w0), monthWord: text(w1), year: text(w2) };
  if (words.length === 4 && isNumber(w0) && isOrdinal(w1) && isWord(w2) && isNumber(w3))
    return { day: text(w0), monthWord: text(w2), year: text(w3) };
  if (words.length === 3 && isWord(w0) && isNumber(w1) && isNumber(w2))
    return { day: text(w1), monthWord: text(w0), year: text(w2) };
  if (words.length === 4 && isWord(w0) && isNumber(w1) && isOrdinal(w2) && isNumber(w3))
    return { day: text(w1), monthWord: text(w0), year: text(w3) };
  return null;
}

/** "12/11/2020", "12.11.2020", "12-11-2020": the order is the digest's language's. */
function readNumericDate(parts: Token[], language: DigestLanguage): DateLine | null {
  const [a, mark, b, again, year, ...rest] = parts;
  if (rest.length > 0 || a?.kind !== 'number' || b?.kind !== 'number' || year?.kind !== 'number') return null;
  if (mark?.kind !== 'mark' || mark.text === ',' || again?.text !== mark.text) return null;
  if (a.text.length > 2 || b.text.length > 2 || year.text.length !== 4) return null;
  const [x, y, z] = [Number(a.text), Number(b.text), Number(year.text)];
  const dayFirst = language !== 'en';
  // The numbers say nothing of the language: the entry takes the digest's.
  const preferred = dayFirst ? calendarDate(z, y, x) : calendarDate(z, x, y);
  if (!('impossible' in preferred)) return preferred;
  // Only the other order is a real date ("25/12/2020" in an English digest): it is meant.
  return dayFirst ? calendarDate(z, x, y) : calendarDate(z, y, x);
}

function calendarDate(year: number, month: number, day: number, language?: DigestLanguage): DateLine {
  const known = language ? { language } : {};
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return { impossible: true, ...known };
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, ...known };
}

/**
 * The digest's language: that of its first date line that names one (a month or weekday of one
 * language, or the Spanish "de"); undefined when none does. It orders numeric dates (month first
 * when undefined) and is the language of entries whose date line is shared by the three
 * ("12 Nov 2020", "12/11/2020").
 */
function digestLanguage(blocks: readonly string[]): DigestLanguage | undefined {
  for (const block of blocks) {
    const line = readDigestDate(block);
    if (line?.language) return line.language;
  }
  return undefined;
}

/** A block quoted in the report: short enough to read. */
const quoted = (block: string) => (block.length > 80 ? `${block.slice(0, 79)}…` : block);

/** Splits a digest into entries, and names every block that could not join one. */
export function parseDigest(text: string): DigestRead {
  const blocks = blocksOf(text.replace(/^\uFEFF/, ''));

  const language = digestLanguage(blocks);
  const entries: DigestEntry[] = [];
  const problems: DigestProblem[] = [];
  let current: DigestEntry | null = null;
  /** After a date that does not exist: the blocks that follow are its entry's, and go with it. */
  let skipping = false;
  let expectTitle = false;
  const undated: string[] = [];
  for (const block of blocks) {
    const date = readDigestDate(block, language);
    if (date && 'impossible' in date) {
      problems.push({ problem: 'impossibleDate', text: quoted(block) });
      current = null;
      skipping = true;
    } else if (date) {
      current = {
        published: date.date,
        publishedText: block,
        language: date.language ?? language ?? 'und',
        title: '',
        paragraphs: [],
      };
      entries.push(current);
      expectTitle = true;
      skipping = false;
    } else if (current && expectTitle) {
      current.title = block;
      expectTitle = false;
    } else if (current) {
      current.paragraphs.push(block);
    } else if (!skipping) {
      undated.push(block);
    }
  }
  // Text before the first date line has no entry to join: one problem, quoting its start.
  if (undated.length > 0 && entries.length + problems.length > 0)
    problems.unshift({ problem: 'undated', text: quoted(undated[0] as string) });
  for (const entry of entries)
    if (entry.title === '') problems.push({ problem: 'noTitle', text: quoted(entry.publishedText) });
  return { entries: entries.filter((entry) => entry.title !== ''), problems };
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
