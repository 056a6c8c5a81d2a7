/**
 * Long work on main's thread, a slice at a time. Main's thread is Electron's browser UI thread:
 * a search over 100,000 bulletins, the archive's fingerprint or an index update can each take
 * longer than a frame, and a window's next keystroke or click waits behind them. The work marks
 * where it may pause (`yield` in a generator, or `await pause()` in async code); the pause gives
 * the event loop a turn only once the slice has run `SLICE_MS`, so pausing often costs a clock
 * read, not a turn.
 */

/** The longest a slice holds main's thread (one frame at 120 Hz). */
export const SLICE_MS = 8;

/** Work that yields where it may pause and returns its result. */
export type Sliced<T> = Generator<void, T, void>;

/** Work stopped at a pause because nobody wants its result any more (a newer search replaced it). */
export class Abandoned extends Error {
  constructor() {
    super('abandoned: a newer request replaced it');
  }
}

export interface SliceOptions {
  sliceMs?: number;
  /**
   * The user's own work (a search): it never waits for background work (index updates, the
   * index's save, its load), which waits at its pauses while any such work runs.
   */
  foreground?: boolean;
  /** Asked after each turn given away: true stops the work with Abandoned. */
  abandoned?: () => boolean;
  /** Called after each turn given away (a save in progress learns the index moved). */
  onPause?: () => void;
}

/**
 * A pause for async work: resolves at once while the slice has time left, else after a turn of
 * the event loop (setImmediate: a timer would wait at least 1 ms), then rejects with Abandoned if
 * the work is no longer wanted.
 */
export function pauser(options: SliceOptions = {}): () => Promise<void> {
  const { sliceMs = SLICE_MS, abandoned, onPause, foreground = false } = options;
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (!foreground) await noForeground();
    onPause?.();
    if (abandoned?.()) throw new Abandoned();
    sliceStart = performance.now();
  };
}

/**
 * Runs sliced work to its end, pausing as `options` says; rejects with Abandoned if abandoned,
 * before it begins (it waited its turn behind other work) or at a pause.
 */
export async function inSlices<T>(work: Sliced<T>, options: SliceOptions = {}): Promise<T> {
  if (options.abandoned?.()) throw new Abandoned();
  const pause = pauser(options);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** Foreground work running (or waiting its turn) now, and the background work waiting for it to end. */
let inForeground = 0;
const waiting: Array<() => void> = [];

/**
 * Resolves when no foreground work runs: where background work (an index update, the store's next
 * file serialised, durableJsonFile.ts) waits its turn.
 */
export async function noForeground(): Promise<void> {
  while (inForeground > 0) await new Promise<void>((wake) => waiting.push(wake));
}

/**
 * Runs `work` as the user's: background work pauses until it ends. A search typed during an import
 * took turns with the import's slices and the index's save, and answered 2–6× later than alone.
 */
export async function asForeground<T>(work: () => Promise<T>): Promise<T> {
  inForeground++;
  try {
    return await work();
  } finally {
    if (--inForeground === 0) for (const wake of waiting.splice(0)) wake();
  }
}

/** Runs sliced work to its end in one go: for work known to be small, and for tests. */
export function whole<T>(work: Sliced<T>): T {
  for (let step = work.next(); ; step = work.next()) if (step.done) return step.value;
}

/** `each` applied to every item, with a place to pause after each. */
export function* eachOf<T>(items: Iterable<T>, each: (item: T) => void): Sliced<void> {
  for (const item of items) {
    each(item);
    yield;
  }
}

/**
 * How many steps of a tight loop (a posting scored, a document checked) run between places to
 * pause: a generator's yield and a clock read cost ~0.1 µs, a step ~10 ns, so every 1,024 steps
 * the pauses cost about 1 % and a slice overruns by well under a millisecond.
 */
export const STEPS_A_PAUSE = 1024;
