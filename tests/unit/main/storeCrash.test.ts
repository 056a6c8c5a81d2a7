import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibrary } from '../../../main/store/library';
import { random } from '../../support/random';
import { bundleWorker } from './crash/bundleWorker';
import type { Operation } from './crash/storeWorker';

/**
 * Power loss, simulated: a child process runs the store and streams the
 * writes it has acknowledged; we SIGKILL it at seeded random moments (mostly
 * in the middle of a write), restart, and check the store opens without any
 * recovery and holds every acknowledged write. CRASH_SEED replays a run.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? 20261128);

let scratch: string;
let worker: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bulletin-crash-'));
  worker = join(scratch, 'storeWorker.mjs');
  await bundleWorker(new URL('./crash/storeWorker.ts', import.meta.url), worker);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Life {
  acked: Operation[];
  /** The operation started but not acknowledged when the kill came: it may or may not be on disk. */
  inFlight: Operation | null;
}

/** Runs one life of the worker and kills it after `acks` acknowledgements plus `delayMs`. */
function live(folder: string, life: number, acks: number, delayMs: number): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, folder, String(SEED), String(life)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const result: Life = { acked: [], inFlight: null };
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, json] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (line === 'ready') {
        if (acks === 0) kill();
      } else if (word === 'start') {
        result.inFlight = JSON.parse(json) as Operation;
      } else if (word === 'ack') {
        result.acked.push(JSON.parse(json) as Operation);
        result.inFlight = null;
        if (result.acked.length >= acks) kill();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`worker ended by itself (${code})`));
      // readline may still hold the last lines: let it flush before judging.
      else setImmediate(() => resolve(result));
    });
  });
}

// Each life is a child process started and killed: 180 s was not enough for 200 at load 18.
it(
  `keeps every acknowledged write through ${KILLS} kills at random points`,
  { timeout: 420_000 },
  async () => {
    const folder = join(scratch, 'library');
    const next = random(SEED);
    const bookmarked = new Map<string, boolean>();
    const read = new Map<string, boolean>();
    const notes = new Map<string, string | undefined>();
    const imported = new Set<string>();
    let acknowledged = 0;
    let duringCompaction = 0;

    for (let life = 0; life < KILLS; life++) {
      const { acked, inFlight } = await live(folder, life, Math.floor(next() * 12), Math.floor(next() * 4));
      acknowledged += acked.length;
      if (inFlight?.op === 'flush') duringCompaction++;
      for (const operation of acked) {
        if (operation.op === 'bookmark') bookmarked.set(operation.id, operation.now ?? false);
        else if (operation.op === 'read') read.set(operation.id, operation.read);
        else if (operation.op === 'note') notes.set(operation.id, operation.text || undefined);
        else if (operation.op === 'import') for (const id of operation.ids) imported.add(id);
      }

      const library = await openLibrary(folder);
      const context = `seed ${SEED}, life ${life}`;
      expect(library.openingEvents, context).toEqual([]);
      const uncertain = inFlight && 'id' in inFlight ? inFlight.id : null;
      for (const [id, now] of bookmarked)
        if (id !== uncertain) expect(library.isBookmarked(id), `${context}: ${id}`).toBe(now);
      for (const [id, now] of read)
        if (id !== uncertain) expect(library.isRead(id), `${context}: ${id}`).toBe(now);
      for (const [id, text] of notes)
        if (id !== uncertain) expect(library.note(id), `${context}: note on ${id}`).toBe(text);
      for (const id of imported) expect(library.get(id), `${context}: ${id}`).toBeDefined();
      // Whether the unacknowledged change landed or not, what is on disk is the truth from now on.
      if (uncertain !== null) {
        bookmarked.set(uncertain, library.isBookmarked(uncertain));
        read.set(uncertain, library.isRead(uncertain));
        notes.set(uncertain, library.note(uncertain));
      }
      library.close();
    }
    console.info(
      `crash test: ${KILLS} kills (${duringCompaction} during a compaction), ${acknowledged} acknowledged writes checked (seed ${SEED})`,
    );
    expect(acknowledged).toBeGreaterThan(KILLS);
    expect(duringCompaction).toBeGreaterThan(0);
  },
);
