import type { PhraseTexts } from '../offline/extractWorker';
import { answerPhrases, type PhraseAnswer, type PhraseQuestion } from '../offline/phraseCheck';
import type { Bodies } from '../store/bodies';
import { htmlToText } from './htmlText';
import { createPhraseSource, type PhraseSource } from './phraseSearch';

/** Bodies read by one search at most: those beyond are read by the next searches (verdicts are kept). */
const READS_PER_SEARCH = 2000;
/** Verdicts remembered across searches. */
const REMEMBERED = 20_000;
/** Bodies read from their months and sent to the worker at once: what main holds of them at a time. */
const BATCH = 200;
/**
 * One search's time for its bodies, read and folded: the answers found by then are used, the rest
 * are read by the next searches (and the search says its phrase check was incomplete).
 */
const BODIES_READ_MS = 2000;

/** Folds bodies (HTML) and answers phrases in them, within `readMs`: the offline worker's in the app. */
export type CheckBodies = (
  texts: Extract<PhraseTexts, { bodies: unknown }>,
  questions: PhraseQuestion[],
  readMs: number,
) => Promise<PhraseAnswer[]>;

/** On this thread: for tests and tools only (the app folds bodies in the offline worker). */
const checkHere: CheckBodies = ({ bodies }, questions, readMs) => {
  const byId = new Map(bodies);
  const read = (id: string) => {
    const body = byId.get(id);
    return Promise.resolve(body === undefined ? undefined : htmlToText(body));
  };
  return answerPhrases(questions, read, performance.now() + readMs);
};

/**
 * Quoted phrases in the bulletins' bodies. Main reads the bodies asked about from their months (a
 * batch at a time, the next read while the worker folds the last) and `check` folds them:
 * `version(id)` is the bulletin's content hash, so a verdict on an older body is never used.
 */
export function createBodyPhrases(
  bodies: Bodies,
  version: (id: string) => string | undefined,
  check: CheckBodies = checkHere,
  readMs = BODIES_READ_MS,
): PhraseSource {
  return createPhraseSource({
    readsPerSearch: READS_PER_SEARCH,
    remembered: REMEMBERED,
    version,
    async check(questions) {
      const deadline = performance.now() + readMs;
      const answers: PhraseAnswer[] = [];
      const batchAt = (from: number) => questions.slice(from, from + BATCH);
      const readBatch = (from: number) => bodies.read(batchAt(from).map(({ id }) => id));
      let reading = questions.length > 0 ? readBatch(0) : undefined;
      for (let from = 0; reading; from += BATCH) {
        const read = await reading;
        reading = from + BATCH < questions.length ? readBatch(from + BATCH) : undefined;
        const left = deadline - performance.now();
        if (left <= 0) break;
        answers.push(...(await check({ bodies: [...read] }, batchAt(from), left)));
      }
      // A read still under way when time ran out: nobody waits for it, its failure included.
      reading?.catch(() => undefined);
      return answers;
    },
  });
}
