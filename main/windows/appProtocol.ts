import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocol } from 'electron';
import { takePrintData } from '../export/printData';
import { KEPT_IMAGE_PATH } from '../offline/keptOffline';

/**
 * The renderer is served from app://bulletin/ rather than file://, so it gets a
 * real origin (for the CSP and the IPC sender check) and cannot read the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bulletin';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** The print template of PDF exports (renderer/print.html). */
export const PRINT_ENTRY = `${APP_SCHEME}://${APP_HOST}/print.html`;

/** No remote origin anywhere: the renderer never touches the network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Must run before the app is ready. `codeCache`: Chromium keeps the compiled renderer bundle
 * between launches (by default only for http(s)), so later starts skip compiling it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(): void {
  protocol.handle(APP_SCHEME, serve);
}

/** Kept images (main/offline), by file name; set once the kept content is open. */
let readKeptImage: (name: string) => Promise<Buffer | null> = () => Promise.resolve(null);
export function serveKeptImages(read: (name: string) => Promise<Buffer | null>): void {
  readKeptImage = read;
}

/** A kept image: checked by its bytes when kept, named by its hash and sniffed type (imageStore.ts). */
async function serveKeptImage(name: string): Promise<Response> {
  const bytes = await readKeptImage(name);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': `image/${extname(name).slice(1)}`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      // Named by its content: the same name is always the same bytes.
      'Cache-Control': 'max-age=31536000, immutable',
    },
  });
}

async function serve(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response(null, { status: 404 });
  // An export's data for the print window, served from memory once (main/export/printData.ts).
  const printData = takePrintData(url.pathname);
  if (printData !== undefined) {
    if (printData === null) return new Response(null, { status: 404 });
    return new Response(printData, {
      headers: {
        'Content-Type': CONTENT_TYPES['.json'] ?? 'application/json',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  }
  if (url.pathname.startsWith(KEPT_IMAGE_PATH))
    return serveKeptImage(url.pathname.slice(KEPT_IMAGE_PATH.length));
  const file = normalize(join(RENDERER_ROOT, decodeURIComponent(url.pathname)));
  // A crafted path must never leave the renderer folder.
  if (!file.startsWith(RENDERER_ROOT.endsWith(sep) ? RENDERER_ROOT : RENDERER_ROOT + sep)) {
    return new Response(null, { status: 403 });
  }
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}
