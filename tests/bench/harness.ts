import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bulletin } from '../../preload/contract';
import { generateBulletins, writeArchive } from './generateArchive';

/** One measured figure beside the baseline it is judged against. */
export interface Figure {
  suite: string;
  /** What users feel, e.g. "store load" or "query p95". */
  name: string;
  /** Archive size the figure was measured at. */
  size: number;
  value: number;
  unit: 'ms' | 'MB' | 'items/s' | 'KB' | '%' | 'count';
  /** The baseline measured in the same run, if any (e.g. a bare JSON.parse of the same bytes). */
  baseline?: { name: string; value: number };
  /** The goal, as text, e.g. "≤ 1.3× JSON.parse". */
  goal?: string;
}

export interface BenchContext {
  /** Archive sizes to measure at (10k and 100k by default; BENCH_SIZES=1000,10000 to change). */
  sizes: readonly number[];
  /** The deterministic bulletins of an archive of `size` (cached across suites). */
  bulletins(size: number): Bulletin[];
  /** A fresh user-data folder holding an archive of `size`, removed after the run. */
  archiveFolder(size: number): Promise<string>;
}

export interface Suite {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export function createContext(sizes: readonly number[]): { context: BenchContext; dispose(): Promise<void> } {
  const cache = new Map<number, Bulletin[]>();
  const folders: string[] = [];
  const bulletins = (size: number) => {
    let list = cache.get(size);
    if (!list) {
      list = generateBulletins(size);
      cache.set(size, list);
    }
    return list;
  };
  return {
    context: {
      sizes,
      bulletins,
      async archiveFolder(size) {
        const folder = await mkdtemp(join(tmpdir(), `bulletin-bench-${size}-`));
        folders.push(folder);
        // Not kept for later unless a suite asked for the bulletins themselves: 100,000 of them held
        // here would make every collection in the suite's own measurements slower than in the app.
        await writeArchive(folder, cache.get(size) ?? generateBulletins(size));
        return folder;
      },
    },
    async dispose() {
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}

/** Percentile of a list of durations (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Milliseconds taken by `work`. */
export async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
