import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDigest, readDigestDate, type DigestLanguage } from '../../../main/importers/digest';
import { bulletinFromDigest } from '../../../main/importers/bulletinFromDigest';
import { growthRatio } from './hostileText';

const sample = readFileSync(
  fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url)),
  'utf8',
);

/** A date line's calendar date; null when it is no date or an impossible one. */
function parseDigestDate(line: string, language?: DigestLanguage): string | null {
  const read = readDigestDate(line, language);
  return read && 'date' in read ? read.date : null;
}

describe('readDigestDate', () => {
  it('reads the English dates digests use', () => {
    expect(parseDigestDate('12 November, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('2 October 2020')).toBe('2020-10-02');
    expect(parseDigestDate('  16 september, 2020 ')).toBe('2020-09-16');
  });

  it('reads month-first English, Spanish and French dates, accents or not', () => {
    expect(parseDigestDate('November 12, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('12 de noviembre de 2020')).toBe('2020-11-12');
    expect(parseDigestDate('3 de Setiembre de 2021')).toBe('2021-09-03');
    expect(parseDigestDate('12 novembre 2020')).toBe('2020-11-12');
    expect(parseDigestDate('1er février 2021')).toBe('2021-02-01');
    expect(parseDigestDate('15 aout 2021')).toBe('2021-08-15');
  });

  it('takes the digest’s language from its date lines', () => {
    const [spanish] = parseDigest('12 de noviembre de 2020\n\nTítulo\n\nTexto.').entries;
    const [french] = parseDigest('12 novembre 2020\n\nTitre\n\nTexte.').entries;
    expect([spanish?.language, french?.language]).toEqual(['es', 'fr']);
    if (spanish) expect(bulletinFromDigest(spanish, '2026-01-01T00:00:00.000Z').language).toBe('es');
  });

  it('rejects lines that are not dates, and impossible dates', () => {
    expect(parseDigestDate('30 de febrero de 2020')).toBeNull();
    expect(parseDigestDate('12 de November de 2020')).toBeNull();
    expect(parseDigestDate('On September 23rd, the government')).toBeNull();
    expect(parseDigestDate('31 November, 2020')).toBeNull();
    expect(parseDigestDate('12 Brumaire, 2020')).toBeNull();
  });
});

describe('parseDigest', () => {
  it('finds the ten bulletins of the sample digest with their dates and titles', () => {
    const { entries, problems } = parseDigest(sample);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toMatchObject({
      published: '2020-11-12',
      publishedText: '12 November, 2020',
      title: 'IOM provides technical support for new migration reception station in Panama',
    });
    expect(entries[0]?.paragraphs[0]).toMatch(/^On September 23rd, the government of Panama/);
    expect(entries.at(-1)?.title).toBe('RCM concludes a week of technical exchange on migrant smuggling');
  });

  it('keeps every paragraph and tolerates irregular blank lines, CRLF and a BOM', () => {
    const text =
      '\uFEFF3 March, 2021\r\n\r\n\r\nA title\r\n\r\nFirst paragraph\r\ncontinues here.\r\n\r\n\r\n\r\nSecond one.\r\n';
    expect(parseDigest(text).entries).toEqual([
      {
        published: '2021-03-03',
        publishedText: '3 March, 2021',
        language: 'en',
        title: 'A title',
        paragraphs: ['First paragraph continues here.', 'Second one.'],
      },
    ]);
  });

  it('returns nothing for text that is not a digest', () => {
    expect(parseDigest('hello\n\nworld')).toEqual({ entries: [], problems: [] });
    expect(parseDigest('')).toEqual({ entries: [], problems: [] });
  });
});

describe('bulletinFromDigest', () => {
  const [entry] = parseDigest(sample).entries;
  if (!entry) throw new Error('sample digest has no entries');

  it('gives the same id on every import, so re-importing adds nothing', () => {
    const first = bulletinFromDigest(entry, '2026-01-01T00:00:00.000Z');
    const again = bulletinFromDigest(entry, '2026-02-01T00:00:00.000Z');
    expect(again.id).toBe(first.id);
    expect(again.contentHash).toBe(first.contentHash);
  });

  it('escapes the text into paragraphs of HTML', () => {
    const bulletin = bulletinFromDigest(
      {
        published: '2021-01-01',
        publishedText: '1 January, 2021',
        language: 'en',
        title: 'T',
        paragraphs: ['a <b> & c', 'd'],
      },
      '2026-01-01T00:00:00.000Z',
    );
    expect(bulletin.bodyHtml).toBe('<p>a &lt;b&gt; &amp; c</p>\n<p>d</p>');
    expect(bulletin.summary).toBe('a <b> & c');
  });
});

describe('the date forms people type (issue 13)', () => {
  it('reads short month names, month-first with a dot, ordinals and weekday prefixes in en/es/fr', () => {
    expect(parseDigestDate('12 Nov 2020')).toBe('2020-11-12');
    expect(parseDigestDate('Nov 12, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('Nov. 12, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('12th November, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('12 dic. 2020')).toBe('2020-12-12');
    expect(parseDigestDate('Thursday, 12 November 2020')).toBe('2020-11-12');
    expect(parseDigestDate('Thursday, November 12, 2020')).toBe('2020-11-12');
    expect(parseDigestDate('jueves 12 de noviembre de 2020')).toBe('2020-11-12');
    expect(parseDigestDate('miércoles, 30 de septiembre de 2020')).toBe('2020-09-30');
    expect(parseDigestDate('jeudi 12 novembre 2020')).toBe('2020-11-12');
    expect(readDigestDate('jeudi 12 novembre 2020')).toEqual({ date: '2020-11-12', language: 'fr' });
  });

  it('reads numeric dates in the digest language’s order: month first in English, day first in es/fr', () => {
    expect(parseDigestDate('12/11/2020', 'en')).toBe('2020-12-11');
    expect(parseDigestDate('12/11/2020', 'es')).toBe('2020-11-12');
    expect(parseDigestDate('12.11.2020', 'fr')).toBe('2020-11-12');
    // Only one order is a real date: that one.
    expect(parseDigestDate('25/12/2020', 'en')).toBe('2020-12-25');
    expect(readDigestDate('31/31/2020', 'fr')).toEqual({ impossible: true });
    expect(parseDigestDate('12/11-2020')).toBeNull();
  });

  it('takes the order of numeric dates from the digest’s worded date lines', () => {
    const { entries } = parseDigest('13 de noviembre de 2020\n\nUno\n\n12/11/2020\n\nDos\n\nTexto.');
    expect(entries.map((entry) => [entry.published, entry.language])).toEqual([
      ['2020-11-13', 'es'],
      ['2020-11-12', 'es'],
    ]);
  });

  it('leaves the language of a digest with numeric dates only undetermined (the importer detects it), month first', () => {
    const { entries } = parseDigest('12/11/2020\n\nA title\n\nText.');
    expect(entries.map((entry) => [entry.published, entry.language])).toEqual([['2020-12-11', 'und']]);
  });

  it('reports an impossible date with its entry, text before the first date, and a date without a title', () => {
    const text = [
      'Weekly digest, prepared by the office',
      '31 February, 2020',
      'A title on a day that does not exist',
      'Its text.',
      '12 Nov 2020',
      'Well dated',
      'Text.',
      'A paragraph with no date line of its own.',
      '14 November 2020',
    ].join('\n\n');
    const { entries, problems } = parseDigest(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      published: '2020-11-12',
      title: 'Well dated',
      paragraphs: ['Text.', 'A paragraph with no date line of its own.'],
    });
    expect(problems).toEqual([
      { problem: 'undated', text: 'Weekly digest, prepared by the office' },
      { problem: 'impossibleDate', text: '31 February, 2020' },
      { problem: 'noTitle', text: '14 November 2020' },
    ]);
  });

  it('reads the shared sample digest as before: its ten entries, nothing reported', () => {
    const shared = fileURLToPath(new URL('../../../../shared/fixtures/digest-sample.txt', import.meta.url));
    if (!existsSync(shared)) {
      console.log(`skipped: ${shared} is absent`);
      return;
    }
    const { entries, problems } = parseDigest(readFileSync(shared, 'utf8'));
    expect(problems).toEqual([]);
    expect(entries.map((entry) => entry.published)).toEqual([
      '2020-11-12',
      '2020-11-10',
      '2020-11-10',
      '2020-10-14',
      '2020-10-13',
      '2020-10-13',
      '2020-10-13',
      '2020-10-02',
      '2020-09-16',
      '2020-09-15',
    ]);
    expect(new Set(entries.map((entry) => entry.language))).toEqual(new Set(['en']));
  });

  // Sizes past htmlText's 64 KB switch to its scanner, so both sides take the same path.
  it('reads a long line of digits and marks in time proportional to its length', async () => {
    const line = (n: number) => '1/'.repeat(n);
    const ratio = await growthRatio(
      (text) => parseDigest(text),
      (n) => `${line(n)}\n\n${line(n)}`,
      100_000,
    );
    expect(ratio).toBeLessThanOrEqual(20);
  });
});
