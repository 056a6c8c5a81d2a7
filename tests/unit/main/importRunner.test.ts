import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../preload/contract';
import { initI18n } from '../../../main/i18n';
import { bytesSource } from '../../../main/importers/importFiles';
import { createImportRunner } from '../../../main/importers/importRunner';
import { filesFromArgv } from '../../../main/importers/openedFiles';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-runner-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const feed = (guid: string) =>
  new TextEncoder().encode(
    `<rss version="2.0"><channel><title>T</title><item><guid>${guid}</guid><title>Item ${guid}</title></item></channel></rss>`,
  );

describe('import runner', () => {
  it('reports progress per file, tells of changes, and stops after the file in hand when cancelled', async () => {
    const library = await openLibrary(join(folder, 'library'));
    const progress: ImportProgress[] = [];
    let changes = 0;
    const runner = createImportRunner(library, createSearchIndex(), {
      progress: (step) => {
        progress.push(step);
        if (step.done === 1) runner.cancel();
      },
      changed: () => (changes += 1),
    });
    const report = await runner.run(['a', 'b', 'c'].map((guid) => bytesSource(`${guid}.xml`, feed(guid))));
    expect(report.cancelled).toBe(true);
    expect(report.files.map((file) => file.name)).toEqual(['a.xml', 'b.xml']);
    expect(progress).toEqual([
      { done: 0, total: 3, file: 'a.xml' },
      { done: 1, total: 3, file: 'b.xml' },
      { done: 2, total: 3 },
    ]);
    expect(changes).toBe(1);

    const next = await runner.run([bytesSource('c.xml', feed('c'))]);
    expect(next).toMatchObject({ added: 1 });
    expect(next.cancelled).toBeUndefined();
  });

  it('runs batches one after another', async () => {
    const library = await openLibrary(join(folder, 'library'));
    const runner = createImportRunner(library, createSearchIndex(), {
      progress: () => {},
      changed: () => {},
    });
    const [first, second] = await Promise.all([
      runner.run([bytesSource('a.xml', feed('same'))]),
      runner.run([bytesSource('b.xml', feed('same'))]),
    ]);
    expect([first.added, second.unchanged]).toEqual([1, 1]);
  });
});

describe('filesFromArgv', () => {
  it('keeps existing files after the app’s own arguments, resolved, without switches', async () => {
    await writeFile(join(folder, 'news.xml'), '');
    const argv = ['electron', '.', '--flag', 'news.xml', 'missing.xml', folder];
    expect(filesFromArgv(argv, folder, 2)).toEqual([join(folder, 'news.xml')]);
  });
});
