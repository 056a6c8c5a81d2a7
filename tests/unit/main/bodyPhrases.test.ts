import { describe, expect, it } from 'vitest';
import { offlineInWorker } from '../../../main/offline/extractInWorker';
import type { PhraseQuestion } from '../../../main/offline/phraseCheck';
import { createBodyPhrases, type CheckBodies } from '../../../main/search/bodyPhrases';
import { createPhraseSearch, withPhraseNote } from '../../../main/search/phraseSearch';
import type { KeptPhraseLookup } from '../../../main/search/runSearch';
import type { Bodies } from '../../../main/store/bodies';

const TS_WORKER = new URL('./tsWorker.mjs', import.meta.url);
const OFFLINE_WORKER = new URL('../../../main/offline/extractWorker.ts', import.meta.url).href;

/** Bodies as the store reads them, counting the reads. */
function bodiesOf(texts: Record<string, string>): Bodies & { reads: () => number } {
  let reads = 0;
  return {
    read: (ids) => {
      reads++;
      return Promise.resolve(
        new Map(ids.flatMap((id) => (texts[id] === undefined ? [] : [[id, texts[id]] as [string, string]]))),
      );
    },
    reads: () => reads,
  };
}

/** A search for one phrase over these bulletins: those whose body has it. */
const searchFor = (ids: readonly string[], phrase: string[]) => (lookup: KeptPhraseLookup) =>
  Promise.resolve(ids.filter((id) => lookup.has(id, phrase)));

describe("a search's quoted phrases in bodies", () => {
  it('are folded in the offline worker: main reads the bodies and hands them over', async () => {
    const bodies = bodiesOf({
      phrase: '<p>The caravan <b>reached</b> Tapachula at dawn.</p>',
      scattered: '<p>At dawn, Tapachula: the caravan had reached it.</p>',
    });
    const worker = offlineInWorker(TS_WORKER, { workerData: { file: OFFLINE_WORKER } });
    const sent: string[][] = [];
    const check: CheckBodies = (texts, questions, readMs) => {
      sent.push(texts.bodies.map(([id]) => id));
      return worker.checkPhrases(texts, questions, readMs);
    };
    const search = createPhraseSearch([createBodyPhrases(bodies, () => 'v1', check)]);
    const phrase = ['reached', 'tapachula', 'at', 'dawn'];
    expect(await search(searchFor(['phrase', 'scattered', 'none'], phrase))).toEqual({
      answer: ['phrase'],
      complete: true,
    });
    expect(sent).toEqual([['phrase', 'scattered']]);
    // Remembered: the same search again asks neither the store nor the worker.
    expect(await search(searchFor(['phrase', 'scattered'], phrase))).toEqual({
      answer: ['phrase'],
      complete: true,
    });
    expect(sent).toHaveLength(1);
    expect(bodies.reads()).toBe(1);
  }, 30_000);

  it('answers within its time budget with what was checked, says it was incomplete, and the next search goes on', async () => {
    const ids = Array.from({ length: 600 }, (_, at) => `b${at}`);
    const bodies = bodiesOf(Object.fromEntries(ids.map((id) => [id, '<p>the border post reopened</p>'])));
    const readMs = 400;
    const asked: number[] = [];
    // A worker that spends the whole time it is given (a timer may fire a millisecond early: and
    // a little more) and gets through half the bodies sent.
    const slow: CheckBodies = async ({ bodies: sent }, questions: PhraseQuestion[], leftMs) => {
      asked.push(sent.length);
      await new Promise((resolve) => setTimeout(resolve, leftMs + 5));
      return questions
        .slice(0, questions.length / 2)
        .flatMap(({ id, phrases }) => phrases.map((phrase) => ({ id, phrase, found: true })));
    };
    const search = createPhraseSearch([createBodyPhrases(bodies, () => 'v1', slow, readMs)]);
    const phrase = ['border', 'post'];
    const began = performance.now();
    const first = await search(searchFor(ids, phrase));
    const took = performance.now() - began;
    // One batch of 200 sent: the budget was spent on it, the other batches waited for no answer.
    expect(asked).toEqual([200]);
    // Three batches each given the budget would take three times it.
    expect(took).toBeLessThan(2.5 * readMs);
    expect(first.complete).toBe(false);
    expect(first.answer).toHaveLength(100);
    // What was answered is kept; the next search reads on from there.
    const second = await search(searchFor(ids, phrase));
    expect(second.answer).toHaveLength(200);
    expect(second.complete).toBe(false);
  });

  it('an incomplete check is a hint on the search answer; a complete one adds none', () => {
    const answer = { rows: [], terms: [], hints: [{ code: 'badDate' as const, value: 'x' }] };
    expect(withPhraseNote({ answer, complete: true })).toBe(answer);
    expect(withPhraseNote({ answer, complete: false }).hints).toEqual([
      { code: 'badDate', value: 'x' },
      { code: 'phrasesUnchecked', value: '' },
    ]);
  });
});
