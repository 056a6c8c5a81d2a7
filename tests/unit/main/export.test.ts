import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Bulletin, ExportOptions } from '../../../preload/contract';
import { openExportSettings } from '../../../main/export/exportSettings';
import { safeFileName } from '../../../main/export/fileName';
import { defaultExportOptions, exportRequestSchema, remembered } from '../../../main/export/options';
import {
  PAGE_NUMBER,
  TOTAL_PAGES,
  escapeHtml,
  footerTemplate,
  headerTemplate,
  printOptions,
} from '../../../main/export/pdfTemplates';
import { offerPrintData, takePrintData, withdrawPrintData } from '../../../main/export/printData';
import { buildPrintJob, textDirection } from '../../../main/export/printJob';
import { writeAtomically } from '../../../main/store/durableJsonFile';
import { jsonExport } from '../../../main/export/jsonExport';
import { htmlParagraphs, inline, markdownExport } from '../../../main/export/markdownExport';
import { bulletinSchema } from '../../../main/store/schema';

const bulletin = (id: string, fields: Partial<Bulletin> = {}): Bulletin => ({
  id,
  source: 'Digest',
  title: `Title ${id}`,
  summary: `Summary ${id}`,
  published: '2024-01-02',
  language: 'en',
  countries: ['Panamá'],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: id,
  ...fields,
});

const options = (changes: Partial<ExportOptions> = {}): ExportOptions => ({
  ...defaultExportOptions('Weekly'),
  ...changes,
});

describe('textDirection', () => {
  it('is right to left for Arabic, Persian, Hebrew and Urdu tags, with or without a region', () => {
    for (const tag of ['ar', 'ar-EG', 'fa', 'he', 'ur', 'AR'])
      expect(textDirection(tag, 'Title'), tag).toBe('rtl');
  });

  it('follows the first strong letter when the tag says nothing about direction', () => {
    expect(textDirection('und', '2024: المنظمة الدولية')).toBe('rtl');
    expect(textDirection('', 'Migración 2024')).toBe('ltr');
    expect(textDirection('en', '')).toBe('ltr');
  });
});

describe('buildPrintJob', () => {
  const at = new Date('2026-03-02T10:00:00.000Z');

  it('keeps the order, numbers the anchors and carries what the template shows', () => {
    const job = buildPrintJob(
      [bulletin('b', { bodyHtml: '<p>x</p>', link: 'https://example.org/b' }), bulletin('a')],
      options(),
      { kind: 'view', view: 'bookmarks' },
      at,
    );
    expect(job).toMatchObject({
      title: 'Weekly',
      exportedAt: '2026-03-02T10:00:00.000Z',
      origin: { kind: 'view', view: 'bookmarks' },
      cover: true,
      tableOfContents: true,
      newPagePerBulletin: true,
    });
    expect(job.bulletins.map((item) => [item.anchor, item.title])).toEqual([
      ['bulletin-1', 'Title b'],
      ['bulletin-2', 'Title a'],
    ]);
    expect(job.bulletins[0]).toMatchObject({
      bodyHtml: '<p>x</p>',
      link: 'https://example.org/b',
      dir: 'ltr',
    });
    expect(job.bulletins[1]).not.toHaveProperty('bodyHtml');
  });

  it('leaves out links and notes unless asked for, and a selection carries its label', () => {
    const notes = (id: string) => (id === 'a' ? '  Follow up with the partner  ' : undefined);
    const withAll = buildPrintJob(
      [bulletin('a', { link: 'https://x.org' })],
      options(),
      { kind: 'ids', ids: ['a'], label: 'Trip' },
      at,
      notes,
    );
    expect(withAll.origin).toEqual({ kind: 'ids', label: 'Trip' });
    expect(withAll.bulletins[0]).toMatchObject({ link: 'https://x.org', note: 'Follow up with the partner' });

    const without = buildPrintJob(
      [bulletin('a', { link: 'https://x.org' })],
      options({ includeLinks: false, includeNotes: false }),
      { kind: 'view', view: 'all' },
      at,
      notes,
    );
    expect(without.bulletins[0]).not.toHaveProperty('link');
    expect(without.bulletins[0]).not.toHaveProperty('note');
  });
});

describe('header and footer templates', () => {
  it('escape the title, so a title cannot inject markup into the page band', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;');
    expect(headerTemplate('A <b>title</b>')).toContain('A &#60;b&#62;title&#60;/b&#62;');
    expect(headerTemplate('A <b>title</b>')).not.toContain('<b>');
  });

  it("put Chromium's page number spans where the translation puts the numbers", () => {
    const footer = footerTemplate(`Página ${PAGE_NUMBER} de ${TOTAL_PAGES}`);
    expect(footer).toContain('Página <span class="pageNumber"></span> de <span class="totalPages"></span>');
    const reordered = footerTemplate(`${TOTAL_PAGES} / ${PAGE_NUMBER}`);
    expect(reordered.indexOf('totalPages')).toBeLessThan(reordered.indexOf('pageNumber'));
  });

  it('ask for the outline, the tagged PDF and the chosen paper', () => {
    expect(printOptions(options({ pageSize: 'Letter', landscape: true }), 'p')).toMatchObject({
      pageSize: 'Letter',
      landscape: true,
      displayHeaderFooter: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      printBackground: true,
    });
  });
});

describe('print data', () => {
  it('is handed out once, at an unguessable path', () => {
    const { path } = offerPrintData('{"a":1}');
    expect(path).toMatch(/^\/print-data\/[0-9a-f]{32}\.json$/);
    expect(takePrintData(path)).toBe('{"a":1}');
    expect(takePrintData(path)).toBeNull();
  });

  it('is gone once withdrawn, and other paths are not its business', () => {
    const { token, path } = offerPrintData('{}');
    withdrawPrintData(token);
    expect(takePrintData(path)).toBeNull();
    expect(takePrintData('/print-data/../index.html')).toBeNull();
    expect(takePrintData('/index.html')).toBeUndefined();
  });
});

describe('export options', () => {
  const request = { scope: { kind: 'view', view: 'all' }, options: options() };

  it('accept what the dialog sends and refuse what it never would', () => {
    expect(exportRequestSchema.safeParse(request).success).toBe(true);
    expect(
      exportRequestSchema.safeParse({ ...request, options: { ...options(), title: '   ' } }).success,
    ).toBe(false);
    expect(
      exportRequestSchema.safeParse({ ...request, options: { ...options(), pageSize: 'A3' } }).success,
    ).toBe(false);
    expect(exportRequestSchema.safeParse({ ...request, options: { ...options(), extra: 1 } }).success).toBe(
      false,
    );
    expect(
      exportRequestSchema.safeParse({ ...request, scope: { kind: 'ids', ids: [], label: '' } }).success,
    ).toBe(false);
    expect(
      exportRequestSchema.safeParse({ ...request, scope: { kind: 'search', view: 'all', text: '' } }).success,
    ).toBe(false);
  });

  it('remember everything but the title', () => {
    expect(remembered(options({ landscape: true }))).not.toHaveProperty('title');
    expect(remembered(options({ landscape: true })).landscape).toBe(true);
  });
});

describe('safeFileName', () => {
  it('drops what file systems refuse and never returns an empty name', () => {
    expect(safeFileName('Report: week 3/4 <draft>?')).toBe('Report week 3 4 draft');
    expect(safeFileName('a\u0000b\tc')).toBe('a b c');
    expect(safeFileName(' /// ')).toBe('bulletins');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
});

describe('files on disk', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bulletin-export-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writeAtomically replaces the whole file and leaves nothing else', async () => {
    const file = join(folder, 'out.pdf');
    await writeFile(file, 'old');
    await writeAtomically(file, new TextEncoder().encode('new'));
    expect(await readdir(folder)).toEqual(['out.pdf']);
  });

  it('writeAtomically, cancelled, keeps the old file and removes its temporary one', async () => {
    const file = join(folder, 'out.pdf');
    await writeFile(file, 'old');
    const controller = new AbortController();
    controller.abort();
    await expect(writeAtomically(file, new Uint8Array(1024), controller.signal)).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['out.pdf']);
    expect(await readFile(file, 'utf8')).toBe('old');
  });

  it('export settings come back as saved, from their copy when the file is damaged; both unreadable mean the defaults', async () => {
    const settings = openExportSettings(folder);
    expect(await settings.load()).toBeNull();
    await settings.save(remembered(options({ pageSize: 'Letter' })));
    expect(await openExportSettings(folder).load()).toMatchObject({ pageSize: 'Letter', cover: true });
    await writeFile(join(folder, 'export-settings.json'), '{ not json');
    expect(await openExportSettings(folder).load()).toMatchObject({ pageSize: 'Letter' });
    await writeFile(join(folder, 'backups', 'export-settings.json'), '{ not json');
    expect(await openExportSettings(folder).load()).toBeNull();
    await writeFile(
      join(folder, 'export-settings.json'),
      JSON.stringify({ schemaVersion: 1, options: { pageSize: 'A0' } }),
    );
    expect(await openExportSettings(folder).load()).toBeNull();
  });
});

describe('Markdown export', () => {
  const labels = {
    exportedOn: 'Exported',
    count: '2 bulletins',
    from: 'From: Bookmarks',
    contents: 'Contents',
    countries: (list: readonly string[]) => `Countries: ${list.join(', ')}`,
    note: 'Note',
    original: 'Original:',
  };
  const day = (iso: string) => iso.slice(0, 10);

  it('has the cover facts, contents linking to anchors, and each bulletin', () => {
    const job = buildPrintJob(
      [
        bulletin('a', {
          bodyHtml: '<p>One &amp; two</p><ul><li>first</li><li>second</li></ul>',
          link: 'https://x.org/a b',
        }),
        bulletin('b', { countries: [] }),
      ],
      options(),
      { kind: 'view', view: 'bookmarks' },
      new Date('2026-03-02T10:00:00.000Z'),
    );
    const text = markdownExport(job, labels, day);
    expect(text).toContain('# Weekly\n\n- Exported: 2026-03-02\n- 2 bulletins\n- From: Bookmarks');
    expect(text).toContain('## Contents\n\n1. [Title a](#bulletin-1)\n2. [Title b](#bulletin-2)');
    expect(text).toContain(
      '<a id="bulletin-1"></a>\n\n## Title a\n\n*2024-01-02 · Digest · Countries: Panamá*',
    );
    expect(text).toContain('One & two\n\n• first\n\n• second');
    expect(text).toContain('Original: <https://x.org/a%20b>');
    expect(text).toContain('## Title b\n\n*2024-01-02 · Digest*\n\nSummary b');
  });

  it('applies the reader’s link rule: only http, https and mailto originals reach the PDF, HTML or Markdown', () => {
    const hostile = [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://trusted.org&x@127.0.0.1/',
    ];
    const job = buildPrintJob(
      [
        ...hostile.map((link, index) => bulletin(`h${index}`, { link })),
        bulletin('ok', { link: 'https://example.org/ok' }),
        bulletin('mail', { link: 'mailto:desk@example.org?subject=Hi&attach=C:/secrets.txt' }),
      ],
      options(),
      { kind: 'view', view: 'all' },
      new Date('2026-03-02T10:00:00.000Z'),
    );
    // The print job feeds the PDF's link annotations and the HTML export's hrefs (PrintDocument).
    expect(job.bulletins.map((item) => item.link)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'https://example.org/ok',
      'mailto:desk@example.org?subject=Hi',
    ]);
    const text = markdownExport(job, labels, day);
    for (const scheme of ['file:', 'javascript:', 'ms-msdt:', '127.0.0.1', 'attach'])
      expect(text).not.toContain(scheme);
    expect(text).toContain('Original: <https://example.org/ok>');
  });

  it('turns untrusted markup into text', () => {
    expect(inline('<img src=x onerror=alert(1)> *bold* [a](javascript:x) # h')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[a\\](javascript:x) \\# h',
    );
    expect(inline('- not a list')).toBe('\\- not a list');
    expect(inline('2024. A year')).toBe('2024\\. A year');
    expect(htmlParagraphs('<p>a<script>x</script></p><button>Go</button><h2>b</h2>c')).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('JSON export', () => {
  it('keeps every field of the archive, in order, under a format name', () => {
    const bulletins = [bulletin('b', { bodyHtml: '<p>x</p>' }), bulletin('a')];
    const parsed = JSON.parse(jsonExport(bulletins, 'T', new Date('2026-03-02T10:00:00.000Z'))) as {
      format: string;
      schemaVersion: number;
      bulletins: unknown[];
    };
    expect(parsed).toMatchObject({
      format: 'bulletin-reader/bulletins',
      schemaVersion: 1,
      exportedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(parsed.bulletins).toEqual(bulletins);
    expect(z.array(bulletinSchema).safeParse(parsed.bulletins).success).toBe(true);
  });
});
