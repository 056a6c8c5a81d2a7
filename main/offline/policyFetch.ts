import { readCapped, type FetchLike } from '../sync/fetchFeed';

/**
 * The shape of main's outbound-request policy (one door for every request main makes: http(s)
 * only, private addresses refused unless allowed, redirects checked hop by hop, byte and time
 * caps). Kept offline content asks for everything through a function of this shape, injected.
 * It rejects with an Error whose message is a problem key (see OfflineProblem) when it can.
 */
export interface PolicyRequest {
  maxBytes: number;
  timeoutMs: number;
  accept: string;
}
export interface PolicyResponse {
  status: number;
  contentType: string;
  body: Buffer;
  finalUrl: string;
}
export type PolicyFetch = (url: string, request: PolicyRequest) => Promise<PolicyResponse>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Until main's policy lands: the caps and hop-by-hop redirects over a plain fetch (Electron's
 * net.fetch in the app). No address policy of its own — that is the policy's job, not this one's.
 */
export function cappedFetch(fetch: FetchLike, userAgent: string): PolicyFetch {
  return async (url, { maxBytes, timeoutMs, accept }) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let current = url;
    try {
      for (let hop = 0; ; hop += 1) {
        if (!/^https?:\/\//i.test(current)) throw new Error('badAddress');
        const response = await fetch(current, {
          redirect: 'manual',
          signal,
          headers: { 'user-agent': userAgent, accept },
        });
        if (REDIRECTS.has(response.status)) {
          const location = response.headers.get('location');
          await response.body?.cancel();
          if (!location || hop >= MAX_REDIRECTS) throw new Error('tooManyRedirects');
          current = new URL(location, current).href;
          continue;
        }
        const body = await readCapped(response, maxBytes);
        if (body === 'too-large') throw new Error('tooLarge');
        return {
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: Buffer.from(body),
          finalUrl: current,
        };
      }
    } catch (error) {
      if (signal.aborted) throw new Error('timeout', { cause: error });
      throw error;
    }
  };
}
