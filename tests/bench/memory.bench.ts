import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildIndexJson } from '../../main/search/buildIndex';
import { INDEX_VERSION } from '../../main/search/indexOptions';
import { fingerprintOf, writePersistedIndex } from '../../main/search/persistedIndex';
import { SCHEMA_VERSION } from '../../main/store/schema';
import { generateBulletins, writeArchive } from './generateArchive';
import type { Figure, Suite } from './harness';

import type { Step } from './memoryBreakdown';
const run = promisify(execFile);
const BREAKDOWN = 'tests/bench/memoryBreakdown.ts';

interface Breakdown {
  bulletins: number;
  hits: number;
  state: string;
  archiveMb: number;
  indexFileMb: number;
  openMs: number;
  /** Absent from a checkout from before bodies were read on demand. */
  bodyReadMs?: number;
  searchPageMs?: number;
  /** From creating the search index to its being ready (the saved index loaded). */
  indexMs: number;
  /** The longest main's thread went without a turn of its event loop while the index loaded. */
  longestTurnMs: number;
  steps: Record<'bare' | 'opened' | 'indexed' | 'searched' | 'valuesShared' | 'withoutBodies', Step>;
  strings: Record<string, { count: number; distinct: number; mb: number }>;
}

/**
 * What main's memory is made of (issue 18): a fresh Node process (--expose-gc) opens the store and
 * the saved index as main does and searches once (memoryBreakdown.ts); heap and RSS after a full
 * collection at each step, the peak RSS, and the bulletin bodies' share. The archive and its saved
 * index are generated once per size and kept in the system's temporary folder (100k takes minutes
 * to generate and index); each run opens a fresh copy.
 *
 * BENCH_BASELINE_ROOT=<another checkout> runs that checkout's memoryBreakdown.ts on the same archive
 * too, interleaved (A B B A…, BENCH_AB_ROUNDS pairs, default 1): a before and after of one load.
 */
export const memorySuite: Suite = {
  name: 'memory',
  async run(context) {
    const figures: Figure[] = [];
    const baselineRoot = process.env.BENCH_BASELINE_ROOT;
    const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 1);
    for (const size of context.sizes) {
      const cached = await cachedArchive(size);
      const measureIn = async (root: string) => {
        const folder = await mkdtemp(join(tmpdir(), `bulletin-memory-${size}-`));
        try {
          await cp(cached, folder, { recursive: true });
          console.error(`  memory ${size}: ${root === ROOT ? 'this checkout' : root}…`);
          return await breakdownIn(root, folder);
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      };
      if (!baselineRoot) {
        figures.push(...figuresOf(size, await measureIn(ROOT)));
        continue;
      }
      const after: Breakdown[] = [];
      const before: Breakdown[] = [];
      for (let round = 0; round < rounds; round++) {
        // A B, then B A: a load that rises or falls during the run weighs on both.
        const order = round % 2 === 0 ? [baselineRoot, ROOT] : [ROOT, baselineRoot];
        for (const root of order) (root === ROOT ? after : before).push(await measureIn(root));
      }
      figures.push(...abFigures(size, before, after));
    }
    return figures;
  },
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function breakdownIn(root: string, folder: string): Promise<Breakdown> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', BREAKDOWN, folder], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  const breakdown = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Breakdown;
  if (breakdown.state !== 'ready') throw new Error('the bare process did not load the saved index');
  return breakdown;
}

/**
 * The archive of `size` with its saved index, made once: kept under the system's temporary folder,
 * named by what decides its bytes (the generator's source, the store's and the index's versions).
 */
async function cachedArchive(size: number): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(fileURLToPath(new URL('./generateArchive.ts', import.meta.url))))
    .update(`${SCHEMA_VERSION}:${INDEX_VERSION}`)
    .digest('hex')
    .slice(0, 12);
  const folder = join(tmpdir(), 'bulletin-bench-archives', `${size}-${key}`);
  if (existsSync(join(folder, 'complete'))) return folder;
  console.error(`  memory ${size}: generating the archive and its index (kept in ${folder})…`);
  await mkdir(join(tmpdir(), 'bulletin-bench-archives'), { recursive: true });
  const partial = await mkdtemp(`${folder}.partial-`);
  const bulletins = generateBulletins(size);
  await writeArchive(partial, bulletins);
  await writePersistedIndex(
    join(partial, 'search-index.json'),
    INDEX_VERSION,
    fingerprintOf(bulletins),
    buildIndexJson(bulletins, () => {}),
  );
  await writeFile(join(partial, 'complete'), '');
  await rm(folder, { recursive: true, force: true });
  await rename(partial, folder);
  return folder;
}

const STEPS = [
  ['opened', 'after opening the store'],
  ['indexed', 'after loading the saved index'],
  ['searched', 'after a first search'],
] as const;

const nativeOf = (step: Step) => step.rssMb - step.heapTotalMb - step.externalMb;

function figuresOf(size: number, breakdown: Breakdown): Figure[] {
  const { steps } = breakdown;
  const figure = (name: string, value: number, rest: Partial<Figure> = {}): Figure => ({
    suite: 'memory',
    name,
    size,
    value,
    unit: 'MB',
    ...rest,
  });
  const bodies = breakdown.strings.bodyHtml;
  return [
    figure('bare process: heap used after GC (modules loaded)', steps.bare.heapMb),
    figure('bare process: RSS after GC (modules loaded)', steps.bare.rssMb),
    ...STEPS.flatMap(([step, what]) => [
      figure(`heap used after GC, ${what}`, steps[step].heapMb, {
        baseline: { name: 'modules loaded', value: steps.bare.heapMb },
      }),
      figure(`RSS after GC, ${what}`, steps[step].rssMb, {
        baseline: { name: 'modules loaded', value: steps.bare.rssMb },
        goal: step === 'searched' ? '≤ 500 MB steady (main)' : undefined,
      }),
      figure(`V8 heap held (heapTotal) after GC, ${what}`, steps[step].heapTotalMb),
      figure(
        `RSS outside V8's heap and external memory (native: code, malloc), ${what}`,
        nativeOf(steps[step]),
        { baseline: { name: 'modules loaded', value: nativeOf(steps.bare) } },
      ),
      figure(`peak RSS so far, ${what}`, steps[step].peakRssMb, {
        goal: step === 'searched' ? '≤ 800 MB peak (main)' : undefined,
      }),
    ]),
    figure('external memory after a first search', steps.searched.externalMb),
    figure(
      "the store's share of the heap (opened − modules loaded)",
      steps.opened.heapMb - steps.bare.heapMb,
    ),
    figure(
      "the index's share of the heap (index loaded − opened)",
      steps.indexed.heapMb - steps.opened.heapMb,
    ),
    figure(`bulletin bodies: their strings' bytes (${bodies?.count ?? 0} bodies)`, bodies?.mb ?? 0),
    figure(
      'heap freed by sharing repeated values (source, importedAt, countries, tags: strings and arrays)',
      steps.searched.heapMb - steps.valuesShared.heapMb,
    ),
    figure(
      'bulletin bodies: heap freed when dropped (after GC)',
      steps.valuesShared.heapMb - steps.withoutBodies.heapMb,
      {
        baseline: { name: "the store's share", value: steps.opened.heapMb - steps.bare.heapMb },
      },
    ),
    ...Object.entries(breakdown.strings).map(([field, strings]) =>
      figure(
        `bulletins' ${field} strings (${strings.count} values, ${strings.distinct} distinct)`,
        strings.mb,
      ),
    ),
    { ...figure('opening the store', breakdown.openMs), unit: 'ms' },
    { ...figure('loading the saved index', breakdown.indexMs), unit: 'ms' },
    { ...figure('a body read, not cached (median of 5)', breakdown.bodyReadMs ?? NaN), unit: 'ms' },
    {
      ...figure('a search page of 200 rows with passages (median of 5)', breakdown.searchPageMs ?? NaN),
      unit: 'ms',
    },
    { ...figure("main's longest turn while the index loads", breakdown.longestTurnMs), unit: 'ms' },
    figure('archive on disk (month files)', breakdown.archiveMb),
    figure('saved index on disk', breakdown.indexFileMb),
  ];
}

/** Means of the before and after runs, each after figure beside its before. */
function abFigures(size: number, before: Breakdown[], after: Breakdown[]): Figure[] {
  const mean = (runs: Breakdown[], pick: (breakdown: Breakdown) => number) =>
    runs.reduce((sum, breakdown) => sum + pick(breakdown), 0) / runs.length;
  const pairs: Array<[string, (breakdown: Breakdown) => number]> = [
    ...STEPS.flatMap(([step, what]): Array<[string, (breakdown: Breakdown) => number]> => [
      [`heap used after GC, ${what}`, (breakdown) => breakdown.steps[step].heapMb],
      [`RSS after GC, ${what}`, (breakdown) => breakdown.steps[step].rssMb],
      [`peak RSS so far, ${what}`, (breakdown) => breakdown.steps[step].peakRssMb],
    ]),
  ];
  const times: Array<[string, (breakdown: Breakdown) => number]> = [
    ['opening the store', (breakdown) => breakdown.openMs],
    ['loading the saved index', (breakdown) => breakdown.indexMs],
    ['a body read, not cached (median of 5)', (breakdown) => breakdown.bodyReadMs ?? NaN],
    ['a search page of 200 rows with passages (median of 5)', (breakdown) => breakdown.searchPageMs ?? NaN],
    ["main's longest turn while the index loads", (breakdown) => breakdown.longestTurnMs],
  ];
  const figure =
    (unit: 'MB' | 'ms') =>
    ([name, pick]: [string, (breakdown: Breakdown) => number]): Figure => ({
      suite: 'memory',
      name: `${name} (mean of ${after.length})`,
      size,
      value: mean(after, pick),
      unit,
      baseline: { name: `before (mean of ${before.length})`, value: mean(before, pick) },
    });
  return [...pairs.map(figure('MB')), ...times.map(figure('ms'))];
}
