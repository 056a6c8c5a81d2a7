import iconv from 'iconv-lite';

/**
 * Bytes of a feed file → text. The charset is taken, in order of authority, from a
 * byte-order mark, the HTTP Content-Type charset (when the file came over HTTP or a
 * test stands for one), the XML declaration, else UTF-8 (XML's default) — and when
 * undeclared bytes are not valid UTF-8, windows-1252, what such files nearly always are.
 * iconv-lite decodes: Node's TextDecoder reads windows-1252 as Latin-1, losing the
 * curly quotes and dashes that fill news text.
 */
export function decodeText(bytes: Uint8Array, httpCharset?: string): string {
  return demoronize(iconv.decode(bytes, usableLabel(detectCharset(bytes, httpCharset))));
}

/**
 * C1 control characters (U+0080–U+009F) never belong in text; where they appear, a
 * windows-1252 file was once converted as if it were Latin-1, so ’ became U+0092.
 * They are turned back into the windows-1252 characters they stood for.
 */
function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'),
  );
}

/** The charset label decodeText goes by, as written in the mark, header or declaration. */
export function detectCharset(bytes: Uint8Array, httpCharset?: string): string {
  const declared = byteOrderMark(bytes) ?? httpCharset ?? declaredEncoding(bytes);
  if (declared) return declared;
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * The label iconv-lite will decode with. As in browsers (WHATWG Encoding), ASCII and
 * Latin-1 labels read as windows-1252, its superset; an unknown label reads as UTF-8.
 */
export function usableLabel(label: string): string {
  const lower = label.trim().toLowerCase();
  if (['us-ascii', 'ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1'].includes(lower)) return 'windows-1252';
  // GB18030 is a superset of GB2312 and GBK; publishers label the superset's text with the old names.
  if (['gb2312', 'gbk', 'x-gbk'].includes(lower)) return 'gb18030';
  return iconv.encodingExists(lower) ? lower : 'utf-8';
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
  const head = iconv.decode(bytes.subarray(0, 200), 'latin1');
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] : undefined;
}
