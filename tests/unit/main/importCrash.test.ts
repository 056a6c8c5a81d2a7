import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { random } from '../../support/random';
import { bundleWorker } from './crash/bundleWorker';
import type { CrashFile } from './crash/importWorker';

/**
 * Power loss during imports, simulated: a child process imports batches of small files and
 * streams the files its reports acknowledged; we SIGKILL it at seeded random moments, restart,
 * and check that the store opens without any recovery, holds every acknowledged file whole, and
 * holds of any other file, month by month, all of its items or none (a commit replaces each
 * month atomically; two months of one commit can part in a crash). IMPORT_CRASH_SEED replays a run.
 */
const KILLS = Number(process.env.IMPORT_CRASH_KILLS ?? 60);
const SEED = Number(process.env.IMPORT_CRASH_SEED ?? 20261128);

let scratch: string;
let worker: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bulletin-import-crash-'));
  worker = join(scratch, 'importWorker.mjs');
  await bundleWorker(new URL('./crash/importWorker.ts', import.meta.url), worker);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Life {
  acked: CrashFile[];
  /** Files of batches started and not acknowledged: some, all or none of them may be on disk. */
  unsure: CrashFile[];
}

/** Runs one life of the worker and kills it after `acks` acknowledged batches plus `delayMs`. */
function live(folder: string, life: number, acks: number, delayMs: number): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, folder, String(SEED), String(life)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const result: Life = { acked: [], unsure: [] };
    let batches = 0;
    let inFlight: CrashFile[] = [];
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      const space = line.indexOf(' ');
      const [word, json] = [line.slice(0, space), line.slice(space + 1)];
      if (line === 'ready') {
        if (acks === 0) kill();
      } else if (word === 'start') {
        inFlight = JSON.parse(json) as CrashFile[];
      } else if (word === 'ack') {
        const acked = JSON.parse(json) as CrashFile[];
        result.acked.push(...acked);
        inFlight = [];
        if (++batches >= acks) kill();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`worker ended by itself (${code})`));
      // readline may still hold the last lines: let it flush before judging.
      else
        setImmediate(() => {
          result.unsure = inFlight;
          resolve(result);
        });
    });
  });
}

/** For each month of a file: how many of its items of that month are held (by title: ids are hashed), of how many. */
function monthsOf(
  held: ReadonlySet<string>,
  file: CrashFile,
): Array<{ month: string; held: number; of: number }> {
  const months = [...new Set(file.items.map((item) => item.month))];
  return months.map((month) => {
    const items = file.items.filter((item) => item.month === month);
    return { month, held: items.filter((item) => held.has(`Bulletin ${item.id}`)).length, of: items.length };
  });
}

it(
  `keeps every acknowledged import file, and no month of any file in part, through ${KILLS} kills`,
  { timeout: 180_000 },
  async () => {
    const folder = join(scratch, 'library');
    const next = random(SEED);
    const acknowledged: CrashFile[] = [];
    let unsureChecked = 0;

    for (let life = 0; life < KILLS; life++) {
      const { acked, unsure } = await live(folder, life, Math.floor(next() * 4), Math.floor(next() * 30));
      acknowledged.push(...acked);
      const library = await openLibrary(folder);
      const context = `seed ${SEED}, life ${life}`;
      const titles = new Set(library.bulletins().map((bulletin) => bulletin.title));
      expect(library.openingEvents, context).toEqual([]);
      for (const file of acknowledged) {
        for (const { month, held, of } of monthsOf(titles, file))
          expect(held, `${context}: ${file.name} ${month}`).toBe(of);
      }
      for (const file of unsure) {
        for (const { month, held, of } of monthsOf(titles, file))
          expect([0, of], `${context}: ${file.name} ${month} holds ${held} of ${of}`).toContain(held);
        unsureChecked++;
      }
      library.close();
    }
    console.info(
      `import crash test: ${KILLS} kills, ${acknowledged.length} acknowledged files, ${unsureChecked} cut short (seed ${SEED})`,
    );
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    expect(unsureChecked).toBeGreaterThan(0);
  },
);
