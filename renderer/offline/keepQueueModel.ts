import type { KeepJob, KeepQueueChange, KeepQueueCounts, KeepQueueStatus } from '../../preload/contract';

type JobState = KeepJob['state'];

/** The order the panel lists jobs in: what moves or needs the user first. */
export const STATE_ORDER: readonly JobState[] = ['running', 'failed', 'queued', 'cancelled', 'done'];

/**
 * The window's copy of the keep queue: the jobs by state, each state in order of arrival, and
 * main's counts. Patched in place by each change, so a change costs what it carries, and the
 * panel reads its first rows without sorting the queue.
 */
export interface KeepQueueModel {
  counts: KeepQueueCounts;
  byState: Record<JobState, Map<string, KeepJob>>;
  /** Where each job is, by bulletin id. */
  stateOf: Map<string, JobState>;
}

export function keepQueueModel(status: KeepQueueStatus): KeepQueueModel {
  const { jobs, ...counts } = status;
  const model: KeepQueueModel = {
    counts,
    byState: {
      running: new Map(),
      failed: new Map(),
      queued: new Map(),
      cancelled: new Map(),
      done: new Map(),
    },
    stateOf: new Map(),
  };
  for (const job of jobs) place(model, job);
  return model;
}

/** Applies one change of main's queue: work in proportion to the change, not to the queue. */
export function applyKeepChange(model: KeepQueueModel, change: KeepQueueChange): void {
  const { changed, removed, ...counts } = change;
  for (const id of removed) take(model, id);
  for (const job of changed) {
    take(model, job.bulletinId);
    place(model, job);
  }
  model.counts = counts;
}

/** The first `limit` jobs in the panel's order, reading no more than that. */
export function firstJobs(model: KeepQueueModel, limit: number): KeepJob[] {
  const shown: KeepJob[] = [];
  for (const state of STATE_ORDER)
    for (const job of model.byState[state].values()) {
      if (shown.length >= limit) return shown;
      shown.push(job);
    }
  return shown;
}

/** Every job in the queue, whatever its state. */
export function jobCount({ counts }: KeepQueueModel): number {
  return counts.queued + counts.running + counts.done + counts.failed + counts.cancelled;
}

function place(model: KeepQueueModel, job: KeepJob) {
  model.byState[job.state].set(job.bulletinId, job);
  model.stateOf.set(job.bulletinId, job.state);
}

function take(model: KeepQueueModel, id: string) {
  const state = model.stateOf.get(id);
  if (state === undefined) return;
  model.byState[state].delete(id);
  model.stateOf.delete(id);
}
