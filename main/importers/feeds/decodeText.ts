/**
 * Bytes of a feed file → text. The charset is taken, in order of authority, from a
 * byte-order mark, the HTTP Content-Type charset (when the file came over HTTP or a
 * test stands for one), the XML declaration, else UTF-8 (XML's default). Decoding uses
 * the WHATWG TextDecoder (full ICU in Node and Electron), which covers windows-1252,
 * ISO-8859-x, UTF-16 and the other legacy labels feeds use.
 */
export function decodeText(bytes: Uint8Array, httpCharset?: string): string {
  const bom = byteOrderMark(bytes);
  const label = bom ?? httpCharset ?? declaredEncoding(bytes) ?? 'utf-8';
  return decoderFor(label).decode(bytes);
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // UTF-16 without a mark still starts with "<" (0x3C) beside a zero byte.
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  return undefined;
}

/** The encoding named in `<?xml … encoding="…"?>`; the declaration itself is ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    // An unknown or misspelt label: UTF-8 reads most real feeds; bad bytes become U+FFFD.
    return new TextDecoder('utf-8');
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined;
}
