import { parentPort } from 'node:worker_threads';
import { decodePage } from './decodePage';
import { extractArticle, type ExtractedArticle } from './extractArticle';

/**
 * The thread that parses fetched web pages (untrusted, up to the page cap) and finds their
 * article, so that main's thread never holds a page's DOM. Main ends it when a page takes longer
 * than its time budget (extractInWorker.ts). In: { id, bytes, contentType, url }. Out: { id,
 * article } (null: no article) or { id, error }, after { id, started } as it begins.
 */
export type ExtractRequest = { id: number; bytes: ArrayBuffer; contentType: string; url: string };
export type ExtractReply =
  | { id: number; started: true }
  | { id: number; article: ExtractedArticle | null }
  | { id: number; error: string };

parentPort?.on('message', ({ id, bytes, contentType, url }: ExtractRequest) => {
  // Main's time budget for this page starts now (see extractInWorker.ts).
  parentPort?.postMessage({ id, started: true } satisfies ExtractReply);
  let reply: ExtractReply;
  try {
    reply = { id, article: extractArticle(decodePage(new Uint8Array(bytes), contentType), url) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
