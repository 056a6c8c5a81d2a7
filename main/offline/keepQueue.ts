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

type JobState = KeepJob['state'];
const isFinished = (state: JobState) => state === 'done' || state === 'failed' || state === 'cancelled';

/**
 * The background queue of bulletins to keep offline, persisted (a restart resumes it; jobs that
 * were running start again), run a few at a time with at most `perHost` on one host, and quiet
 * while offline: nothing starts, and a job that fails while the network is gone waits instead of
 * failing. Each move tells `onChange` the jobs it touched and the counts, kept as it goes: a
 * queue of tens of thousands of jobs sends a job's worth per job that moves, not the queue.
 */
export async function openKeepQueue(options: KeepQueueOptions): Promise<KeepQueue> {
  const { perHost = 2, concurrency = 4, retryOfflineMs = 30_000 } = options;
  const adapter = durableJsonFile<unknown>(options.file);
  const stored = fileSchema.safeParse(await adapter.read().catch(() => null));
  const jobs: KeepJob[] = stored.success
    ? stored.data.jobs.map((job) => (job.state === 'running' ? { ...job, state: 'queued' } : job))
    : [];
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  for (const job of jobs) counts[job.state] += 1;
  const running = new Map<string, AbortController>();
  // What moved since the last change was told.
  let touched = new Map<string, KeepJob>();
  let removed = new Set<string>();
  let closed = false;
  let waitingForNetwork: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  let lastWrite: Promise<void> = Promise.resolve();

  const setState = (job: KeepJob, state: JobState) => {
    counts[job.state] -= 1;
    counts[state] += 1;
    job.state = state;
    touched.set(job.bulletinId, job);
  };
  const insert = (job: KeepJob) => {
    jobs.push(job);
    counts[job.state] += 1;
    removed.delete(job.bulletinId);
    touched.set(job.bulletinId, job);
  };
  /** Takes jobs out of the queue, in one pass over it however many. */
  const forget = (leaving: ReadonlySet<KeepJob>) => {
    if (leaving.size === 0) return;
    for (const job of leaving) {
      counts[job.state] -= 1;
      touched.delete(job.bulletinId);
      removed.add(job.bulletinId);
    }
    const staying = jobs.filter((job) => !leaving.has(job));
    jobs.length = 0;
    jobs.push(...staying);
  };
  const waiting = () => counts.queued + counts.running > 0;
  const countsNow = () => ({ ...counts, online: options.isOnline() });

  const changed = () => {
    const excess = counts.done + counts.failed + counts.cancelled - FINISHED_KEPT;
    if (excess > 0) {
      // The oldest finished first (the queue keeps its order of arrival).
      const oldest = new Set<KeepJob>();
      for (const job of jobs) {
        if (oldest.size >= excess) break;
        if (isFinished(job.state)) oldest.add(job);
      }
      forget(oldest);
    }
    lastWrite = adapter.write({ jobs }).catch(() => undefined);
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
    if (counts.queued === 0) return;
    const perHostRunning = new Map<string, number>();
    for (const job of jobs)
      if (job.state === 'running') perHostRunning.set(job.host, (perHostRunning.get(job.host) ?? 0) + 1);
    for (const job of jobs) {
      if (running.size >= concurrency) break;
      if (job.state !== 'queued' || (perHostRunning.get(job.host) ?? 0) >= perHost) continue;
      perHostRunning.set(job.host, (perHostRunning.get(job.host) ?? 0) + 1);
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

  const select = (ids: readonly string[] | undefined) => {
    const wanted = ids ? new Set(ids) : null;
    return jobs.filter((job) => !wanted || wanted.has(job.bulletinId));
  };

  queueMicrotask(pump);
  return {
    add(added) {
      // By id, once: a Select all of a large view is one add of many jobs, not a scan per job.
      const byId = new Map(jobs.map((job) => [job.bulletinId, job]));
      const replaced = new Set<KeepJob>();
      const fresh: KeepJob[] = [];
      for (const job of added) {
        const existing = byId.get(job.bulletinId);
        if (existing && !isFinished(existing.state)) continue;
        if (existing) replaced.add(existing);
        const queued: KeepJob = { ...job, state: 'queued' };
        fresh.push(queued);
        byId.set(job.bulletinId, queued);
      }
      forget(replaced);
      for (const job of fresh) insert(job);
      changed();
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
      changed();
    },
    retry(ids) {
      for (const job of select(ids))
        if (job.state === 'failed' || job.state === 'cancelled') {
          delete job.problem;
          setState(job, 'queued');
        }
      changed();
      pump();
    },
    clearFinished() {
      forget(new Set(jobs.filter((job) => isFinished(job.state))));
      changed();
    },
    status: () => ({ jobs: jobs.map((job) => ({ ...job })), ...countsNow() }),
    idle() {
      if (!waiting()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      clearTimeout(waitingForNetwork);
      for (const controller of running.values()) controller.abort();
      return lastWrite;
    },
  };
}
