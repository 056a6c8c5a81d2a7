import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImageStore } from '../../../../main/offline/imageStore';
import { sniffImage } from '../../../../main/offline/sniffImage';
import { pngOf } from './imageFixtures';

/** Only a PNG's signature and IHDR chunk: what a decompression bomb shows before its data. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

describe('what an image really is', () => {
  it('keeps a real PNG, with the dimensions of its header', () => {
    expect(sniffImage(pngOf(30, 20))).toEqual({ ok: true, type: 'png', width: 30, height: 20 });
  });

  it('refuses an SVG, whatever it is called', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(sniffImage(svg)).toEqual({ ok: false, refusal: 'notRaster' });
  });

  it('refuses HTML served as an image', () => {
    expect(sniffImage(Buffer.from('<!doctype html><title>Not found</title>'))).toEqual({
      ok: false,
      refusal: 'notRaster',
    });
  });

  it('refuses a 100,000 × 100,000 PNG from its header, before decoding anything', () => {
    expect(sniffImage(pngHeader(100_000, 100_000))).toEqual({ ok: false, refusal: 'tooManyPixels' });
  });

  it('refuses a 60 MB image by its size', () => {
    const huge = Buffer.alloc(60 * 1024 * 1024);
    pngOf(1, 1).copy(huge);
    expect(sniffImage(huge)).toEqual({ ok: false, refusal: 'tooLarge' });
  });

  it('refuses a PNG cut off before its header ends', () => {
    expect(sniffImage(pngOf(10, 10).subarray(0, 12))).toMatchObject({ ok: false });
  });
});

describe('kept images, by content hash', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bulletin-kept-images-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('keeps the same image once, and removes what nothing refers to', async () => {
    const store = createImageStore(folder);
    const first = await store.put(pngOf(4, 4, 10), 'png');
    const again = await store.put(pngOf(4, 4, 10), 'png');
    const other = await store.put(pngOf(4, 4, 200), 'png');
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(await readdir(folder)).toHaveLength(2);
    expect((await store.read(first))?.equals(pngOf(4, 4, 10))).toBe(true);
    // Their bulletins' files are written: the images are referred to from now on, or not at all.
    await store.release([first, again, other]);

    // A temporary file a crash left behind goes too; a file that is not ours stays.
    await writeFile(join(folder, `${first}.999999.tmp`), 'half');
    await writeFile(join(folder, 'notes.txt'), 'not ours');
    const freed = await store.sweep(() => Promise.resolve(new Set([other])));
    expect(freed).toBeGreaterThan(0);
    expect((await readdir(folder)).sort()).toEqual([other, 'notes.txt'].sort());
  });

  it('never sweeps an image a running job stored before its bulletin’s file names it', async () => {
    const store = createImageStore(folder);
    const inFlight = await store.put(pngOf(4, 4, 30), 'png');
    // Settings' removal runs while the job still fetches its next image: nothing refers to it yet.
    await store.sweep(() => Promise.resolve(new Set()));
    expect(await readdir(folder)).toEqual([inFlight]);
    // The job writes its file and releases the image during a sweep that read the articles before:
    // the release waits for the sweep, so the image outlives it.
    let finishReading: (names: Set<string>) => void = () => {};
    const articlesRead = new Promise<Set<string>>((resolve) => (finishReading = resolve));
    const sweeping = store.sweep(() => articlesRead);
    const released = store.release([inFlight]);
    finishReading(new Set());
    await sweeping;
    await released;
    expect(await readdir(folder)).toEqual([inFlight]);
    // Once released, an image nothing refers to goes with the next sweep (two at once run in turn).
    await Promise.all([
      store.sweep(() => Promise.resolve(new Set([inFlight]))),
      store.sweep(() => Promise.resolve(new Set())),
    ]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('reads nothing outside its folder', async () => {
    const store = createImageStore(folder);
    expect(await store.read('../../etc/passwd')).toBeNull();
  });
});
