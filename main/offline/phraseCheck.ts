import { containsPhrase, foldedWords } from '../search/documentText';
import { snippet } from '../search/snippet';

/** The quoted phrases (folded words in order) a search asks of one bulletin's text. */
export type PhraseQuestion = { id: string; phrases: string[][] };
/** Whether the text has the phrase; for a kept article, the passage showing it. */
export type PhraseAnswer = { id: string; phrase: string[]; found: boolean; passage?: string };

/** Reads one bulletin's plain text (its kept article, its body as text); undefined: it has none. */
export type ReadText = (id: string) => Promise<string | undefined>;

/**
 * Answers the questions in order, reading each text once; stops after `deadline` (a
 * `performance.now()` time) with the answers so far: the questions left are asked again by the
 * next search. `passages`: a found phrase comes with the passage showing it. The app runs it in
 * the offline worker (extractWorker.ts), never on main's thread: reading, parsing and folding 500
 * kept articles of 58 KB took 364 ms of CPU.
 */
export async function answerPhrases(
  questions: readonly PhraseQuestion[],
  read: ReadText,
  deadline = Infinity,
  passages = false,
): Promise<PhraseAnswer[]> {
  const answers: PhraseAnswer[] = [];
  for (const { id, phrases } of questions) {
    if (performance.now() > deadline) break;
    const text = (await read(id)) ?? '';
    const words = foldedWords(text);
    for (const phrase of phrases) {
      const found = containsPhrase([words], phrase);
      answers.push(
        found && passages ? { id, phrase, found, passage: passageOf(text, phrase) } : { id, phrase, found },
      );
    }
  }
  return answers;
}

/** Characters before the phrase kept in its passage. */
const LEAD = 60;

/** The passage of a kept text around the phrase's first place (a long article's phrase may be far in). */
function passageOf(text: string, phrase: readonly string[]): string {
  const last: Array<{ word: string; at: number }> = [];
  for (const found of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    last.push({ word: foldedWords(found[0]).join(' '), at: found.index });
    if (last.length > phrase.length) last.shift();
    if (last.length < phrase.length || !last.every(({ word }, at) => word === phrase[at])) continue;
    const from = Math.max(0, (last[0]?.at ?? 0) - LEAD);
    const passage = snippet([text.slice(from, from + 2 * LEAD + 400)], [...phrase]);
    return from > 0 && !passage.startsWith('…') ? `…${passage}` : passage;
  }
  return snippet([text], [...phrase]);
}
