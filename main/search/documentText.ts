import type { Bulletin } from '../../preload/contract';
import { htmlToText } from './htmlText';
import { foldTerm } from './normalise';

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order (as the index's tokenizer splits, stop words kept). */
export function foldedWords(text: string): string[] {
  return foldTerm(text).match(WORD) ?? [];
}

/** A bulletin's searchable text, field by field, as plain text. */
export function searchableFields(bulletin: Bulletin): string[] {
  return [
    bulletin.title,
    bulletin.summary,
    bulletin.bodyHtml ? htmlToText(bulletin.bodyHtml) : '',
    bulletin.source,
    bulletin.countries.join(' '),
    bulletin.tags.join(' '),
  ];
}

/** True when the phrase's words appear together, in order, within one field. */
export function containsPhrase(fields: readonly string[][], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  return fields.some((words) => {
    for (let at = words.indexOf(phrase[0] ?? ''); at !== -1; at = words.indexOf(phrase[0] ?? '', at + 1)) {
      if (phrase.every((word, offset) => words[at + offset] === word)) return true;
    }
    return false;
  });
}
