import { parentPort } from 'node:worker_threads';
import { readMonthFile, type MonthLayout } from './monthLayout';

/**
 * The thread that reads the month files at opening (at 100,000 bulletins, 285 MB: the largest
 * single cost of opening) while main parses the previous one. It decodes each, takes its bodies
 * out and finds where they lie in the file (monthLayout.ts): the bodies never reach main, which
 * parses the rest. Strings cannot cross threads, so the text comes back as bytes main turns into
 * a string at memcpy speed: Latin-1 when every character fits (English, Spanish, French), else
 * UTF-16. In: { id, path }. Out: { id, encoding, bytes, layout } or { id, error }.
 */
export type TextRequest = { id: number; path: string };
export type TextReply =
  | { id: number; encoding: 'latin1' | 'utf16le'; bytes: ArrayBuffer; layout: MonthLayout | null }
  | { id: number; error: { message: string; code?: string } };

parentPort?.on('message', ({ id, path }: TextRequest) => {
  void readMonthFile(path).then(
    ({ text, layout }) => {
      const { encoding, bytes } = bytesForMain(text);
      const owned =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes.buffer
          : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const reply: TextReply = { id, encoding, bytes: owned as ArrayBuffer, layout };
      parentPort?.postMessage(reply, [owned as ArrayBuffer]);
    },
    (error: NodeJS.ErrnoException) => {
      const reply: TextReply = { id, error: { message: error.message, code: error.code } };
      parentPort?.postMessage(reply);
    },
  );
});

/** The text as bytes main can make a string of at once. */
function bytesForMain(text: string): { encoding: 'latin1' | 'utf16le'; bytes: Buffer } {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 0xff) return { encoding: 'utf16le', bytes: Buffer.from(text, 'utf16le') };
  return { encoding: 'latin1', bytes: Buffer.from(text, 'latin1') };
}
