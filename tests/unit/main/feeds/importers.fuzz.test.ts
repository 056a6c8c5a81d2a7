import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../main/i18n';
import { bytesSource, importSources } from '../../../../main/importers/importFiles';
import { FeedRefused, bulletinsFromFeed } from '../../../../main/importers/feeds/readFeed';
import { checkLibraryBackup, libraryBackupOf } from '../../../../main/store/libraryBackup';
import { emptyState } from '../../../../main/store/schema';
import { createSearchIndex } from '../../../../main/search/searchIndex';
import { openLibrary, type Library } from '../../../../main/store/library';
import { hostileTexts, withinBudget } from '../hostileText';
import { corpus } from './corpora';

// Seeded, so a failure replays; bounded in runs, and the test timeout bounds time (a hang fails it).
const RUNS = { seed: 20261128, numRuns: 250 };

/** A sample of real files to mutate: feeds of every format, OPML lists and a digest. */
function seedFiles(): Uint8Array[] {
  const folders = [
    corpus('gofeed', 'testdata', 'parser', 'rss'),
    corpus('gofeed', 'testdata', 'parser', 'atom'),
    corpus('gofeed', 'testdata', 'parser', 'json'),
    corpus('feedparser', 'tests', 'wellformed', 'rss'),
    corpus('feedvalidator', 'testcases', 'opml', 'clean'),
  ].filter((folder): folder is string => folder !== undefined);
  const files = folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.(xml|json|opml)$/.test(name))
      .slice(0, 25)
      .map((name) => new Uint8Array(readFileSync(join(folder, name)))),
  );
  files.push(
    new Uint8Array(readFileSync(new URL('../../../../resources/sample/digest-sample.txt', import.meta.url))),
  );
  return files;
}

/** A real file cut short, with bytes inserted, removed, repeated or flipped: near-misses of valid input. */
function mutated(seeds: readonly Uint8Array[]) {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 64 }),
    }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  );
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) =>
      edits.reduce((bytes, change) => {
        const at = bytes.length === 0 ? 0 : change.at % bytes.length;
        const before = bytes.subarray(0, at);
        switch (change.kind) {
          case 'truncate':
            return before;
          case 'insert':
            return concat(before, change.bytes, bytes.subarray(at));
          case 'remove':
            return concat(before, bytes.subarray(at + change.length));
          case 'repeat':
            return concat(bytes.subarray(0, at + change.length), bytes.subarray(at));
          case 'flip':
            return concat(before, new Uint8Array([change.value]), bytes.subarray(at + 1));
        }
      }, seed),
    );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const seeds = seedFiles();
let folder: string;
let library: Library;

beforeAll(async () => {
  await initI18n('en');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-importers-fuzz-'));
  library = await openLibrary(join(folder, 'library'));
});
afterAll(async () => {
  library.close();
  await rm(folder, { recursive: true, force: true });
});

describe('importers under mutated and random input', () => {
  it('the feed reader returns bulletins or refuses with a reason, and never throws anything else', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(seeds),
          fc.uint8Array({ maxLength: 4096 }),
          hostileTexts().map((text) => new Uint8Array(Buffer.from(text))),
        ),
        (bytes) => {
          try {
            const { bulletins } = withinBudget(() =>
              bulletinsFromFeed(bytes, 'fuzz', '2026-01-01T00:00:00.000Z'),
            );
            for (const bulletin of bulletins) expect(bulletin.id).not.toBe('');
          } catch (error) {
            expect(error).toBeInstanceOf(FeedRefused);
          }
        },
      ),
      RUNS,
    );
    // Bounded memory: no input (an entity bomb, a deep nest) makes the parser hold on to a lot.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 2 ** 20);
  });

  it('every file gets a report line; a refused file leaves the archive byte for byte as it was', async () => {
    const index = createSearchIndex();
    const shardFolder = join(folder, 'library', 'bulletins');
    const outcomes = { imported: 0, refused: 0 };
    const snapshot = async () =>
      Promise.all(
        (await readdir(shardFolder)).sort().map((name) => readFile(join(shardFolder, name), 'utf8')),
      );

    await fc.assert(
      fc.asyncProperty(
        mutated(seeds),
        fc.constantFrom('a.xml', 'b.json', 'c.opml', 'd.txt', 'e.rss'),
        async (bytes, name) => {
          const before = await snapshot();
          const report = await importSources([bytesSource(name, bytes)], library, index);
          expect(report.files).toHaveLength(1);
          const [file] = report.files;
          if (file?.error) {
            outcomes.refused += 1;
            expect(file.added + file.updated).toBe(0);
            expect(await snapshot()).toEqual(before);
          } else {
            outcomes.imported += 1;
          }
        },
      ),
      { ...RUNS, numRuns: 150 },
    );
    // Near-misses must exercise both paths, or this test proves nothing.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('a damaged backup file is refused as invalid, never half-read', () => {
    const valid = JSON.stringify(libraryBackupOf({ state: emptyState(), bulletins: [] }));
    expect(checkLibraryBackup(Buffer.from(valid))).toMatchObject({
      kind: 'backup',
      backup: { bulletins: [] },
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
          fc.json(),
          fc.string({ unit: 'binary', maxLength: 500 }),
        ),
        (text) => {
          expect(checkLibraryBackup(Buffer.from(text))).toMatchObject({ kind: 'invalid' });
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
  });
});
