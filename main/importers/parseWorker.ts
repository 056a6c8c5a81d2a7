import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseRequest, type ParsedFile } from './parseFile';

/**
 * The thread that reads untrusted files (imports and subscription responses), so that no file,
 * however it is built, holds main's thread; parseInWorker.ts ends it when a file takes too long.
 * In: { id, request }. Out: { id, kind: 'started' } as the file is begun, then its outcome.
 */
export type ParseMessage = { id: number; request: ParseRequest };
export type ParseReply =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'parsed'; parsed: ParsedFile }
  | { id: number; kind: 'failed'; message: string };

const reply = (message: ParseReply) => parentPort?.postMessage(message);

parentPort?.on('message', ({ id, request }: ParseMessage) => {
  reply({ id, kind: 'started' });
  // Bytes arrive as a plain Uint8Array; the decoders want a Buffer over the same memory.
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  void parseFile({ ...request, bytes }).then(
    (parsed) => reply({ id, kind: 'parsed', parsed }),
    (error: unknown) =>
      reply({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
