import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Text built to make a parser work far beyond its size: each family at a size n. What made
 * main hang before (issue 13): regular expressions that rescanned the rest of the text from
 * every `<`, comment or bracket, or tried every way of splitting a run of comments.
 */
export const HOSTILE_FAMILIES: Record<string, (n: number) => string> = {
  'repeated <!----> comments': (n) =>
    `${'<!---->'.repeat(n)}<rss version="2.0"><channel><title>t</title></channel></rss>`,
  'runs of <': (n) => `<rss>${'<a'.repeat(n)} ${'<'.repeat(n)}`,
  'nested brackets': (n) => `<rss>${'<![CDATA['.repeat(n)}${']]'.repeat(n)}`,
  'open DOCTYPE subsets': (n) => `${'<!DOCTYPE rss ['.repeat(n)}${']'.repeat(n)}`,
  'entity references without end': (n) => `<!DOCTYPE rss [<!ENTITY a "${'&&&&'.repeat(n)}">]><rss/>`,
  'long attributes': (n) => `<rss><a title="${'x'.repeat(n)} ${'title='.repeat(n)}`,
  'unclosed scripts': (n) => `<p>${'<script>'.repeat(n)}${'<style x'.repeat(n)}`,
  'long runs of white space': (n) => `<rss>${' '.repeat(8 * n)}<${'\t\n'.repeat(n)}x`,
};

/** A pasted paragraph of `words` words, in the bulletins' own vocabulary and some that is not. */
export function pastedParagraph(words: number): string {
  const vocabulary = [
    'migration',
    'frontera',
    'Darién',
    'réfugiés',
    'xqzt',
    'reception',
    'lluvias',
    'Tapachula',
  ];
  return Array.from(
    { length: words },
    (_, at) => `${vocabulary[at % vocabulary.length]}${at % 7 === 0 ? 's' : ''}`,
  ).join(' ');
}

/**
 * How much longer `work` takes on the family's input at 8n than at n: the least CPU time of
 * `runs` runs of each, taken in turn. CPU time, not the clock's: on a shared machine a short
 * run fits in one time slice and a long one is preempted again and again (at load 25 on 2
 * cores, clock ratios of linear code reached 40–90). The least, not the median: the others
 * carry garbage collections of the test runner's whole heap, while work that grows with the
 * input cannot be skipped by any run. Linear work gives about 8, quadratic about 64; only the
 * ratio is asserted, never a time.
 */
export async function growthRatio(
  work: (input: string) => unknown,
  make: (n: number) => string,
  n: number,
  runs = 5,
): Promise<number> {
  const small = make(n);
  const large = make(8 * n);
  // Warmed up first: the first calls compile the code under test.
  await work(small);
  await work(large);
  const times = { small: [] as number[], large: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    for (const [size, input] of [
      ['small', small],
      ['large', large],
    ] as const) {
      const start = process.cpuUsage();
      // Awaited: a search answers in slices (main/mainThread/slices.ts), its CPU spread over turns.
      await work(input);
      const spent = process.cpuUsage(start);
      times[size].push((spent.user + spent.system) / 1000);
    }
  }
  // A floor of 0.05 ms: a timer's resolution, so an instant answer at n cannot inflate the ratio.
  return Math.min(...times.large) / Math.max(Math.min(...times.small), 0.05);
}

/** The families above at random sizes (up to ≈ 70 kB), for the fuzzers. */
export const hostileTexts = () =>
  fc
    .tuple(fc.constantFrom(...Object.values(HOSTILE_FAMILIES)), fc.integer({ min: 1, max: 4000 }))
    .map(([make, n]) => make(n));

/**
 * What one fuzzed input may take: generous for a loaded shared machine (the readers take
 * milliseconds on these inputs), far below what the backtracking readers took (minutes).
 */
export const PER_INPUT_BUDGET_MS = 2_000;

/** Runs `work`, failing if it took longer than the budget, whether it returned or threw. */
export function withinBudget<T>(work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    expect(performance.now() - start).toBeLessThan(PER_INPUT_BUDGET_MS);
  }
}
