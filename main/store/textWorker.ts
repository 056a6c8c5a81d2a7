import { isUtf8, transcode } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

/**
 * The thread that reads the store's files at opening and decodes their UTF-8 (at 100,000
 * bulletins, 285 MB: the largest single cost of opening) while main parses the previous file.
 * Strings cannot cross threads, so the text comes back as bytes main turns into a string at
 * memcpy speed: Latin-1 when every character fits (English, Spanish, French), else UTF-16.
 * In: { id, path }. Out: { id, encoding, bytes } or { id, error }.
 */
export type TextRequest = { id: number; path: string };
export type TextReply =
  | { id: number; encoding: 'latin1' | 'utf16le' | 'utf8'; bytes: ArrayBuffer }
  | { id: number; error: { message: string; code?: string } };

parentPort?.on('message', ({ id, path }: TextRequest) => {
  void readFile(path).then(
    (bytes) => {
      const { encoding, text } = forMain(bytes);
      const owned =
        text.byteOffset === 0 && text.byteLength === text.buffer.byteLength
          ? text.buffer
          : text.buffer.slice(text.byteOffset, text.byteOffset + text.byteLength);
      const reply: TextReply = { id, encoding, bytes: owned as ArrayBuffer };
      parentPort?.postMessage(reply, [owned as ArrayBuffer]);
    },
    (error: NodeJS.ErrnoException) => {
      const reply: TextReply = { id, error: { message: error.message, code: error.code } };
      parentPort?.postMessage(reply);
    },
  );
});

/**
 * The text as bytes main can make a string of at once. Not valid UTF-8 (a damaged file), or a
 * runtime without ICU's transcoding: the bytes as they are, which main decodes as readFile would.
 */
function forMain(bytes: Buffer): { encoding: 'latin1' | 'utf16le' | 'utf8'; text: Buffer } {
  if (!isUtf8(bytes)) return { encoding: 'utf8', text: bytes };
  const encoding = fitsLatin1(bytes) ? 'latin1' : 'utf16le';
  try {
    return { encoding, text: transcode(bytes, 'utf8', encoding) };
  } catch {
    return { encoding: 'utf8', text: bytes };
  }
}

/** Valid UTF-8 whose lead bytes are all below 0xC4 encodes only code points up to U+00FF. */
function fitsLatin1(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0xc4) return false;
  return true;
}
