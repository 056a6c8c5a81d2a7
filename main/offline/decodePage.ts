import iconv from 'iconv-lite';

/**
 * A page's text from its bytes: the charset the server declared, else the one a <meta> in the
 * first 1,024 bytes declares (where HTML says to look), else UTF-8. Unknown charsets read as UTF-8.
 */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const declared = charsetOf(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  const charset = iconv.encodingExists(declared) ? declared : 'utf-8';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

function charsetOf(contentType: string): string | null {
  const match = /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType);
  return match?.[1] ?? null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head);
  return match?.[1] ?? null;
}
