import { parentPort } from 'node:worker_threads';
import type { Bulletin } from '../../preload/contract';
import { buildIndexJson } from './buildIndex';

/**
 * The worker thread that builds a whole index (minutes of CPU on an old laptop
 * at 100k bulletins), so main keeps answering the window meanwhile.
 * In: the bulletins. Out: progress messages, then the index JSON.
 */
export type WorkerMessage = { kind: 'progress'; progress: number } | { kind: 'done'; json: string };

parentPort?.once('message', (bulletins: Bulletin[]) => {
  const json = buildIndexJson(bulletins, (progress) => {
    parentPort?.postMessage({ kind: 'progress', progress } satisfies WorkerMessage);
  });
  parentPort?.postMessage({ kind: 'done', json } satisfies WorkerMessage);
});
