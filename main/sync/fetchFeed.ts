/**
 * One conditional HTTP GET of a feed, done the way feed readers should: a clear
 * User-Agent, If-None-Match / If-Modified-Since from the last success, at most five
 * redirects (followed here, so each hop is counted and checked), a timeout, a cap on
 * the body, compressed transfer (the fetch implementation decodes gzip, deflate and br).
 * Pure: the fetch function is passed in (Electron's net.fetch in the app, Node's in tests).
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | {
      kind: 'fetched';
      bytes: Uint8Array;
      contentType?: string;
      url: string;
      validators: Validators;
      contentLanguage?: string;
    }
  | { kind: 'not-modified' }
  | { kind: 'failed'; problem: FetchProblem; status?: number };

/** Why a fetch failed: an i18n key under `sync.problems.`. */
export type FetchProblem =
  | 'timeout'
  | 'tooManyRedirects'
  | 'httpError'
  | 'tooLarge'
  | 'truncated'
  | 'notAFeedButWebPage'
  | 'network'
  | 'badAddress';

export interface FetchOptions {
  fetch: FetchLike;
  userAgent: string;
  validators?: Validators;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const { timeoutMs = 30_000, maxBytes = 50 * 1024 * 1024, maxRedirects = 5 } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop += 1) {
      if (!/^https?:\/\//i.test(current)) return { kind: 'failed', problem: 'badAddress' };
      const response = await options.fetch(current, {
        redirect: 'manual',
        signal,
        headers: conditionalHeaders(options.userAgent, options.validators),
      });
      if (REDIRECTS.has(response.status)) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location || hop >= maxRedirects) return { kind: 'failed', problem: 'tooManyRedirects' };
        current = new URL(location, current).href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'not-modified' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'failed', problem: 'httpError', status: response.status };
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      const bytes = await readCapped(response, maxBytes);
      if (bytes === 'too-large') return { kind: 'failed', problem: 'tooLarge' };
      if (isWebPage(contentType, bytes)) return { kind: 'failed', problem: 'notAFeedButWebPage' };
      return {
        kind: 'fetched',
        bytes,
        url: current,
        ...(contentType ? { contentType } : {}),
        ...(response.headers.get('content-language')
          ? { contentLanguage: response.headers.get('content-language') ?? '' }
          : {}),
        validators: {
          ...(response.headers.get('etag') ? { etag: response.headers.get('etag') ?? '' } : {}),
          ...(response.headers.get('last-modified')
            ? { lastModified: response.headers.get('last-modified') ?? '' }
            : {}),
        },
      };
    }
  } catch (error) {
    if (signal.aborted) return { kind: 'failed', problem: 'timeout' };
    // A body cut short before its Content-Length arrives as a "terminated" fetch error.
    if (
      error instanceof TypeError &&
      /terminated|premature|closed/i.test(String(error.cause ?? error.message))
    )
      return { kind: 'failed', problem: 'truncated' };
    if (error instanceof TypeError && /invalid url/i.test(error.message))
      return { kind: 'failed', problem: 'badAddress' };
    return { kind: 'failed', problem: 'network' };
  }
}

function conditionalHeaders(userAgent: string, validators: Validators | undefined): Record<string, string> {
  return {
    'user-agent': userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
    ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
  };
}

/** Reads the body, giving up as soon as it passes `max` bytes (never buffering more). */
export async function readCapped(response: Response, max: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    return 'too-large';
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > max) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A web page served where a feed should be (a login portal, a moved site's home page). */
function isWebPage(contentType: string | undefined, bytes: Uint8Array): boolean {
  if (contentType && !/text\/html|application\/xhtml/i.test(contentType)) return false;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
