import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstPageWhileOpening } from '../../../main/ipc/firstPage';
import { openLibrary, type LibraryPreview } from '../../../main/store/library';
import { bulletin } from './storeFixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-first-page-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const caller = { sender: {} } as never;

/** An opening whose newest months are `newest`; counts the requests that let the older ones be read. */
const asked = { count: 0 };
const opened = (newest: LibraryPreview | undefined) => ({
  preview: Promise.resolve(newest),
  firstPageAsked: () => asked.count++,
});

/** Twelve bulletins over four months, the newest bookmarked; opened with a preview of 3 rows. */
async function preview(): Promise<LibraryPreview | undefined> {
  const library = await openLibrary(folder);
  for (const month of ['2021-01', '2021-02', '2021-03', '2021-04'])
    await library.add(['03', '02', '01'].map((day) => bulletin(`${month}-${day}`, `${month}-${day}`)));
  await library.toggleBookmark('2021-04-03');
  library.close();
  let seen: LibraryPreview | undefined;
  await openLibrary(folder, {
    previewRows: 3,
    onPreview: (partial) => {
      seen = partial;
    },
  });
  return seen;
}

describe('the first page while the archive opens', () => {
  it('lists the newest rows with their marks, and says the total is still being counted', async () => {
    const list = firstPageWhileOpening(opened(await preview())).list;
    const page = await list?.(caller, { view: 'all', limit: 2 });
    expect(page).toMatchObject({ terms: [], counting: true });
    expect(page?.rows.map((row) => [row.id, row.bookmarked])).toEqual([
      ['2021-04-03', true],
      ['2021-04-02', false],
    ]);
    expect(page?.total).toBeUndefined();
  });

  it('lets the opening read the older months once the window has asked, answered or not', async () => {
    const list = firstPageWhileOpening(opened(await preview())).list;
    asked.count = 0;
    await list?.(caller, { view: 'all', limit: 2 });
    expect(asked.count).toBe(1);
    await list?.(caller, { view: 'bookmarks', sort: 'added', limit: 1 });
    expect(asked.count).toBe(2);
  });

  it('leaves to the whole archive a later page, another order, a longer page and a failed opening', async () => {
    const list = firstPageWhileOpening(opened(await preview())).list;
    expect(await list?.(caller, { view: 'all', offset: 2, limit: 2 })).toBeUndefined();
    expect(await list?.(caller, { view: 'bookmarks', sort: 'added', limit: 1 })).toBeUndefined();
    expect(await list?.(caller, { view: 'all' })).toBeUndefined();
    // Fewer rows than the page asks: the total may be further on, in months not read yet.
    expect(await list?.(caller, { view: 'all', limit: 13 })).toBeUndefined();
    expect(
      await firstPageWhileOpening(opened(undefined)).list?.(caller, { view: 'all', limit: 1 }),
    ).toBeUndefined();
  });
});
