// What a phrase search's bodies cost the thread that folds them (main's, before the offline worker
// did it) against what main pays now to hand them over (a structured copy, as postMessage makes):
// `npx tsx tests/bench/bodyPhraseFold.ts`.
import { containsPhrase, foldedWords } from '../../main/search/documentText';
import { htmlToText } from '../../main/search/htmlText';
import { generateBulletins } from './generateArchive';

const bodies = generateBulletins(2000, 7).map((bulletin) => [bulletin.id, bulletin.bodyHtml ?? ''] as const);
const characters = bodies.reduce((sum, [, body]) => sum + body.length, 0);
for (let run = 0; run < 3; run++) {
  let began = performance.now();
  for (const [, body] of bodies) containsPhrase([foldedWords(htmlToText(body))], ['border', 'post']);
  const folded = performance.now() - began;
  began = performance.now();
  for (let from = 0; from < bodies.length; from += 200) structuredClone(bodies.slice(from, from + 200));
  const copied = performance.now() - began;
  console.log(
    `${bodies.length} bodies of ${Math.round(characters / bodies.length)} characters: folded and matched in ${folded.toFixed(0)} ms, copied for the worker in ${copied.toFixed(1)} ms`,
  );
}
