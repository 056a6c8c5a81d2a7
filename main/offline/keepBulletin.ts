import type { Bulletin, KeepWhat } from '../../preload/contract';
import type { FetchWithPolicy, NetProblem, NetRequest } from '../net/fetchWithPolicy';
import { imageSources } from '../images/remoteImages';
import type { ArticleStore, KeptArticle } from './articleStore';
import type { ExtractPage } from './extractInWorker';
import type { ImageStore } from './imageStore';
import { IMAGE_LIMITS, MIME_TYPES, sniffImage } from './sniffImage';

/**
 * Why something was not kept: an i18n key under `offline.problems.`. The request policy's own
 * reasons (NetProblem: a refused address, a redirect loop, the size cap…) pass through unchanged.
 */
export type OfflineProblem =
  | NetProblem
  | 'noLink'
  | 'notHtml'
  | 'noArticle'
  | 'httpError'
  | 'tooManyPixels'
  | 'notRaster'
  | 'unreadable'
  | 'bulletinTooLarge'
  | 'extractTimeout'
  | 'extractFailed'
  | 'notSaved'
  | 'cancelled';

export class KeepFailure extends Error {
  constructor(readonly problem: OfflineProblem) {
    super(problem);
  }
}

/** A rejection of keepBulletin as a problem the panel can name; anything else is a failed write. */
export function problemOf(error: unknown): OfflineProblem {
  return error instanceof KeepFailure ? error.problem : 'notSaved';
}

export interface KeepLimits {
  /** The import size cap (Settings), for a page. */
  maxPageBytes: number;
  maxImageBytes: number;
  maxPixels: number;
  /** All of one bulletin's images together. */
  maxBulletinBytes: number;
  maxImages: number;
  timeoutMs: number;
}

export const KEEP_LIMITS: Omit<KeepLimits, 'maxPageBytes'> = {
  maxImageBytes: IMAGE_LIMITS.maxBytes,
  maxPixels: IMAGE_LIMITS.maxPixels,
  maxBulletinBytes: 40 * 1024 * 1024,
  maxImages: 40,
  timeoutMs: 30_000,
};

export interface KeepServices {
  /** Main's outbound-request policy (main/net): every page and image goes through it. */
  fetch: FetchWithPolicy;
  extract: ExtractPage;
  images: ImageStore;
  articles: ArticleStore;
  now: () => Date;
}

const HTML_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;
const IMAGE_ACCEPT = Object.values(MIME_TYPES).join(', ');

/**
 * Keeps one bulletin offline: its full article (the page its link leads to, through Readability
 * in a worker) and the raster images of the article and of the feed's text, each checked by its
 * bytes and stored once by content hash. Written as one file when done, so a bulletin is kept
 * whole or not at all. Rejects with a KeepFailure when nothing could be kept.
 */
export async function keepBulletin(
  bulletin: Bulletin,
  what: KeepWhat,
  limits: KeepLimits,
  services: KeepServices,
  signal: AbortSignal,
): Promise<KeptArticle> {
  let page: { html: string; text: string; url: string; imageSources: string[] } | null = null;
  let pageProblem: OfflineProblem | null = null;
  if (what.fullArticle) {
    try {
      page = await fetchArticle(bulletin, limits, services, signal);
    } catch (error) {
      pageProblem = problemOf(error);
    }
    signal.throwIfAborted();
  }

  const images: Record<string, string> = {};
  try {
    const refused: { src: string; problem: string }[] = [];
    if (what.images) {
      const sources = [...new Set([...(page?.imageSources ?? []), ...imageSources(bulletin.bodyHtml ?? '')])];
      let spent = 0;
      for (const src of sources.slice(0, limits.maxImages)) {
        signal.throwIfAborted();
        if (spent >= limits.maxBulletinBytes) {
          refused.push({ src, problem: 'bulletinTooLarge' });
          continue;
        }
        try {
          const bytes = await fetchImage(
            src,
            Math.min(limits.maxImageBytes, limits.maxBulletinBytes - spent),
            limits,
            services,
            signal,
          );
          images[src] = await services.images.put(bytes.body, bytes.type);
          spent += bytes.body.length;
        } catch (error) {
          const problem = problemOf(error);
          refused.push({ src, problem: problem === 'tooLarge' && spent > 0 ? 'bulletinTooLarge' : problem });
        }
      }
    }
    if (!page && Object.keys(images).length === 0) {
      if (pageProblem) throw new KeepFailure(pageProblem);
      if (refused.length > 0) throw new KeepFailure(refused[0]?.problem as OfflineProblem);
    }
    const kept: KeptArticle = {
      bulletinId: bulletin.id,
      url: page?.url ?? bulletin.link ?? '',
      keptAt: services.now().toISOString(),
      ...(page ? { html: page.html, text: page.text } : {}),
      images,
      refused: pageProblem ? [{ src: bulletin.link ?? '', problem: pageProblem }, ...refused] : refused,
    };
    signal.throwIfAborted();
    await services.articles.write(kept);
    return kept;
  } finally {
    // Written (the file names them) or given up: a sweep may now judge these images like any other.
    await services.images.release(Object.values(images));
  }
}

async function fetchArticle(
  bulletin: Bulletin,
  limits: KeepLimits,
  services: KeepServices,
  signal: AbortSignal,
) {
  const link = bulletin.link;
  if (!link || !/^https?:\/\//i.test(link)) throw new KeepFailure('noLink');
  const response = await fetchOk(services, link, {
    maxBytes: limits.maxPageBytes,
    timeoutMs: limits.timeoutMs,
    accept: 'text/html, application/xhtml+xml;q=0.9',
    signal,
  });
  if (!HTML_TYPES.test(response.contentType)) throw new KeepFailure('notHtml');
  const article = await services
    .extract(response.bytes, response.contentType, response.url)
    .catch((error: unknown) => {
      // The worker rejects with 'extractTimeout' past its budget, with anything else when the page broke it.
      throw new KeepFailure(
        error instanceof Error && error.message === 'extractTimeout' ? 'extractTimeout' : 'extractFailed',
      );
    });
  if (!article) throw new KeepFailure('noArticle');
  return {
    html: article.html,
    text: article.text,
    url: response.url,
    imageSources: article.imageSources,
  };
}

async function fetchImage(
  src: string,
  maxBytes: number,
  limits: KeepLimits,
  services: KeepServices,
  signal: AbortSignal,
) {
  const response = await fetchOk(services, src, {
    maxBytes,
    timeoutMs: limits.timeoutMs,
    accept: IMAGE_ACCEPT,
    signal,
  });
  const body = Buffer.from(response.bytes);
  const sniffed = sniffImage(body, { maxBytes, maxPixels: limits.maxPixels });
  if (!sniffed.ok) throw new KeepFailure(sniffed.refusal);
  return { body, type: sniffed.type };
}

/** A 2xx answer through the policy, or a KeepFailure naming why not. */
async function fetchOk(services: KeepServices, url: string, request: NetRequest) {
  const outcome = await services.fetch(url, request);
  if (outcome.kind === 'failed') throw new KeepFailure(outcome.problem);
  if (outcome.status < 200 || outcome.status > 299) throw new KeepFailure('httpError');
  return { url: outcome.url, contentType: outcome.headers['content-type'] ?? '', bytes: outcome.bytes };
}
