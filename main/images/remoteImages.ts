import { Parser } from 'htmlparser2';
import type { Bulletin } from '../../preload/contract';
import { readCapped, type FetchLike } from '../sync/fetchFeed';

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
 * The remote images of a bulletin's body, fetched by main when the user asks
 * ("Load images"), as data: URLs keyed by the `src` written in the body. The
 * renderer itself never reaches the network, so its CSP stays closed; main
 * fetches only http(s) images the body names, raster types, each capped in
 * size and time. An image that fails is left out (the placeholder stays).
 */
export async function fetchRemoteImages(
  bulletin: Bulletin,
  fetchImage: FetchLike,
  userAgent: string,
): Promise<Record<string, string>> {
  const sources = imageSources(bulletin.bodyHtml ?? '').slice(0, MAX_IMAGES);
  const loaded = await Promise.all(
    sources.map(async (src) => {
      const dataUrl = await fetchAsDataUrl(src, fetchImage, userAgent);
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

async function fetchAsDataUrl(url: string, fetchImage: FetchLike, userAgent: string): Promise<string | null> {
  try {
    const response = await fetchImage(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'user-agent': userAgent, accept: [...IMAGE_TYPES].join(', ') },
    });
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || !IMAGE_TYPES.has(type)) {
      await response.body?.cancel();
      return null;
    }
    const bytes = await readCapped(response, MAX_IMAGE_BYTES);
    if (bytes === 'too-large' || bytes.length === 0) return null;
    return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  } catch {
    return null;
  }
}
