import type { Bulletin } from '../../preload/contract';
import { createDocColumns, type DocColumns } from './docColumns';
import { foldedWords } from './documentText';
import { processTerm } from './indexOptions';
import type { Matcher } from './runSearch';

/** The archive as the scan numbers it: a bulletin's number is its place in the list. */
interface Numbered {
  list: readonly Bulletin[];
  columns: DocColumns;
  numbers: Map<string, number>;
}

/**
 * The stand-in while the index builds: a scan of titles, summaries, sources,
 * countries and tags (bodies are left out to stay fast at 100k), every word
 * matched as a word prefix. Slower and blunter than the index, but it answers,
 * through the same pipeline: its columns are made once per version of the list
 * (the store hands out a new array when the archive changes).
 */
export function scanMatcher(bulletins: () => readonly Bulletin[]): Matcher {
  const haystack = (bulletin: Bulletin) =>
    ` ${foldedWords(
      [
        bulletin.title,
        bulletin.summary,
        bulletin.source,
        bulletin.countries.join(' '),
        bulletin.tags.join(' '),
      ].join(' '),
    ).join(' ')}`;
  const queryWords = (text: string) => foldedWords(text).filter((word) => processTerm(word) !== null);

  let numbered: Numbered | undefined;
  const current = (): Numbered => {
    const list = bulletins();
    if (numbered?.list === list) return numbered;
    const columns = createDocColumns();
    for (const [doc, bulletin] of list.entries()) columns.set(doc, bulletin);
    numbered = {
      list,
      columns: columns.read(),
      numbers: new Map(list.map((bulletin, doc) => [bulletin.id, doc])),
    };
    return numbered;
  };

  return {
    get columns() {
      return current().columns;
    },
    idOf: (doc) => current().list[doc]?.id,
    docOf: (id) => current().numbers.get(id),
    *match(query) {
      const { list } = current();
      const docs: number[] = [];
      const scores: number[] = [];
      const matchedWords = new Map<string, string[]>();
      for (const [doc, bulletin] of list.entries()) {
        // A bulletin's text is folded here (microseconds each): a place to pause after every one.
        yield;
        const text = haystack(bulletin);
        const title = ` ${foldedWords(bulletin.title).join(' ')}`;
        const matched: string[] = [];
        let score = 0;
        const every = query.clauses.every((clause) =>
          clause.some((term) => {
            const words = queryWords(term.text);
            if (words.length === 0 || !words.every((word) => text.includes(` ${word}`))) return false;
            matched.push(...words);
            score += words.filter((word) => title.includes(` ${word}`)).length * 2 + words.length;
            return true;
          }),
        );
        if (every) {
          docs.push(doc);
          scores.push(score);
          matchedWords.set(bulletin.id, matched);
        }
      }
      return {
        docs: Int32Array.from(docs),
        scores: Float64Array.from(scores),
        termsOf: (id) => {
          const words = matchedWords.get(id) ?? [];
          return { terms: words, queryTerms: words };
        },
      };
    },
    *idsWithWord(word) {
      const ids = new Set<string>();
      for (const bulletin of bulletins()) {
        yield;
        if (` ${haystack(bulletin)} `.includes(` ${word} `)) ids.add(bulletin.id);
      }
      return ids;
    },
  };
}
