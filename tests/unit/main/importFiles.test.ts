import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { importFiles } from '../../../main/importers/importFiles';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';

const SAMPLE = fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url));

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-import-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function setUp() {
  const library = await openLibrary(join(folder, 'library'));
  const index = createSearchIndex();
  return { library, index };
}

describe('importFiles', () => {
  it('imports a digest into the library and the index, and a second import adds nothing', async () => {
    const { library, index } = await setUp();
    const first = await importFiles([SAMPLE], library, index);
    expect(first).toEqual({
      files: [{ name: 'digest-sample.txt', added: 10, unchanged: 0 }],
      added: 10,
      unchanged: 0,
    });
    expect(index.search('Darien').hits).toHaveLength(1);

    const again = await importFiles([SAMPLE], library, index);
    expect(again.added).toBe(0);
    expect(again.unchanged).toBe(10);
    expect(library.counts().all).toBe(10);
  });

  it('reports each bad file with a reason and still imports the good ones', async () => {
    const { library, index } = await setUp();
    const notADigest = join(folder, 'notes.txt');
    await writeFile(notADigest, 'Shopping list\n\nmilk, bread');
    const huge = join(folder, 'huge.txt');
    await writeFile(huge, '');
    await truncate(huge, 51 * 1024 * 1024);
    const pdf = join(folder, 'report.pdf');
    await writeFile(pdf, '%PDF-1.7');
    const missing = join(folder, 'gone.txt');

    const report = await importFiles([notADigest, huge, pdf, missing, SAMPLE], library, index);
    expect(report.added).toBe(10);
    const byName = Object.fromEntries(report.files.map((file) => [file.name, file.error]));
    expect(byName['notes.txt']).toMatch(/No bulletins were found/);
    expect(byName['huge.txt']).toMatch(/larger than 50 MB/);
    expect(byName['report.pdf']).toMatch(/cannot be imported yet/);
    expect(byName['gone.txt']).toBe('This file could not be read: it no longer exists.');
    expect(byName['gone.txt']).not.toContain(folder);
    expect(byName['digest-sample.txt']).toBeUndefined();
  });
});
