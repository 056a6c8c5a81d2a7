import { imageSize } from 'image-size';

/** The raster formats kept offline, by what their bytes say they are. */
export type RasterType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif';

export const MIME_TYPES: Record<RasterType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Why an image was not kept: an i18n key under `offline.problems.`. */
export type ImageRefusal = 'notRaster' | 'tooLarge' | 'tooManyPixels' | 'unreadable';

export interface ImageLimits {
  maxBytes: number;
  /** Width × height: what decoding would allocate (4 bytes a pixel), refused before any decoding. */
  maxPixels: number;
}

/** 10 MB an image; 50 megapixels (a 200 MB bitmap once decoded) — a poster, not a bomb. */
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 50_000_000 };

export type SniffedImage =
  { ok: true; type: RasterType; width: number; height: number } | { ok: false; refusal: ImageRefusal };

/**
 * What an image really is, from its magic numbers — never its name or the server's Content-Type
 * (an "image" that is HTML or SVG is a document that can carry script) — and its dimensions from
 * its header, read without decoding: a 100,000 × 100,000 PNG is a few hundred bytes on the wire
 * and 40 GB in memory.
 */
export function sniffImage(bytes: Uint8Array, limits: ImageLimits = IMAGE_LIMITS): SniffedImage {
  if (bytes.length > limits.maxBytes) return { ok: false, refusal: 'tooLarge' };
  const type = rasterType(bytes);
  if (!type) return { ok: false, refusal: 'notRaster' };
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    return { ok: false, refusal: 'unreadable' };
  }
  if (!width || !height) return { ok: false, refusal: 'unreadable' };
  if (width * height > limits.maxPixels) return { ok: false, refusal: 'tooManyPixels' };
  return { ok: true, type, width, height };
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format its first bytes declare, or null: only the five raster formats a page may show. */
export function rasterType(bytes: Uint8Array): RasterType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // An ISO media file whose major brand is AVIF (still image or sequence).
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))
  )
    return 'avif';
  return null;
}
