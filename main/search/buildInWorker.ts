import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Bulletin } from '../../preload/contract';
import type { WorkerMessage } from './indexWorker';

export type BuildIndex = (
  bulletins: readonly Bulletin[],
  onProgress: (progress: number) => void,
) => Promise<string>;

/**
 * Builds an index in a worker thread started from `workerFile` (out/main/indexWorker.js
 * in the app; tests start the TypeScript source through a loader, with `options`).
 */
export function buildInWorker(workerFile: string | URL, options: WorkerOptions = {}): BuildIndex {
  return (bulletins, onProgress) =>
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
      worker.postMessage(bulletins);
    });
}
