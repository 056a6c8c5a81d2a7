import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What a test server saw: the path and headers of each request. */
export type Seen = { path: string; headers: IncomingMessage['headers'] }[];

type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

const routes: Record<string, Route> = {
  '/ok': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
  // A redirect to the address in ?to=.
  '/redirect': (_request, response, url) =>
    response.writeHead(302, { location: url.searchParams.get('to') ?? '/ok' }).end(),
  // Sets a cookie and sends the client on to /ok: the next request must not carry it.
  '/cookie': (_request, response) =>
    response.writeHead(302, { 'set-cookie': 'session=secret; Path=/', location: '/ok' }).end(),
  '/big': (_request, response) => response.writeHead(200).end('x'.repeat(300_000)),
  // 10 MB of zeros in 10 KB of gzip.
  '/bomb': (_request, response) =>
    response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(10 * 1024 * 1024))),
  // Answers, then sends a byte every 50 ms forever.
  '/never-ends': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => response.write('.'), 50);
    response.on('close', () => clearInterval(timer));
  },
  // Answers, then says nothing more.
  '/stalls': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('.');
  },
};

/** An HTTP server on 127.0.0.1; `/hops/N` redirects N times before reaching /ok. */
export async function startWebServer(): Promise<{
  port: number;
  base: string;
  seen: Seen;
  close(): Promise<void>;
}> {
  const seen: Seen = [];
  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname, headers: request.headers });
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      response.writeHead(301, { location: left > 1 ? `/hops/${left - 1}` : '/ok' }).end();
      return;
    }
    const route = routes[url.pathname];
    if (route) route(request, response, url);
    else response.writeHead(404).end();
  });
  const port = await listen(server);
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => closeServer(server),
  };
}

/**
 * A port with a service that is not HTTP: `silent` accepts and says nothing, `chatty` greets in
 * its own protocol (an SSH or SMTP banner). What a scan of the office network would find.
 */
export async function startTcpService(
  kind: 'silent' | 'chatty',
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (kind === 'chatty') socket.write('SSH-2.0-OpenSSH_9.6\r\n');
  });
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nobody listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Listens on a free port of 127.0.0.1 (tests talk to loopback only). */
export async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Closes an HTTP fixture server, its kept-alive connections too (else close waits for them). */
export function closeServer(server: ReturnType<typeof createHttpServer>): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * A server on 127.0.0.1 that takes every request and never answers (a page that hangs):
 * `arrived` resolves at the first request, `closed` when the client has dropped its connection.
 */
export async function startHangingServer(): Promise<{
  base: string;
  arrived: Promise<void>;
  closed: Promise<void>;
  close(): Promise<void>;
}> {
  let onArrived = () => {};
  let onClosed = () => {};
  const arrived = new Promise<void>((resolve) => (onArrived = resolve));
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const server = createHttpServer((request) => {
    onArrived();
    request.socket.on('close', onClosed);
  });
  const port = await listen(server);
  return { base: `http://127.0.0.1:${port}`, arrived, closed, close: () => closeServer(server) };
}
