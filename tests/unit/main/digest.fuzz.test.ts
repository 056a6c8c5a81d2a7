import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { parseDigest } from '../../../main/importers/digest';
import { importFiles } from '../../../main/importers/importFiles';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { hostileTexts, pastedParagraph, withinBudget } from './hostileText';

// Seeded, so a failure reproduces; bounded, so the suite stays quick on a 2-core machine.
const RUNS = { seed: 20261128, numRuns: 300 };
const sampleLines = readFileSync(
  fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url)),
  'utf8',
).split('\n');

/** The sample digest with lines dropped, repeated, swapped or garbled: near-misses of the real format. */
const mutatedDigest = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...sampleLines),
        fc.constant(''),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom('31 February, 2020', '12 Novembre, 2020', '00 May, 0000', '\u0000\u0000', '\uFEFF'),
      ),
      { maxLength: 120 },
    ),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([lines, lineEnd]) => lines.join(lineEnd));

const isCalendarDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

describe('digest importer under random and mutated input', () => {
  beforeAll(() => initI18n('en'));

  it('never throws, and everything it returns is a dated, titled entry', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 2000 }),
          mutatedDigest,
          hostileTexts(),
          fc.integer({ min: 1, max: 5000 }).map(pastedParagraph),
        ),
        (text) => {
          for (const entry of withinBudget(() => parseDigest(text)).entries) {
            expect(isCalendarDate(entry.published)).toBe(true);
            expect(entry.title.trim()).not.toBe('');
          }
        },
      ),
      RUNS,
    );
  });

  it('leaves the archive untouched when it refuses a file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bulletin-fuzz-'));
    try {
      const library = await openLibrary(join(folder, 'library'));
      const index = createSearchIndex();
      await importFiles(
        [fileURLToPath(new URL('../../../resources/sample/digest-sample.txt', import.meta.url))],
        library,
        index,
      );
      const shardFolder = join(folder, 'library', 'bulletins');
      const snapshot = async () =>
        Promise.all(
          (await readdir(shardFolder)).sort().map((name) => readFile(join(shardFolder, name), 'utf8')),
        );
      const before = await snapshot();

      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          const file = join(folder, 'random.txt');
          await writeFile(file, bytes);
          const report = await importFiles([file], library, index);
          if (report.files[0]?.error) {
            expect(report.added).toBe(0);
            expect(await snapshot()).toEqual(before);
          }
        }),
        { ...RUNS, numRuns: 100 },
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
