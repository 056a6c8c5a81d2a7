import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-opening-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const MONTHS = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];

/** Three bulletins a month over six months; the newest is bookmarked, the next deleted. */
async function sixMonths(): Promise<void> {
  const library = await openLibrary(folder);
  for (const month of MONTHS)
    await library.add(
      ['10', '20', '05'].map((day) => bulletin(`${month}-${day}`, `${month}-${day}T08:00:00Z`)),
    );
  await library.toggleBookmark('2020-06-20');
  await library.deleteBulletins(['2020-06-10']);
  library.close();
}

describe('opening the newest months first', () => {
  it('gives the first page before the older months are read, and the same page once all are', async () => {
    await sixMonths();
    let preview: { ids: string[]; bookmarked: boolean } | undefined;
    const library = await openLibrary(folder, {
      previewRows: 4,
      onPreview: (partial) => {
        preview = {
          ids: partial.bulletins('all').map((entry) => entry.id),
          bookmarked: partial.isBookmarked('2020-06-20'),
        };
      },
    });
    // June (less the deleted one) and May: enough for a page of 4, without the four older months.
    expect(preview?.ids).toEqual(['2020-06-20', '2020-06-05', '2020-05-20', '2020-05-10', '2020-05-05']);
    expect(preview?.bookmarked).toBe(true);
    const all = library.bulletins('all').map((entry) => entry.id);
    expect(all).toHaveLength(17);
    expect(all.slice(0, 4)).toEqual(preview?.ids.slice(0, 4));
    expect(library.counts().all).toBe(17);
  });

  it('gives everything as the preview when the archive is smaller than a page', async () => {
    await sixMonths();
    let seen = 0;
    await openLibrary(folder, {
      onPreview: (partial) => {
        seen = partial.bulletins('all').length;
      },
    });
    expect(seen).toBe(17);
  });

  it('still recovers a damaged older month, read after the preview', async () => {
    await sixMonths();
    const oldest = join(folder, 'bulletins', '2020-01.json');
    await writeFile(oldest, '{"schemaVersion": 1, "bulletins": [');
    const order: string[] = [];
    const library = await openLibrary(folder, {
      previewRows: 4,
      onPreview: () => {
        order.push('preview');
      },
      report: (event) => order.push(`${event.type} ${'file' in event ? event.file : ''}`),
    });
    expect(order).toEqual(['preview', 'recovered bulletins/2020-01.json']);
    expect(library.openingEvents).toMatchObject([{ type: 'recovered', file: 'bulletins/2020-01.json' }]);
    // Restored whole from the copy its write kept: every month is there.
    expect(library.counts().all).toBe(17);
  });

  it('still refuses to write an older month from a newer app, read after the preview', async () => {
    await sixMonths();
    const oldest = join(folder, 'bulletins', '2020-01.json');
    const newer = JSON.stringify({ schemaVersion: 99, items: [] });
    await writeFile(oldest, newer);
    let previewed = false;
    const library = await openLibrary(folder, {
      previewRows: 4,
      onPreview: () => {
        previewed = true;
      },
    });
    expect(previewed).toBe(true);
    expect(library.openingEvents).toEqual([
      { type: 'newer-version', file: 'bulletins/2020-01.json', version: 99 },
    ]);
    await expect(library.add([bulletin('late', '2020-01-30T00:00:00Z')])).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(await readFile(oldest, 'utf8')).toBe(newer);
  });
});

describe('the order of the whole archive at opening', () => {
  it('lists newest first across months, and still so when a month holds a bulletin of another', async () => {
    await sixMonths();
    // Edited by hand (or by an older app): a June bulletin kept in the January file.
    const january = join(folder, 'bulletins', '2020-01.json');
    const shard = JSON.parse(await readFile(january, 'utf8')) as { bulletins: unknown[] };
    shard.bulletins.push(bulletin('stray', '2020-06-15T08:00:00Z'));
    await writeFile(january, JSON.stringify(shard));
    const library = await openLibrary(folder);
    const ids = library.bulletins().map((b) => b.id);
    expect(ids.slice(0, 3)).toEqual(['2020-06-20', 'stray', '2020-06-05']);
    expect(ids.slice(-3)).toEqual(['2020-01-20', '2020-01-10', '2020-01-05']);
    expect(ids).toHaveLength(18);
    library.close();
  });
});
