import type { FetchWithPolicy, NetProblem } from '../net/fetchWithPolicy';

/**
 * One conditional HTTP GET of a feed, done the way feed readers should: a clear User-Agent
 * (the fetcher's), If-None-Match / If-Modified-Since from the last success, compressed transfer,
 * and the outbound-request policy of main/net (public addresses or allowed local hosts only,
 * redirects checked hop by hop, at most five; byte and time caps).
 */

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
export type FetchProblem = NetProblem | 'httpError' | 'notAFeedButWebPage';

export interface FetchOptions {
  fetch: FetchWithPolicy;
  validators?: Validators;
  timeoutMs?: number;
  maxBytes?: number;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const { timeoutMs = 30_000, maxBytes = 50 * 1024 * 1024, validators } = options;
  const outcome = await options.fetch(url, {
    accept: ACCEPT,
    maxBytes,
    timeoutMs,
    headers: {
      ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
      ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
    },
  });
  if (outcome.kind === 'failed') return outcome;
  const { status, headers, bytes } = outcome;
  if (status === 304) return { kind: 'not-modified' };
  if (status < 200 || status > 299) return { kind: 'failed', problem: 'httpError', status };
  const contentType = headers['content-type'];
  if (isWebPage(contentType, bytes)) return { kind: 'failed', problem: 'notAFeedButWebPage' };
  return {
    kind: 'fetched',
    bytes,
    url: outcome.url,
    ...(contentType ? { contentType } : {}),
    ...(headers['content-language'] ? { contentLanguage: headers['content-language'] } : {}),
    validators: {
      ...(headers.etag ? { etag: headers.etag } : {}),
      ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
    },
  };
}

/** A web page served where a feed should be (a login portal, a moved site's home page). */
function isWebPage(contentType: string | undefined, bytes: Uint8Array): boolean {
  if (contentType && !/text\/html|application\/xhtml/i.test(contentType)) return false;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
