import { PNG } from 'pngjs';

/** A real PNG of the given size (pngjs encodes it). */
export function pngOf(width: number, height: number, shade = 0): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(shade);
  return PNG.sync.write(png);
}
