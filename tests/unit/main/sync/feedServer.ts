import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { closeServer, listen, type Seen } from '../net/localServers';

export const FEED = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local News</title>
<item><guid>local-1</guid><title>First</title><description>One</description></item>
<item><guid>local-2</guid><title>Second</title><description>Two</description></item></channel></rss>`;
export const ETAG = '"v1"';
export const LAST_MODIFIED = 'Thu, 12 Nov 2020 10:00:00 GMT';

export type { Seen };

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const routes: Record<string, Route> = {
  '/feed': (request, response) => {
    if (request.headers['if-none-match'] === ETAG) {
      response.writeHead(304).end();
      return;
    }
    const headers = {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag: ETAG,
      'last-modified': LAST_MODIFIED,
    };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (accepts.includes('br'))
      response.writeHead(200, { ...headers, 'content-encoding': 'br' }).end(brotliCompressSync(FEED));
    else if (accepts.includes('gzip'))
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(FEED));
    else response.writeHead(200, headers).end(FEED);
  },
  '/missing': (_request, response) => response.writeHead(404).end('not here'),
  '/broken': (_request, response) => response.writeHead(500).end('oops'),
  '/slow': (_request, response) => {
    const timer = setTimeout(() => response.writeHead(200).end(FEED), 5_000);
    response.on('close', () => clearTimeout(timer));
  },
  '/loop': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
  // To this server's /feed, by its bare IP address (whatever name the client used).
  '/to-loopback': (request, response) =>
    response.writeHead(302, { location: `http://127.0.0.1:${request.socket.localPort}/feed` }).end(),
  '/wrong-type': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(FEED),
  '/truncated': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '5000' });
    response.write(FEED.slice(0, 100));
    setTimeout(() => response.socket?.destroy(), 20);
  },
  '/html': (_request, response) =>
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>'),
  '/huge': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end('<rss>' + ' '.repeat(300_000) + '</rss>');
  },
};

/** A fixture server on 127.0.0.1 only; `/hops/N` redirects N times before reaching /feed. */
export async function startFeedServer(): Promise<{ base: string; seen: Seen; close(): Promise<void> }> {
  const seen: Seen = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    seen.push({ path, headers: request.headers });
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) {
      const left = Number(hops[1]);
      response.writeHead(301, { location: left > 1 ? `/hops/${left - 1}` : '/feed' }).end();
      return;
    }
    // A query tells requests apart in `seen`; the route is the path alone.
    (routes[path.split('?')[0] ?? path] ?? routes['/missing'])?.(request, response);
  });
  const port = await listen(server);
  return { base: `http://127.0.0.1:${port}`, seen, close: () => closeServer(server) };
}
