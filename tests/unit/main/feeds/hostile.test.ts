import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedRefused, bulletinsFromFeed } from '../../../../main/importers/feeds/readFeed';
import { corpus } from './corpora';

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each file either imports (maybe partly) or is refused with a known reason; nothing else. */
function outcomes(folder: string) {
  const counts = { imported: 0, refused: 0 };
  const crashes: string[] = [];
  for (const path of filesUnder(folder)) {
    try {
      bulletinsFromFeed(readFileSync(path), 'test', '2026-01-01T00:00:00.000Z');
      counts.imported += 1;
    } catch (error) {
      if (error instanceof FeedRefused) counts.refused += 1;
      else crashes.push(`${path}: ${String(error)}`);
    }
  }
  return { counts, crashes };
}

const illformed = corpus('feedparser', 'tests', 'illformed');
const opml = corpus('feedvalidator', 'testcases', 'opml');

describe('hostile and broken input', () => {
  // The test timeout is the bound on time: a hang fails it.
  it.skipIf(!illformed)('feedparser illformed: every file imports or is refused, none crashes', () => {
    const { counts, crashes } = outcomes(illformed ?? '');
    console.log(`feedparser illformed: ${counts.imported} imported, ${counts.refused} refused`);
    expect(crashes).toEqual([]);
  });

  it.skipIf(!opml)(
    'feedvalidator OPML (clean and errors): refused as subscription lists, none crashes',
    () => {
      for (const kind of ['clean', 'errors']) {
        const { counts, crashes } = outcomes(join(opml ?? '', kind));
        expect(crashes).toEqual([]);
        expect(counts.imported).toBe(0);
      }
    },
  );
});

describe('binary files', () => {
  it('are refused as not a feed, not as XML nested too deep, even when they start with <', () => {
    let seed = 20261205;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    // 2 MB: at that size the depth count of random bytes passes its limit.
    const bytes = Uint8Array.from([0x3c, ...Array.from({ length: 2_000_000 }, random)]);
    expect(() => bulletinsFromFeed(bytes, 'test', '2026-01-01T00:00:00.000Z')).toThrow(
      expect.objectContaining({ refusal: 'notAFeed' }),
    );
  });
});
