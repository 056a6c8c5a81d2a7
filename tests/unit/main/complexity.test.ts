import { describe, expect, it } from 'vitest';
import { htmlParagraphs } from '../../../main/export/markdownExport';
import { parseDigest } from '../../../main/importers/digest';
import { FeedRefused, bulletinsFromFeed } from '../../../main/importers/feeds/readFeed';
import { findXmlHazard } from '../../../main/importers/feeds/xmlGuard';
import { htmlToText } from '../../../main/search/htmlText';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { fakeLibrary, foundIds } from './searchHelpers';
import { generateBulletins } from '../../bench/generateArchive';
import { HOSTILE_FAMILIES, growthRatio, pastedParagraph } from './hostileText';

/**
 * Every function that reads untrusted text grows about linearly with it, whatever its shape:
 * at 8× the input, well under 64× the time (quadratic), let alone exponential. Ratios only:
 * the machine's speed and load change the times, not how they grow. Linear readers measured 8–24
 * here (cache effects once an input outgrows the CPU's caches), quadratic ones 64 and more, so
 * the line is drawn at 32.
 */
const LINEAR_ENOUGH = 32;

const readFeed = (text: string) => {
  try {
    bulletinsFromFeed(Buffer.from(text), 'hostile', '2026-01-01T00:00:00.000Z');
  } catch (error) {
    if (!(error instanceof FeedRefused)) throw error;
  }
};

const UNTRUSTED_TEXT: Record<string, (input: string) => unknown> = {
  'the XML guard': findXmlHazard,
  'the feed reader (sniffing, guard, parse)': readFeed,
  'HTML to text': htmlToText,
  'HTML to Markdown paragraphs': htmlParagraphs,
  'the digest reader': parseDigest,
};

/** The smallest n (doubling from 256) at which the work takes a measurable 10 ms of CPU, within a cap. */
function measurableSize(work: (input: string) => unknown, make: (n: number) => string): number {
  let n = 256;
  for (; n < 2 ** 16; n *= 2) {
    const input = make(n);
    work(input);
    const start = process.cpuUsage();
    work(input);
    const spent = process.cpuUsage(start);
    if (spent.user + spent.system >= 10_000) break;
  }
  return n;
}

describe.each(Object.entries(UNTRUSTED_TEXT))('%s grows linearly with hostile input', (_name, work) => {
  // The timeout is what fails an exponential reader (the sniffing's comments took minutes).
  it.each(Object.entries(HOSTILE_FAMILIES))('%s', { timeout: 60_000 }, async (_family, make) => {
    const n = measurableSize(work, make);
    expect(await growthRatio(work, make, n)).toBeLessThanOrEqual(LINEAR_ENOUGH);
  });
});

describe('search and suggestions on a pasted paragraph', () => {
  // Enough bulletins that each word's fuzzy walk of the vocabulary is measurable.
  const index = createSearchIndex();
  const archive = generateBulletins(3000);
  const built = index.add(archive);
  const paragraph = (n: number) => pastedParagraph(n);

  it('suggestions cost the same whatever the length of what is pasted', async () => {
    await built;
    expect(index.suggest('migration front')).not.toEqual([]);
    // Bounded, not merely linear: a paragraph of 96 words costs what 12 do.
    expect(await growthRatio((text) => index.suggest(text), paragraph, 12)).toBeLessThanOrEqual(3);
  });

  it('a search grows at most linearly with the words pasted', async () => {
    await built;
    const library = fakeLibrary(archive);
    expect(await growthRatio((text) => foundIds(index, library, text), paragraph, 12)).toBeLessThanOrEqual(
      LINEAR_ENOUGH,
    );
  });
});
