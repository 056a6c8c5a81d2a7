import { getHeapStatistics } from 'node:v8';

/** JSON whose reading could not fit in the memory this thread has left: refused unread. */
export class JsonTooLarge extends Error {
  constructor() {
    super('the JSON is too large to read in the memory left');
  }
}

/** Bytes of heap each value of a JSON text may take once parsed (an empty object: 56; its slot). */
const BYTES_PER_VALUE = 80;

const room = () => {
  const heap = getHeapStatistics();
  return heap.heap_size_limit - heap.used_heap_size;
};

/**
 * Parses untrusted JSON, refused (JsonTooLarge) before V8 starts when its result might
 * not fit in the heap left. Why: the decoder and JSON.parse are native code that never stop for an
 * interrupt, so in the parse worker, whose heap is capped, running out of memory inside them
 * aborts the whole process instead of ending the worker (measured: a 90 MB backup in a worker
 * capped at 64 MB killed its process). The bound is linear in the text: the text and the strings
 * made from it at 2 bytes a character at most, and BYTES_PER_VALUE for each value a `{`, `[`, `,`
 * or `:` outside strings can open (`[[],[],…]` makes a value of every 3 bytes). Legitimate files
 * are far under it: a backup of bulletins is mostly long strings.
 */
export function parseJsonWithinHeap(text: string): unknown {
  if (text.length * 4 + valuesOpened(text) * BYTES_PER_VALUE > room()) throw new JsonTooLarge();
  return JSON.parse(text);
}

/** UTF-8 bytes as text, refused (JsonTooLarge) when the text (2 bytes a character at most) could not fit. */
export function decodeWithinHeap(bytes: Uint8Array): string {
  if (bytes.byteLength * 2 > room()) throw new JsonTooLarge();
  return new TextDecoder('utf-8').decode(bytes);
}

/** How many values the text's punctuation outside strings could open: a linear scan. */
function valuesOpened(text: string): number {
  let count = 0;
  let inString = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === 0x5c) at += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b || code === 0x2c || code === 0x3a) count += 1;
  }
  return count;
}
