import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { WorkerMessage } from './indexWorker';

/** Builds a whole index, reporting progress (0..1); resolves to minisearch JSON. */
export type BuildIndex = (onProgress: (progress: number) => void) => Promise<string>;

/**
 * Builds an index of the shards in `shardFolder` in a worker thread started from
 * `workerFile` (out/main/indexWorker.js in the app; tests start the TypeScript
 * source through a loader, with `options`).
 */
export function buildInWorker(
  workerFile: string | URL,
  shardFolder: string,
  options: WorkerOptions = {},
): BuildIndex {
  return (onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerFile, options);
      let done = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'progress') onProgress(message.progress);
        else {
          done = true;
          resolve(message.json);
          void worker.terminate();
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`index worker stopped (exit code ${code})`));
      });
      worker.postMessage(shardFolder);
    });
}
