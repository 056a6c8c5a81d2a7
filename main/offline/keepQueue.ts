import { z } from 'zod';
import type { KeepJob, KeepQueueStatus } from '../../preload/contract';
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
export type { KeepJob, KeepQueueStatus };

export interface KeepQueueOptions {
  /** Where the queue is kept between launches (offline/queue.json). */
  file: string;
  /** Keeps one bulletin; rejects with an Error whose message is the problem. */
  run: (job: KeepJob, signal: AbortSignal) => Promise<void>;
  isOnline: () => boolean;
  onChange: (status: KeepQueueStatus) => void;
  perHost?: number;
  concurrency?: number;
  /** How often a queue waiting for the network looks again. */
  retryOfflineMs?: number;
}

export interface KeepQueue {
  add(jobs: Omit<KeepJob, 'state' | 'problem'>[]): void;
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
 * The background queue of bulletins to keep offline, persisted (a restart resumes it; jobs that
 * were running start again), run a few at a time with at most `perHost` on one host, and quiet
 * while offline: nothing starts, and a job that fails while the network is gone waits instead of
 * failing.
 */
export async function openKeepQueue(options: KeepQueueOptions): Promise<KeepQueue> {
  const { perHost = 2, concurrency = 4, retryOfflineMs = 30_000 } = options;
  const adapter = durableJsonFile<unknown>(options.file);
  const stored = fileSchema.safeParse(await adapter.read().catch(() => null));
  const jobs: KeepJob[] = stored.success
    ? stored.data.jobs.map((job) => (job.state === 'running' ? { ...job, state: 'queued' } : job))
    : [];
  const running = new Map<string, AbortController>();
  let closed = false;
  let waitingForNetwork: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  let lastWrite: Promise<void> = Promise.resolve();

  const status = (): KeepQueueStatus => {
    const count = (state: KeepJob['state']) => jobs.filter((job) => job.state === state).length;
    return {
      jobs: jobs.map((job) => ({ ...job })),
      queued: count('queued'),
      running: count('running'),
      done: count('done'),
      failed: count('failed'),
      online: options.isOnline(),
    };
  };
  const changed = () => {
    const finished = jobs.filter((job) => job.state !== 'queued' && job.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT)))
      jobs.splice(jobs.indexOf(old), 1);
    lastWrite = adapter.write({ jobs }).catch(() => undefined);
    options.onChange(status());
    if (!jobs.some((job) => job.state === 'queued' || job.state === 'running')) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const pump = () => {
    if (closed) return;
    if (!options.isOnline()) {
      if (jobs.some((job) => job.state === 'queued') && !waitingForNetwork) {
        waitingForNetwork = setTimeout(() => {
          waitingForNetwork = undefined;
          pump();
        }, retryOfflineMs);
        waitingForNetwork.unref();
      }
      return;
    }
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
    job.state = 'running';
    delete job.problem;
    changed();
    void options
      .run(job, controller.signal)
      .then(
        () => {
          if (job.state === 'running' && !closed) job.state = 'done';
        },
        (error: unknown) => {
          if (job.state !== 'running' || closed) return;
          if (controller.signal.aborted) job.state = 'cancelled';
          else if (!options.isOnline()) job.state = 'queued';
          else {
            job.state = 'failed';
            job.problem = error instanceof Error ? error.message : 'network';
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
      for (const job of added) {
        const existing = byId.get(job.bulletinId);
        if (existing?.state === 'queued' || existing?.state === 'running') continue;
        if (existing) jobs.splice(jobs.indexOf(existing), 1);
        const queued: KeepJob = { ...job, state: 'queued' };
        jobs.push(queued);
        byId.set(job.bulletinId, queued);
      }
      changed();
      pump();
    },
    cancel(ids) {
      for (const job of select(ids)) {
        if (job.state === 'queued') job.state = 'cancelled';
        else if (job.state === 'running') {
          job.state = 'cancelled';
          running.get(job.bulletinId)?.abort();
        }
      }
      changed();
    },
    retry(ids) {
      for (const job of select(ids))
        if (job.state === 'failed' || job.state === 'cancelled') {
          job.state = 'queued';
          delete job.problem;
        }
      changed();
      pump();
    },
    clearFinished() {
      for (const job of [...jobs])
        if (job.state !== 'queued' && job.state !== 'running') jobs.splice(jobs.indexOf(job), 1);
      changed();
    },
    status,
    idle() {
      if (!jobs.some((job) => job.state === 'queued' || job.state === 'running')) return Promise.resolve();
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
