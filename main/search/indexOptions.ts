import type { Options } from 'minisearch';
import type { Bulletin } from '../../preload/contract';
import { htmlToText } from './htmlText';
import { foldWord } from './normalise';
import { STOP_WORDS } from './stopWords';

/**
 * Bump when the indexed fields, term processing or document shape change: a
 * persisted index of another version is rebuilt rather than loaded.
 */
export const INDEX_VERSION = 3;

/**
 * What the index sees of a bulletin, in three fields: the title; the text
 * (summary and body, markup stripped); and the labels (source, countries,
 * tags). Fewer fields mean fewer postings: minisearch's load time, memory and
 * query time grow with them, and at 100k bulletins that is what users feel.
 */
export interface IndexedDoc {
  id: string;
  title: string;
  text: string;
  labels: string;
}

const FIELDS = ['title', 'text', 'labels'] as const;

export const toIndexedDoc = (bulletin: Bulletin): IndexedDoc => indexedDocWith(bulletin, undefined);

/**
 * `bodyText`: the body's htmlToText when it was already made (an import's parse worker makes it,
 * so main's indexing of an import parses no HTML); made here when undefined.
 */
export function indexedDocWith(bulletin: Bulletin, bodyText: string | undefined): IndexedDoc {
  return {
    id: bulletin.id,
    title: bulletin.title,
    text: textOf(bulletin, bodyText),
    labels: [bulletin.source, ...bulletin.countries, ...bulletin.tags].join('\n'),
  };
}

/** A bulletin's document with its full article kept offline (main/offline) searched as part of its text. */
export function withKeptText(doc: IndexedDoc, keptText: string | undefined): IndexedDoc {
  return keptText ? { ...doc, text: `${doc.text}\n${keptText}` } : doc;
}

/**
 * The summary and the body, each word once. A feed's or digest's summary is most often the lead
 * of its body (cut at a word, "…" added): indexed again, it was a fifth of an import's indexing
 * and counted the lead's words twice.
 */
function textOf(bulletin: Bulletin, bodyText?: string): string {
  if (!bulletin.bodyHtml) return bulletin.summary;
  const body = bodyText ?? htmlToText(bulletin.bodyHtml);
  const lead = bulletin.summary.endsWith('…') ? bulletin.summary.slice(0, -1) : bulletin.summary;
  return body.startsWith(lead) ? body : `${bulletin.summary}\n${body}`;
}

/** Folds a word (case, accents); null drops it (empty, or a stop word). Same at index and query time. */
export function processTerm(term: string): string | null {
  const folded = foldWord(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** Typos are likelier than other words only in longer words: one edit up to 7 letters, two from 8. */
export function fuzzyFor(term: string): number | false {
  return term.length >= 4 ? 0.2 : false;
}

/**
 * The index options, shared by the worker that builds an index and main that
 * loads and queries it (loadJSON needs the very options it was built with).
 * Boosts as VitePress's local search weighs titles over text.
 */
export const indexOptions: Options<IndexedDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  processTerm,
  searchOptions: {
    boost: { title: 3, labels: 1.5 },
    combineWith: 'AND',
    maxFuzzy: 2,
  },
};
