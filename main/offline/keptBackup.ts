import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, pack, type Pack } from 'tar-stream';
import { articleFileName, keptArticleSchema, type ArticleStore } from './articleStore';
import { isImageName, type ImageStore } from './imageStore';
import { IMAGE_LIMITS, sniffImage } from './sniffImage';

/**
 * A library backup with kept content is one tar file: `library.json` first (the very file a
 * backup without kept content is, so one reader checks both), then the kept articles and images
 * as they are on disk (`articles/<hash>.json`, `images/<sha256>.<type>`). Not one JSON: kept
 * images are often hundreds of MB, and base64 in a JSON string would pass V8's 512 MB string
 * limit and be read whole into memory; a tar is written and read one file at a time.
 */
export const LIBRARY_ENTRY = 'library.json';

/** The largest kept article a backup may bring (the ones the app keeps are tens of KB). */
const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
const ARTICLE_NAME = /^articles\/([0-9a-f]{40})\.json$/;
const IMAGE_ENTRY = /^images\/(.+)$/;
/** Bytes handed to the tar stream but not yet on disk, past which the writer waits. */
const IN_FLIGHT = 8 * 1024 * 1024;

/** Bytes these files take, a folder counting the files directly in it (missing: 0). */
export async function bytesOnDisk(...paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) total += info?.size ?? 0;
    else
      for (const name of await readdir(path).catch(() => [] as string[]))
        total += (await stat(join(path, name)).catch(() => null))?.size ?? 0;
  }
  return total;
}

/** Whether the file at `path` is a tar (a backup with kept content): "ustar" at byte 257. */
export async function isTarBackup(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(5), 0, 5, 257);
    return bytesRead === 5 && buffer.toString('latin1') === 'ustar';
  } finally {
    await handle.close();
  }
}

/**
 * Writes `libraryJson` and the kept content of `offlineFolder` as one tar at `path`, atomically
 * (a temporary file, fsynced, renamed), reading one kept file at a time.
 */
export async function writeBackupWithKept(libraryJson: string, offlineFolder: string, path: string) {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  const tar = pack();
  let handed = 0;
  let written = 0;
  let drained = () => {};
  const writing = (async () => {
    for await (const chunk of tar as AsyncIterable<Buffer>) {
      await handle.write(chunk);
      written += chunk.length;
      drained();
    }
  })();
  // Rejects only if writing does (a full disk): nothing below waits for a writer that gave up.
  const writeFailed = writing.then(() => new Promise<never>(() => {}));
  const add = (name: string, bytes: Buffer) => Promise.race([entry(tar, name, bytes), writeFailed]);
  try {
    await add(LIBRARY_ENTRY, Buffer.from(libraryJson, 'utf8'));
    handed += Buffer.byteLength(libraryJson);
    for (const kind of ['articles', 'images'] as const) {
      const folder = join(offlineFolder, kind);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (kind === 'images' ? !isImageName(name) : !name.endsWith('.json')) continue;
        const bytes = await readFile(join(folder, name)).catch(() => null);
        if (!bytes) continue;
        // The disk sets the pace: at most IN_FLIGHT bytes wait in memory for it.
        while (handed - written > IN_FLIGHT)
          await Promise.race([new Promise<void>((resolve) => (drained = resolve)), writeFailed]);
        await add(`${kind}/${name}`, bytes);
        handed += bytes.length;
      }
    }
    tar.finalize();
    await writing;
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    tar.destroy();
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

function entry(tar: Pack, name: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    tar.entry({ name, size: bytes.length }, bytes, (error) => (error ? reject(error) : resolve())),
  );
}

/** The library.json of a backup with kept content (`none`: it has none, or not first), at most `maxBytes`. */
export async function libraryOfTarBackup(
  path: string,
  maxBytes: number,
): Promise<Uint8Array | 'tooLarge' | 'none'> {
  const reading = extract();
  createReadStream(path)
    .on('error', (error) => reading.destroy(error))
    .pipe(reading);
  try {
    for await (const file of reading) {
      if (file.header.name !== LIBRARY_ENTRY) return 'none';
      if ((file.header.size ?? 0) > maxBytes) return 'tooLarge';
      const chunks: Buffer[] = [];
      for await (const chunk of file as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    }
    return 'none';
  } finally {
    reading.destroy();
  }
}

export interface KeptRestored {
  /** Bulletins whose kept article came back (search indexes their text). */
  bulletinIds: string[];
  images: number;
  /** Entries left out: not a kept file, damaged, too large, or not what their name says. */
  skipped: number;
}

/** The stores a restore puts kept files through (their holds keep a removal from racing it). */
export interface KeptStores {
  images: Pick<ImageStore, 'put' | 'release'>;
  articles: Pick<ArticleStore, 'write'>;
}

/**
 * Puts a backup's kept articles and images back through the stores, beside what is there
 * (nothing kept is removed: images are named by their content, articles by their bulletin). Each
 * entry is checked as if it came from the web: an image must be a raster picture within the
 * limits whose SHA-256 is its name; an article must be a kept article whose name is its
 * bulletin's hash. The images are held until the restore ends, as a keep job holds its own: a
 * removal in Settings meanwhile leaves them, and waits for nothing else.
 */
export async function restoreKeptFromBackup(path: string, stores: KeptStores): Promise<KeptRestored> {
  const restored: KeptRestored = { bulletinIds: [], images: 0, skipped: 0 };
  const held: string[] = [];
  const reading = extract();
  createReadStream(path)
    .on('error', (error) => reading.destroy(error))
    .pipe(reading);
  try {
    for await (const file of reading) {
      const name = file.header.name;
      const size = file.header.size ?? 0;
      const image = IMAGE_ENTRY.exec(name)?.[1];
      const article = ARTICLE_NAME.exec(name)?.[1];
      const wanted =
        name !== LIBRARY_ENTRY &&
        ((image !== undefined && isImageName(image) && size <= IMAGE_LIMITS.maxBytes) ||
          (article !== undefined && size <= MAX_ARTICLE_BYTES));
      const chunks: Buffer[] = [];
      // An entry not wanted is read past (a tar is read in order), never kept in memory.
      for await (const chunk of file as AsyncIterable<Buffer>) if (wanted) chunks.push(chunk);
      if (name === LIBRARY_ENTRY) continue;
      const bytes = Buffer.concat(chunks);
      const put = wanted && image !== undefined ? await restoreImage(image, bytes, stores.images) : null;
      if (put !== null) {
        held.push(put);
        restored.images += 1;
      } else if (wanted && article !== undefined) {
        const bulletinId = await restoreArticle(article, bytes, stores.articles);
        if (bulletinId === null) restored.skipped += 1;
        else restored.bulletinIds.push(bulletinId);
      } else restored.skipped += 1;
    }
  } finally {
    await stores.images.release(held);
  }
  return restored;
}

/** The image's name once put in the store (and held), or null when it is not what its name says. */
async function restoreImage(
  name: string,
  bytes: Buffer,
  images: KeptStores['images'],
): Promise<string | null> {
  const [hash, type] = name.split('.');
  const sniffed = sniffImage(bytes, { maxBytes: IMAGE_LIMITS.maxBytes, maxPixels: IMAGE_LIMITS.maxPixels });
  if (!sniffed.ok || sniffed.type !== type) return null;
  if (createHash('sha256').update(bytes).digest('hex') !== hash) return null;
  return images.put(bytes, sniffed.type);
}

async function restoreArticle(
  nameHash: string,
  bytes: Buffer,
  articles: KeptStores['articles'],
): Promise<string | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const checked = keptArticleSchema.safeParse(parsed);
  if (!checked.success) return null;
  const { bulletinId } = checked.data;
  if (articleFileName(bulletinId) !== `${nameHash}.json`) return null;
  await articles.write(checked.data);
  return bulletinId;
}
