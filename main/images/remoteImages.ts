import { Parser } from 'htmlparser2';
import type { FetchWithPolicy } from '../net/fetchWithPolicy';

/** Raster formats only: an SVG is a document that can carry script. */
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);
const MAX_IMAGES = 40;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/**
 * The remote images of a bulletin's body (`sources`: its imageSources, found by the parse
 * worker: the body is untrusted HTML, never parsed on main's thread), fetched by main when the
 * user asks ("Load images"), as data: URLs keyed by the `src` written in the body. The
 * renderer itself never reaches the network, so its CSP stays closed; main
 * fetches only http(s) images the body names, raster types, each capped in
 * size and time, through main's outbound-request policy (main/net: no local
 * address unless allowed, redirects checked). An image that fails is left out
 * (the placeholder stays).
 */
export async function fetchRemoteImages(
  sources: readonly string[],
  fetchImage: FetchWithPolicy,
): Promise<Record<string, string>> {
  const loaded = await Promise.all(
    sources.slice(0, MAX_IMAGES).map(async (src) => {
      const dataUrl = await fetchAsDataUrl(src, fetchImage);
      return dataUrl ? ([src, dataUrl] as const) : null;
    }),
  );
  return Object.fromEntries(loaded.filter((entry) => entry !== null));
}

/**
 * Every distinct web address (http, https) of an <img> in the body, as written
 * with entities decoded: what the reader's sanitiser turns into placeholders.
 */
export function imageSources(html: string): string[] {
  const found = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      const src = attributes.src?.trim();
      if (name === 'img' && src && /^https?:\/\//i.test(src)) found.add(src);
    },
  });
  parser.write(html);
  parser.end();
  return [...found];
}

async function fetchAsDataUrl(url: string, fetchImage: FetchWithPolicy): Promise<string | null> {
  const outcome = await fetchImage(url, {
    accept: [...IMAGE_TYPES].join(', '),
    maxBytes: MAX_IMAGE_BYTES,
    timeoutMs: TIMEOUT_MS,
  });
  if (outcome.kind === 'failed' || outcome.status < 200 || outcome.status > 299) return null;
  const type = outcome.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!IMAGE_TYPES.has(type) || outcome.bytes.length === 0) return null;
  return `data:${type};base64,${Buffer.from(outcome.bytes).toString('base64')}`;
}
