import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalWeb {
  origin: string;
  /** Every path asked for, in order. */
  hits: string[];
  close: () => Promise<void>;
}

/** A web server of the test's own on 127.0.0.1: `routes` by path; anything else is a 404. */
export async function localWeb(
  routes: Record<string, (response: ServerResponse, request: IncomingMessage) => void>,
): Promise<LocalWeb> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    hits.push(path);
    const route = routes[path];
    if (route) route(response, request);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
