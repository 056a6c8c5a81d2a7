import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Bulletin, KeepWhat, KeptUsage, KeptView } from '../../preload/contract';
import type { StoredBulletin } from '../store/bodies';
import type { KeptForExport } from '../export/printJob';
import { createArticleStore, isArticleFileName, type ArticleStore, type KeptArticle } from './articleStore';
import type { ExtractPage, OfflineWorker } from './extractInWorker';
import { createImageStore } from './imageStore';
import { bytesOnDisk, restoreKeptFromBackup, type KeptRestored } from './keptBackup';
import { KEEP_LIMITS, keepBulletin, problemOf } from './keepBulletin';
import { openKeepQueue, type KeepQueue, type KeepQueueChange } from './keepQueue';
import { createKeptPhrases, type KeptPhrases } from './keptPhrases';
import type { FetchWithPolicy } from '../net/fetchWithPolicy';

/**
 * Where the window finds a kept image: a path on its own origin (app://bulletin/kept/…, served by
 * main/windows/appProtocol.ts), so the page's CSP (img-src 'self' data:) stays closed to the web.
 */
export const KEPT_IMAGE_PATH = '/kept/';
export const keptImageUrl = (name: string) => `${KEPT_IMAGE_PATH}${name}`;

export interface KeptOffline {
  keep(bulletins: readonly StoredBulletin[], what: KeepWhat): void;
  queue: Pick<KeepQueue, 'cancel' | 'retry' | 'clearFinished' | 'status' | 'idle'>;
  view(bulletinId: string): Promise<KeptView | null>;
  article(bulletinId: string): Promise<KeptArticle | null>;
  /** A kept image's bytes, for the app protocol. */
  image(name: string): Promise<Buffer | null>;
  usage(): Promise<KeptUsage>;
  /** What exports print of these bulletins: full articles, and images as data: URLs (one self-contained file). */
  forExport(bulletins: readonly StoredBulletin[]): Promise<Map<string, KeptForExport>>;
  /** Removes what was kept more than `days` ago (0: everything), then the images nothing refers to. */
  removeOlderThan(days: number): Promise<KeptUsage>;
  /** Quoted phrases searched in the kept articles (search runs through it). */
  phrases: KeptPhrases;
  /** Puts a backup's kept content back through the stores (main/offline/keptBackup.ts); search learns of it. */
  restore(backupPath: string): Promise<KeptRestored>;
  /** The folder the whole of it lives in (Back Up Library includes it or not). */
  folder: string;
  close(): Promise<void>;
}

export interface KeptOfflineOptions {
  userData: string;
  /** The bulletin with its body (read from its month: the store keeps none), when it is still there. */
  bulletin: (id: string) => Promise<Bulletin | undefined> | Bulletin | undefined;
  maxPageBytes: () => number;
  fetch: FetchWithPolicy;
  extract: ExtractPage;
  /** Where a search's quoted phrases are checked in kept articles; on this thread without it (tests). */
  checkPhrases?: OfflineWorker['checkPhrases'];
  isOnline: () => boolean;
  onChange: (change: KeepQueueChange) => void;
  /** Bulletins whose kept article came or went (search indexes it with the bulletin). */
  onKept?: (bulletinIds: string[]) => void;
  now?: () => Date;
}

const articlesFolder = (userData: string) => join(userData, 'offline', 'articles');

/** The kept articles' texts by bulletin id, for the search index (which opens before the queue). */
export function keptTextsIn(userData: string): ArticleStore['texts'] {
  return createArticleStore(articlesFolder(userData)).texts;
}

/** Kept content under <userData>/offline: articles/, images/ and the queue. */
export async function openKeptOffline(options: KeptOfflineOptions): Promise<KeptOffline> {
  const folder = join(options.userData, 'offline');
  const images = createImageStore(join(folder, 'images'));
  const articles = createArticleStore(articlesFolder(options.userData));
  const { checkPhrases } = options;
  const phrases = createKeptPhrases(
    articlesFolder(options.userData),
    articles,
    checkPhrases && ((questions) => checkPhrases({ folder: articlesFolder(options.userData) }, questions)),
  );
  const changed = (bulletinIds: string[]) => {
    void phrases.changed(bulletinIds);
    options.onKept?.(bulletinIds);
  };
  const now = options.now ?? (() => new Date());
  const queue = await openKeepQueue({
    file: join(folder, 'queue.json'),
    isOnline: options.isOnline,
    onChange: options.onChange,
    run: async (job, signal) => {
      const bulletin = await options.bulletin(job.bulletinId);
      // Deleted since it was queued: nothing to keep.
      if (!bulletin) return;
      try {
        await keepBulletin(
          bulletin,
          { fullArticle: job.fullArticle, images: job.images },
          { ...KEEP_LIMITS, maxPageBytes: options.maxPageBytes() },
          { fetch: options.fetch, extract: options.extract, images, articles, now },
          signal,
        );
        changed([bulletin.id]);
      } catch (error) {
        throw new Error(signal.aborted ? 'cancelled' : problemOf(error), { cause: error });
      }
    },
  });

  /**
   * From the file system alone (names and sizes): Settings asks each time it opens, and parsing
   * every kept article on main grew with what is kept (10,000 articles of 60 KB: 600 MB parsed).
   */
  const usage = async (): Promise<KeptUsage> => {
    const articleFolder = articlesFolder(options.userData);
    const names = await readdir(articleFolder).catch(() => [] as string[]);
    return {
      articles: names.filter(isArticleFileName).length,
      bytes: await bytesOnDisk(articleFolder, join(folder, 'images')),
    };
  };

  return {
    folder,
    phrases,
    async restore(backupPath) {
      const restored = await restoreKeptFromBackup(backupPath, { images, articles });
      changed(restored.bulletinIds);
      return restored;
    },
    keep(bulletins, what) {
      queue.add(
        bulletins.map((bulletin) => ({
          bulletinId: bulletin.id,
          title: bulletin.title,
          host: hostOf(bulletin.link),
          fullArticle: what.fullArticle,
          images: what.images,
        })),
      );
    },
    queue,
    article: (id) => articles.read(id),
    async view(id) {
      const kept = await articles.read(id);
      if (!kept) return null;
      return {
        keptAt: kept.keptAt,
        url: kept.url,
        ...(kept.html !== undefined ? { html: kept.html } : {}),
        images: Object.fromEntries(
          Object.entries(kept.images).map(([src, name]) => [src, keptImageUrl(name)]),
        ),
        refused: kept.refused,
      };
    },
    image: (name) => images.read(name),
    usage,
    async forExport(bulletins) {
      const found = new Map<string, KeptForExport>();
      for (const bulletin of bulletins) {
        const kept = await articles.read(bulletin.id);
        if (!kept) continue;
        const embedded: Record<string, string> = {};
        for (const [src, name] of Object.entries(kept.images)) {
          const bytes = await images.read(name);
          if (bytes)
            embedded[src] = `data:image/${extname(name).slice(1)};base64,${bytes.toString('base64')}`;
        }
        found.set(bulletin.id, { ...(kept.html !== undefined ? { html: kept.html } : {}), images: embedded });
      }
      return found;
    },
    async removeOlderThan(days) {
      const cutoff = now().getTime() - days * 24 * 60 * 60 * 1000;
      const removed: string[] = [];
      await images.sweep(async () => {
        const referenced = new Set<string>();
        await articles.each(async (article) => {
          if (days === 0 || Date.parse(article.keptAt) < cutoff) {
            await articles.remove(article.bulletinId);
            removed.push(article.bulletinId);
          } else for (const name of Object.values(article.images)) referenced.add(name);
        });
        return referenced;
      });
      if (removed.length > 0) changed(removed);
      return usage();
    },
    close: () => queue.close(),
  };
}

function hostOf(link: string | undefined): string {
  try {
    return link ? new URL(link).host : '';
  } catch {
    return '';
  }
}
