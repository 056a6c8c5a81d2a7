import { z } from 'zod';
import type { KeepJob, KeepQueueChange, KeepQueueStatus } from '../../preload/contract';
import { durableJsonFile } from '../store/durableJsonFile';

const jobSchema = z.object({
  bulletinId: z.string(),
  title: z.string(),
  /** The host whose pages the job fetches: at most two jobs a host at once. */
  host: z.string(),
  fullArticle: z.boolean(),
  images: z.boolean(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  /** Why it failed: an i18n key under `offline.problems.`. */
  problem: z.string().optional(),
});
const fileSchema = z.object({ jobs: z.array(jobSchema satisfies z.ZodType<KeepJob>) });
export type { KeepJob, KeepQueueChange, KeepQueueStatus };

export interface KeepQueueOptions {
  /** Where the queue is kept between launches (offline/queue.json). */
  file: string;
  /** Keeps one bulletin; rejects with an Error whose message is the problem. */
  run: (job: KeepJob, signal: AbortSignal) => Promise<void>;
  isOnline: () => boolean;
  /** Told what each move changed: its size is the move's, not the queue's. */
  onChange: (change: KeepQueueChange) => void;
  perHost?: number;
  concurrency?: number;
  /** How often a queue waiting for the network looks again. */
  retryOfflineMs?: number;
}

export interface KeepQueue {
  add(jobs: Omit<KeepJob, 'state' | 'problem'>[]): void;
  /** Cancels jobs (all of them without ids), aborting the downloads of those running. */
  cancel(bulletinIds?: readonly string[]): void;
  retry(bulletinIds?: readonly string[]): void;
  /** Forgets finished jobs (done, failed, cancelled). */
  clearFinished(): void;
  status(): KeepQueueStatus;
  /** Resolves once nothing is queued or running (tests and the bench). */
  idle(): Promise<void>;
  /** Stops starting jobs and ends the running ones, leaving them queued for the next launch; resolves once the queue is on disk. */
  close(): Promise<void>;
}

/** Finished jobs remembered for the panel; older ones are forgotten first. */
const FINISHED_KEPT = 500;
/**
 * The queue is written whole to its file at the user's changes (add, cancel, retry, clear) and
 * when it closes; a job's start or end only marks it to be written, at most this often. At 10,000 jobs the file is about 1.5 MB of JSON, some 10 ms to
 * make on main; written at each job's end that was most of main's time while keeping. A crash
 * loses at most this much of the queue's progress: those jobs are kept again.
 */
const PERSIST_MS = 1000;

type JobState = KeepJob['state'];
const isFinished = (state: JobState) => state === 'done' || state === 'failed' || state === 'cancelled';

/**
 * The background queue of bulletins to keep offline, persisted (a restart resumes it; jobs that
 * were running start again), run a few at a time with at most `perHost` on one host, and quiet
 * while offline: nothing starts, and a job that fails while the network is gone waits instead of
 * failing. Each move tells `onChange` the jobs it touched and the counts, kept as it goes: a
 * queue of tens of thousands of jobs sends a job's worth per job that moves, not the queue.
 *
 * A job's end costs the same at 10 jobs or 100,000: the jobs are kept by id, the queued ones in a
 * list per host (the next job is the first of a host below its limit; at most `concurrency`
 * hosts are at theirs), the finished in the order they finished (the oldest forgotten first).
 */
export async function openKeepQueue(options: KeepQueueOptions): Promise<KeepQueue> {
  const { perHost = 2, concurrency = 4, retryOfflineMs = 30_000 } = options;
  const adapter = durableJsonFile<unknown>(options.file);
  const stored = fileSchema.safeParse(await adapter.read().catch(() => null));
  /** Every job by bulletin id, in order of arrival (the panel's and the file's order). */
  const jobs = new Map<string, KeepJob>();
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  /** Queued jobs by host, each in order of arrival; a host with none is not listed. */
  const queuedByHost = new Map<string, Set<KeepJob>>();
  const runningByHost = new Map<string, number>();
  /** Finished jobs in the order they finished. */
  const finished = new Set<KeepJob>();
  const running = new Map<string, AbortController>();
  // What moved since the last change was told.
  let touched = new Map<string, KeepJob>();
  let removed = new Set<string>();
  let closed = false;
  let waitingForNetwork: NodeJS.Timeout | undefined;
  let persistLater: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  let lastWrite: Promise<void> = Promise.resolve();

  /** Counts a job in (1) or out (-1) of its state, and of that state's list. */
  const enlist = (job: KeepJob, by: 1 | -1) => {
    counts[job.state] += by;
    if (job.state === 'queued') {
      const queued = queuedByHost.get(job.host) ?? new Set<KeepJob>();
      if (by === 1) queuedByHost.set(job.host, queued.add(job));
      else if (queued.delete(job) && queued.size === 0) queuedByHost.delete(job.host);
    } else if (job.state === 'running') runningByHost.set(job.host, (runningByHost.get(job.host) ?? 0) + by);
    else if (by === 1) finished.add(job);
    else finished.delete(job);
  };
  const setState = (job: KeepJob, state: JobState) => {
    enlist(job, -1);
    job.state = state;
    enlist(job, 1);
    touched.set(job.bulletinId, job);
  };
  const insert = (job: KeepJob) => {
    jobs.set(job.bulletinId, job);
    enlist(job, 1);
    removed.delete(job.bulletinId);
    touched.set(job.bulletinId, job);
  };
  for (const job of stored.success ? stored.data.jobs : [])
    insert(job.state === 'running' ? { ...job, state: 'queued' } : job);
  touched.clear();
  /** Takes jobs out of the queue, each at the cost of one. */
  const forget = (leaving: Iterable<KeepJob>) => {
    for (const job of [...leaving]) {
      enlist(job, -1);
      jobs.delete(job.bulletinId);
      touched.delete(job.bulletinId);
      removed.add(job.bulletinId);
    }
  };
  const waiting = () => counts.queued + counts.running > 0;
  const countsNow = () => ({ ...counts, online: options.isOnline() });
  const persist = () => {
    clearTimeout(persistLater);
    persistLater = undefined;
    lastWrite = adapter.write({ jobs: [...jobs.values()] }).catch(() => undefined);
  };

  /** A job started or ended: written within PERSIST_MS. */
  const persistSoon = () => {
    if (persistLater || closed) return;
    persistLater = setTimeout(persist, PERSIST_MS);
    persistLater.unref();
  };

  /** Tells what moved; `persistNow` for the user's own changes (one each, and never to be lost). */
  const changed = (persistNow = false) => {
    const excess = finished.size - FINISHED_KEPT;
    if (excess > 0) forget([...finished].slice(0, excess));
    if (persistNow) persist();
    else persistSoon();
    const change: KeepQueueChange = {
      changed: [...touched.values()].map((job) => ({ ...job })),
      removed: [...removed],
      ...countsNow(),
    };
    touched = new Map();
    removed = new Set();
    options.onChange(change);
    if (!waiting()) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  /** The first queued job of the first host below its limit; that host goes last (hosts take turns). */
  const nextJob = (): KeepJob | undefined => {
    for (const [host, queued] of queuedByHost) {
      if ((runningByHost.get(host) ?? 0) >= perHost) continue;
      queuedByHost.delete(host);
      queuedByHost.set(host, queued);
      return queued.values().next().value;
    }
    return undefined;
  };

  const pump = () => {
    if (closed) return;
    if (!options.isOnline()) {
      if (counts.queued > 0 && !waitingForNetwork) {
        waitingForNetwork = setTimeout(() => {
          waitingForNetwork = undefined;
          pump();
        }, retryOfflineMs);
        waitingForNetwork.unref();
      }
      return;
    }
    while (running.size < concurrency) {
      const job = nextJob();
      if (!job) return;
      start(job);
    }
  };

  const start = (job: KeepJob) => {
    const controller = new AbortController();
    running.set(job.bulletinId, controller);
    setState(job, 'running');
    delete job.problem;
    changed();
    void options
      .run(job, controller.signal)
      .then(
        () => {
          if (job.state === 'running' && !closed) setState(job, 'done');
        },
        (error: unknown) => {
          if (job.state !== 'running' || closed) return;
          if (controller.signal.aborted) setState(job, 'cancelled');
          else if (!options.isOnline()) setState(job, 'queued');
          else {
            job.problem = error instanceof Error ? error.message : 'network';
            setState(job, 'failed');
          }
        },
      )
      .finally(() => {
        running.delete(job.bulletinId);
        if (closed) return;
        changed();
        pump();
      });
  };

  const select = (ids: readonly string[] | undefined): KeepJob[] =>
    ids ? ids.flatMap((id) => jobs.get(id) ?? []) : [...jobs.values()];

  queueMicrotask(pump);
  return {
    add(added) {
      // By id, once: a Select all of a large view is one add of many jobs, not a scan per job.
      const replaced = new Set<KeepJob>();
      const fresh = new Map<string, KeepJob>();
      for (const job of added) {
        const existing = fresh.get(job.bulletinId) ?? jobs.get(job.bulletinId);
        if (existing && !isFinished(existing.state)) continue;
        if (existing) replaced.add(existing);
        fresh.set(job.bulletinId, { ...job, state: 'queued' });
      }
      forget(replaced);
      for (const job of fresh.values()) insert(job);
      changed(true);
      pump();
    },
    cancel(ids) {
      for (const job of select(ids)) {
        if (job.state === 'queued') setState(job, 'cancelled');
        else if (job.state === 'running') {
          setState(job, 'cancelled');
          running.get(job.bulletinId)?.abort();
        }
      }
      changed(true);
    },
    retry(ids) {
      for (const job of select(ids))
        if (job.state === 'failed' || job.state === 'cancelled') {
          delete job.problem;
          setState(job, 'queued');
        }
      changed(true);
      pump();
    },
    clearFinished() {
      forget(finished);
      changed(true);
    },
    status: () => ({ jobs: [...jobs.values()].map((job) => ({ ...job })), ...countsNow() }),
    idle() {
      if (!waiting()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      clearTimeout(waitingForNetwork);
      for (const controller of running.values()) controller.abort();
      persist();
      return lastWrite;
    },
  };
}
