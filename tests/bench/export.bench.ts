import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp } from '../host/launch.mjs';
import { time, type Figure, type Suite } from './harness';

/** Export sizes: a typical selection and a large one (the goal: ≤ 30 s for 1,000). */
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '200,1000').split(',').map(Number);
/** Exports of the same archive in a row: memory must come back to where it was. */
const ROUNDS = 3;

/**
 * PDF export through tests/host (the built app on Chromium): the whole of
 * exportBulletins from the renderer's call to the file on disk, and main's
 * memory across rounds. Needs `npm run build` first; BENCH_EXPORT_SIZES=200,1000 sets the sizes.
 */
export const exportSuite: Suite = {
  name: 'export',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of SIZES) {
      const userDataDir = await context.archiveFolder(size);
      const out = await mkdtemp(join(tmpdir(), 'bulletin-export-bench-'));
      const files = Array.from({ length: ROUNDS }, (_, round) => join(out, `export-${round}.pdf`));
      const app = await launchApp({ userDataDir, dialogs: { save: files } });
      try {
        const page = await app.firstWindow();
        await page.getByRole('row').first().waitFor();
        const mainMemory = () =>
          app.evaluate(() => Math.round(process.memoryUsage().rss / 2 ** 20) as number) as Promise<number>;
        const before = await mainMemory();
        const durations: number[] = [];
        const after: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          durations.push(
            await time(() =>
              page.evaluate(async (title) => {
                const options = await window.bulletins.exportOptions();
                const outcome = await window.bulletins.exportBulletins({
                  scope: { kind: 'view', view: 'all' },
                  options: { ...options, title },
                });
                if (outcome?.status !== 'done') throw new Error(`export ended: ${JSON.stringify(outcome)}`);
              }, `Bench ${size}`),
            ),
          );
          after.push(await mainMemory());
        }
        const sorted = [...durations].sort((a, b) => a - b);
        figures.push({
          suite: 'export',
          name: `PDF export, whole (median of ${ROUNDS})`,
          size,
          value: sorted[Math.floor(ROUNDS / 2)] ?? NaN,
          unit: 'ms',
          goal: size >= 1000 ? '≤ 30 000 ms' : undefined,
        });
        figures.push({
          suite: 'export',
          name: `main RSS after ${ROUNDS} exports (before: ${before} MB; per round: ${after.join(', ')} MB)`,
          size,
          value: after.at(-1) ?? NaN,
          unit: 'MB',
          baseline: { name: 'main RSS before exporting', value: before },
          goal: 'flat across rounds',
        });
        figures.push({
          suite: 'export',
          name: 'PDF file size',
          size,
          value: Math.round((await stat(files[0] ?? '')).size / 1024),
          unit: 'KB',
        });
      } finally {
        await app.close();
        await rm(out, { recursive: true, force: true });
      }
    }
    return figures;
  },
};
