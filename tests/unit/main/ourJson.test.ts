import { describe, expect, it } from 'vitest';
import { jsonExport } from '../../../main/export/jsonExport';
import { bulletinsFromOurJson } from '../../../main/importers/ourJson';
import { libraryBackupOf } from '../../../main/store/libraryBackup';
import { emptyState } from '../../../main/store/schema';
import type { Bulletin } from '../../../preload/contract';

const bulletin = (id: string): Bulletin => ({
  id,
  source: 'Test',
  title: `Title ${id}`,
  summary: 'Summary',
  bodyHtml: '<p>Body</p>',
  published: '2021-01-01',
  language: 'en',
  countries: ['Panama'],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: id,
});

describe('our own JSON', () => {
  it('reads back exactly what the JSON export wrote', () => {
    const text = jsonExport([bulletin('a'), bulletin('b')], 'Two', new Date('2026-01-01T00:00:00Z'));
    expect(bulletinsFromOurJson(text)).toEqual({ bulletins: [bulletin('a'), bulletin('b')], invalid: [] });
  });

  it('reads the bulletins of a library backup (its marks come back through Restore, not import)', () => {
    const text = JSON.stringify(libraryBackupOf({ state: emptyState(), bulletins: [bulletin('a')] }));
    expect(bulletinsFromOurJson(text)?.bulletins).toEqual([bulletin('a')]);
  });

  it('keeps the good items of a file with a damaged one, and says which', () => {
    const text = JSON.stringify({
      format: 'bulletin-reader/bulletins',
      bulletins: [bulletin('a'), { id: 'broken', title: 42 }, bulletin('c')],
    });
    expect(bulletinsFromOurJson(text)).toEqual({ bulletins: [bulletin('a'), bulletin('c')], invalid: [2] });
  });

  it('leaves other JSON (a JSON Feed) and non-JSON to the other importers', () => {
    expect(bulletinsFromOurJson('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toBeNull();
    expect(bulletinsFromOurJson('<rss/>')).toBeNull();
  });
});
