import { parentPort } from 'node:worker_threads';
import { runTask, type TaskOutcome, type UntrustedTask } from './untrustedWork';

/**
 * The thread that reads untrusted bytes (imports, subscription responses, backups to restore, a
 * body's HTML for its images), so that nothing, however it is built, holds main's thread;
 * parseInWorker.ts ends it when a task takes too long. In: { id, task }. Out: { id, kind:
 * 'started' } as the task is begun, then its outcome.
 */
export type ParseMessage = { id: number; task: UntrustedTask };
export type ParseReply =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'done'; outcome: TaskOutcome }
  | { id: number; kind: 'failed'; message: string };

const reply = (message: ParseReply) => parentPort?.postMessage(message);

/** Bytes arrive as a plain Uint8Array; the decoders want a Buffer over the same memory. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

parentPort?.on('message', ({ id, task }: ParseMessage) => {
  reply({ id, kind: 'started' });
  const received: UntrustedTask =
    task.kind === 'file'
      ? { ...task, request: { ...task.request, bytes: asBuffer(task.request.bytes) } }
      : task;
  void runTask(received).then(
    (outcome) => reply({ id, kind: 'done', outcome }),
    (error: unknown) =>
      reply({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
