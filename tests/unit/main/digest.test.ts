import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDigest, parseDigestDate } from '../../../main/importers/digest';
import { bulletinFromDigest } from '../../../main/importers/bulletinFromDigest';

const sample = readFileSync(
  fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url)),
  'utf8',
);

describe('parseDigestDate', () => {
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
    const [spanish] = parseDigest('12 de noviembre de 2020\n\nTítulo\n\nTexto.');
    const [french] = parseDigest('12 novembre 2020\n\nTitre\n\nTexte.');
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
    const entries = parseDigest(sample);
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
    expect(parseDigest(text)).toEqual([
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
    expect(parseDigest('hello\n\nworld')).toEqual([]);
    expect(parseDigest('')).toEqual([]);
  });
});

describe('bulletinFromDigest', () => {
  const [entry] = parseDigest(sample);
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
