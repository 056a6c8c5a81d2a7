import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { initI18n } from '../../../main/i18n';
import { bytesSource, importFiles, importSources } from '../../../main/importers/importFiles';
import { MAX_ID_LENGTH, boundedId, isoDate, validateImport } from '../../../main/importers/validateImport';
import { argumentSchemas } from '../../../main/ipc/schemas';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';

/**
 * The import boundary (issue 13, items 3, 5 and 6): what a file says never names a path, never
 * makes an id the bridge refuses, and never disappears from the report.
 */

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-boundary-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bulletin = (overrides: Partial<Bulletin>): Bulletin => ({
  id: 'b1',
  source: 'Colleague',
  title: 'A bulletin',
  summary: 'Text',
  published: '2020-11-12',
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: 'hash',
  ...overrides,
});

async function writeJson(name: string, bulletins: Bulletin[]) {
  const path = join(folder, name);
  await writeFile(path, JSON.stringify({ format: 'bulletin-reader/bulletins', bulletins }));
  return path;
}

async function setUp() {
  // Two levels down, so "../../p" would land in `folder`, beside the library, not inside it.
  const libraryFolder = join(folder, 'user', 'library');
  const library = await openLibrary(libraryFolder);
  return { library, index: createSearchIndex(), libraryFolder };
}

describe('the import boundary', () => {
  it('rejects a date that would name a path, writes nothing outside bulletins/, and imports the rest', async () => {
    const { library, index, libraryFolder } = await setUp();
    const file = await writeJson('colleague.json', [
      bulletin({ id: 'evil', title: 'Escape', published: '../../p' }),
      bulletin({ id: 'good', title: 'Good one' }),
    ]);
    const report = await importFiles([file], library, index);
    expect(report.added).toBe(1);
    expect(report.files[0]?.rejected).toEqual([
      { item: 'Escape', reason: expect.stringContaining('“../../p” is not a date') },
    ]);
    expect(existsSync(join(folder, 'user', 'p.json'))).toBe(false);
    expect(existsSync(join(folder, 'p.json'))).toBe(false);
    expect(await readdir(join(libraryFolder, 'bulletins'))).toEqual(['2020-11.json']);
  });

  it('a malformed date does not make later imports of the session fail to save', async () => {
    const { library, index } = await setUp();
    const bad = await writeJson('bad.json', [bulletin({ id: 'x', published: 'no/such/month' })]);
    const first = await importFiles([bad], library, index);
    expect(first.files[0]?.rejected).toHaveLength(1);
    const good = await writeJson('good.json', [bulletin({ id: 'y' })]);
    const second = await importFiles([good], library, index);
    expect(second.files[0]?.error).toBeUndefined();
    expect(second.added).toBe(1);
    const third = await importFiles([await writeJson('more.json', [bulletin({ id: 'z' })])], library, index);
    expect(third.files[0]?.error).toBeUndefined();
    expect(library.counts().all).toBe(2);
  });

  it('the store itself refuses a month that is not YYYY-MM, before staging anything', async () => {
    const { library } = await setUp();
    await expect(library.add([bulletin({ published: '../../p' })])).rejects.toMatchObject({
      code: 'OUTSIDE_ARCHIVE',
    });
    await library.add([bulletin({ id: 'ok' })]);
    expect(library.get('ok')).toBeDefined();
  });

  it('an id too long for the bridge becomes a fixed-length one the bridge accepts, stable across imports', async () => {
    const { library, index } = await setUp();
    const longId = `https://example.org/${'x'.repeat(5000)}`;
    const file = await writeJson('long.json', [
      bulletin({ id: longId }),
      bulletin({ id: 'short-id', title: 'B' }),
    ]);
    await importFiles([file], library, index);
    const ids = library.bulletins().map((b) => b.id);
    expect(ids).toContain('short-id'); // ids the bridge accepts are kept as they are
    const stored = ids.find((id) => id !== 'short-id') ?? '';
    expect(stored).toBe(boundedId(longId));
    expect(stored.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    // The bridge can open and delete it, and select-all over the view passes the bridge.
    expect(argumentSchemas.get.safeParse([stored]).success).toBe(true);
    expect(argumentSchemas.deleteBulletins.safeParse([ids]).success).toBe(true);
    const again = await importFiles([file], library, index);
    expect(again.unchanged).toBe(2);
  });

  it('a feed whose items share one GUID reports every item: one added, the others merged, naming the kept one', async () => {
    const { library, index } = await setUp();
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><guid>same</guid><title>Story ${i + 1}</title><description>Text ${i + 1}</description></item>`,
    ).join('');
    const path = join(folder, 'same-guid.rss');
    await writeFile(
      path,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`,
    );
    const report = await importFiles([path], library, index);
    const file = report.files[0];
    expect(file?.added).toBe(1);
    expect(file?.merged).toBe(9_999);
    expect(file?.duplicates).toEqual([{ kept: 'Story 1', merged: 9_999 }]);
  }, 60_000);

  it('a digest with irregular date lines imports every entry it can date and reports the rest', async () => {
    const { library, index } = await setUp();
    const path = join(folder, 'irregular.txt');
    await writeFile(
      path,
      [
        'Prepared by the field office',
        '31 February, 2020',
        'Impossible',
        'Text.',
        '12 Nov 2020',
        'Short month',
        'Text.',
        'Thursday, 12 November 2020',
        'Weekday first',
        'Text.',
      ].join('\n\n'),
    );
    const report = await importFiles([path], library, index);
    expect(report.added).toBe(2);
    expect(report.files[0]?.rejected.map((item) => item.item)).toEqual([
      'Prepared by the field office',
      '31 February, 2020',
    ]);
    expect(report.files[0]?.rejected[1]?.reason).toMatch(/not a day of the calendar/);
  });

  it('refuses a dropped file sent with only its size when that is over the limit, unread', async () => {
    const { library, index } = await setUp();
    const report = await importSources(
      [bytesSource('big.xml', new Uint8Array(), 51 * 1024 * 1024)],
      library,
      index,
    );
    expect(report.files[0]?.error).toMatch(/larger than 50 MB/);
  });

  it('caps every string and list, and keeps the id of a bulletin the bridge could already reach', () => {
    const huge = 'x'.repeat(3_000_000);
    const { bulletins } = validateImport(
      [
        bulletin({
          id: 'a'.repeat(MAX_ID_LENGTH),
          title: huge,
          summary: huge,
          bodyHtml: huge,
          source: huge,
          link: `https://example.org/${huge}`,
          tags: Array.from({ length: 1000 }, () => huge),
          countries: Array.from({ length: 1000 }, () => huge),
          language: huge,
          contentHash: huge,
        }),
      ],
      '2026-01-01T00:00:00.000Z',
    );
    const [kept] = bulletins;
    expect(kept?.id).toBe('a'.repeat(MAX_ID_LENGTH));
    expect(JSON.stringify(kept).length).toBeLessThan(2_400_000);
    expect(kept?.link).toBeUndefined();
    expect(kept?.language).toBe('und');
  });
});

describe('isoDate', () => {
  it('keeps calendar dates, turns date-times into UTC, and refuses everything else', () => {
    expect(isoDate('2020-11-12')).toBe('2020-11-12');
    expect(isoDate('2020-11-12T23:30:00-03:00')).toBe('2020-11-13T02:30:00.000Z');
    expect(isoDate('2020-11-12T10:00Z')).toBe('2020-11-12T10:00:00.000Z');
    for (const bad of [
      '../../p',
      '2020-02-31',
      '2020-13-01',
      '0999-01-01',
      '12 Nov 2020',
      '',
      '2020-11',
      '2020-11-12junk',
    ])
      expect(isoDate(bad)).toBeNull();
  });
});
