import { parentPort } from 'node:worker_threads';
import { buildIndexFromShards } from './buildIndex';

/**
 * The worker thread that builds a whole index (minutes of CPU on an old laptop
 * at 100k bulletins), so main keeps answering the window meanwhile.
 * In: the shard folder. Out: progress messages, then the index JSON.
 */
export type WorkerMessage = { kind: 'progress'; progress: number } | { kind: 'done'; json: string };

parentPort?.once('message', (folder: string) => {
  void buildIndexFromShards(folder, (progress) => {
    parentPort?.postMessage({ kind: 'progress', progress } satisfies WorkerMessage);
  }).then((json) => parentPort?.postMessage({ kind: 'done', json } satisfies WorkerMessage));
});
