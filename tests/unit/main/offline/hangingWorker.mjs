// A stand-in for main/offline/extractWorker.ts that never finishes the page at "hang" (as a hostile
// page would), and answers every other page with its address as the article's title.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ id, url }) => {
  parentPort?.postMessage({ id, started: true });
  if (url === 'hang') for (;;);
  parentPort?.postMessage({ id, article: { title: url, html: '', text: url, imageSources: [] } });
});
