// A stand-in for main/offline/extractWorker.ts that never finishes the page at "hang", nor a phrase
// check asked of bulletin "hang" (as a hostile page or kept article would); it answers every other
// page with its address as the article's title, and every other phrase check with no phrase found.
import { parentPort } from 'node:worker_threads';

/** @typedef {{ id: string; phrases: string[][] }} Question */
/** @typedef {{ id: number; kind: 'extract'; url: string } | { id: number; kind: 'phrases'; questions: Question[] }} Request */

parentPort?.on('message', (/** @type {Request} */ request) => {
  const { id } = request;
  parentPort?.postMessage({ id, started: true });
  if (request.kind === 'phrases') {
    if (request.questions.some((question) => question.id === 'hang')) for (;;);
    const answers = request.questions.flatMap(({ id, phrases }) =>
      phrases.map((phrase) => ({ id, phrase, found: false })),
    );
    parentPort?.postMessage({ id, result: { kind: 'phrases', answers } });
    return;
  }
  if (request.url === 'hang') for (;;);
  const article = { title: request.url, html: '', text: request.url, imageSources: [] };
  parentPort?.postMessage({ id, result: { kind: 'extract', article } });
});
