import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { isPublicAddress } from './addressRange';
import { hostWithoutBrackets } from './hostName';
import { isAllowedHost } from './allowedHosts';

/**
 * Why a request gave nothing: an i18n key under `sync.problems.` (subscriptions show it).
 * `network` is every failure before the server answered in HTTP (no such name, refused or
 * reset connection, TLS failure, silence): one reason, so an error text cannot tell an open port
 * from a closed one.
 */
export type NetProblem =
  'badAddress' | 'refused' | 'network' | 'timeout' | 'tooManyRedirects' | 'tooLarge' | 'truncated';

export type NetOutcome =
  | {
      kind: 'response';
      /** The address that answered, after redirects. */
      url: string;
      status: number;
      headers: Readonly<Record<string, string | undefined>>;
      /** The decoded body of a 2xx answer (empty for any other status: it is not read). */
      bytes: Uint8Array;
    }
  | { kind: 'failed'; problem: NetProblem };

export interface NetRequest {
  /** The Accept header. */
  accept: string;
  /** Cap on the body once decompressed: a larger one stops downloading. */
  maxBytes: number;
  /** Cap on the whole request, redirects and body included. */
  timeoutMs: number;
  /** Cap on a silence of the connection (a server that sends a byte a minute). */
  idleTimeoutMs?: number;
  /** More request headers (conditional ones); never cookies or credentials. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Ends the request at once, whatever hop it is at (the connection is closed, not left to run
   * to its time cap): the fetch rejects with the signal's reason, as `fetch` does.
   */
  signal?: AbortSignal;
}

/** Resolves a host name to its addresses (dns.lookup by default; tests pass their own). */
export type Resolve = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export interface OutboundPolicy {
  userAgent: string;
  /** The hosts the user allowed although local (Settings), read at each request. */
  allowedHosts: () => readonly string[];
  resolve?: Resolve;
}

export type FetchWithPolicy = (url: string, request: NetRequest) => Promise<NetOutcome>;

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_IDLE_MS = 15_000;

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Ends a request with the reason it gave up. */
class Stop extends Error {
  constructor(readonly problem: NetProblem) {
    super(problem);
  }
}

/**
 * Every request main makes to the web goes through here (subscriptions, "Load images", later
 * fetches), so that a feed, an image address or a redirect cannot make the app reach this
 * computer or the office network (SSRF). For each hop: http(s) only and no user:password@ in the
 * address; the host is resolved once and each address judged (isPublicAddress, or the user's list
 * of allowed local hosts); the connection goes to the address that was judged (a `lookup` that
 * returns it, so a second DNS answer cannot swap in 127.0.0.1: DNS rebinding). Redirects are
 * followed here, each hop judged again, at most five. No cookie jar, no stored credentials, no
 * connection pool. The body is decompressed (gzip, deflate, br) and capped in bytes once
 * decompressed, the whole in time and in silence.
 *
 * Node's http(s) rather than Electron's net.fetch: Chromium's stack resolves names itself and
 * cannot be told which address to connect to, and it sends the session's cookies. The cost:
 * the system's proxy settings are not used.
 */
export function createFetchWithPolicy(policy: OutboundPolicy): FetchWithPolicy {
  const resolve = policy.resolve ?? systemResolve;
  return async (url, request) => {
    const deadline = Date.now() + request.timeoutMs;
    let current = url;
    try {
      for (let hop = 0; ; hop += 1) {
        request.signal?.throwIfAborted();
        const target = parseAddress(current);
        const address = await permittedAddress(target, policy, resolve, deadline);
        request.signal?.throwIfAborted();
        const answer = await get(target, address, request, deadline, policy.userAgent);
        if (answer.redirect === undefined) return { kind: 'response', url: target.href, ...answer.response };
        if (hop >= MAX_REDIRECTS) return { kind: 'failed', problem: 'tooManyRedirects' };
        current = new URL(answer.redirect, target).href;
      }
    } catch (error) {
      if (error instanceof Stop) return { kind: 'failed', problem: error.problem };
      throw error;
    }
  };
}

/**
 * An address main may fetch: http(s), without user-info (credentials in an address would be sent
 * as Basic auth to whoever answers, redirects included). Null otherwise.
 */
export function fetchableUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.username === '' && url.password === '' ? url : null;
}

function parseAddress(text: string): URL {
  const url = fetchableUrl(text);
  if (!url) throw new Stop('badAddress');
  return url;
}

/** The address to connect to: the host itself when it is an IP, else the first one allowed. */
async function permittedAddress(
  url: URL,
  policy: OutboundPolicy,
  resolve: Resolve,
  deadline: number,
): Promise<{ address: string; family: number }> {
  const host = hostWithoutBrackets(url.hostname);
  const allowed = policy.allowedHosts();
  const permitted = (address: string) => isPublicAddress(address) || isAllowedHost(allowed, host, address);
  const family = isIP(host);
  if (family !== 0) {
    if (!permitted(host)) throw new Stop('refused');
    return { address: host, family };
  }
  let addresses: readonly { address: string; family: number }[];
  let timer: NodeJS.Timeout | undefined;
  try {
    // A resolver that hangs counts against the request's time like the rest.
    const outOfTime = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('resolution timed out')), Math.max(0, deadline - Date.now()));
    });
    addresses = await Promise.race([resolve(host), outOfTime]);
  } catch {
    throw new Stop('network');
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0) throw new Stop('network');
  const chosen = addresses.find((candidate) => permitted(candidate.address));
  if (!chosen) throw new Stop('refused');
  return chosen;
}

interface Answer {
  redirect?: string;
  response: { status: number; headers: Record<string, string | undefined>; bytes: Uint8Array };
}

/** One GET to the judged address; the body is read for a 2xx answer only. */
function get(
  url: URL,
  address: { address: string; family: number },
  options: NetRequest,
  deadline: number,
  userAgent: string,
): Promise<Answer> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new Stop('timeout'));
  // Connect where we judged, never where a second resolution would say.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    let answered = false;
    let settled = false;
    const finish = (outcome: Answer | Stop | { aborted: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', aborted);
      // Whatever is left of the connection (a body not read, a redirect's) is dropped.
      request.destroy();
      if (outcome instanceof Stop) reject(outcome);
      else if ('aborted' in outcome) reject(outcome.aborted);
      else resolve(outcome);
    };
    const aborted = () => finish({ aborted: options.signal?.reason });
    // Before the server answered in HTTP, silence is "could not reach" (as a closed port is).
    const gaveUp = () => finish(new Stop(answered ? 'timeout' : 'network'));
    const timer = setTimeout(gaveUp, remaining);
    const request: ClientRequest = send({
      protocol: url.protocol,
      hostname: hostWithoutBrackets(url.hostname),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      lookup,
      agent: false,
      headers: {
        'user-agent': userAgent,
        accept: options.accept,
        'accept-encoding': 'gzip, deflate, br',
        ...options.headers,
      },
    });
    request.setTimeout(options.idleTimeoutMs ?? DEFAULT_IDLE_MS, gaveUp);
    options.signal?.addEventListener('abort', aborted, { once: true });
    request.on('error', () => finish(new Stop(answered ? 'truncated' : 'network')));
    request.on('response', (response) => {
      answered = true;
      const status = response.statusCode ?? 0;
      const headers = plainHeaders(response);
      const location = headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        finish({ redirect: location, response: { status, headers, bytes: new Uint8Array() } });
        return;
      }
      if (status < 200 || status > 299) {
        finish({ response: { status, headers, bytes: new Uint8Array() } });
        return;
      }
      readBody(response, options.maxBytes).then(
        (bytes) => finish({ response: { status, headers, bytes } }),
        (error: unknown) => finish(error instanceof Stop ? error : new Stop('truncated')),
      );
    });
    request.end();
  });
}

function plainHeaders(response: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The body, decompressed, refused as soon as it passes `max` bytes (never buffering more). */
async function readBody(response: IncomingMessage, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (declared > max) throw new Stop('tooLarge');
  const decoded = decoder(
    String(response.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase(),
  );
  const stream: Readable = decoded ? response.pipe(decoded) : response;
  if (decoded) response.on('error', (error) => decoded.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > max) throw new Stop('tooLarge');
    chunks.push(chunk);
  }
  if (!response.complete) throw new Stop('truncated');
  return Buffer.concat(chunks);
}

function decoder(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}
