import type { BulletinRow, ListResult, SearchCorrection, SearchRequest, View } from '../../preload/contract';
import { cleanName, collectionView, sameName } from '../store/collections';
import type { StoredBulletin } from '../store/bodies';
import type { Library } from '../store/library';
import { queryOf } from '../store/savedSearches';
import { foldedWords } from './documentText';
import { parseQuery } from './queryParser';
import { runSearch, type KeptPhraseLookup, type SearchAnswer } from './runSearch';
import type { SearchIndex } from './searchIndex';
import { snippet } from './snippet';
import { correctQuery } from './spelling';

/**
 * Rows in a page of results unless the request says (VitePress shows 16):
 * each row costs a snippet, and the total and facets count every result.
 * Later pages are asked for with `offset`, as the list's are.
 */
export const MAX_ROWS = 200;

type Marks = Pick<Library, 'bulletins' | 'get' | 'isBookmarked' | 'isRead'> &
  Partial<Pick<Library, 'notes' | 'collections' | 'savedSearches'>>;

/** Saved searches being answered for an `in:` that names them: one naming itself finds nothing. */
type Resolving = ReadonlySet<string>;

/**
 * A search request answered: a page of rows with the passage that matched, terms, facets, hints,
 * and the likelier query searched when words typed are not in the archive. `recent`: the user's
 * recent searches, whose words are never corrected (a name searched before is meant). `kept`:
 * quoted phrases in the full articles kept offline (main/offline/keptPhrases.ts runs the search).
 */
export function searchBulletins(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  /** `terms`: the row's passage is its summary's, and these are the terms its body may show better. */
  toRow: (bulletin: StoredBulletin, excerpt: string, terms?: readonly string[]) => BulletinRow,
  recent: readonly string[] = [],
  kept?: KeptPhraseLookup,
): ListResult {
  const { answer, correction } = answerCorrected(request, library, index, recent, {
    offset: request.offset ?? 0,
    limit: request.limit ?? MAX_ROWS,
    idsOnly: false,
    resolving: new Set(),
    kept,
  });
  const hints = [...answer.hints];
  if (index.status().state === 'building') hints.push({ code: 'indexing', value: '' });
  return {
    rows: answer.hits.map(({ bulletin, terms }) => {
      const passage = kept?.passage(bulletin.id);
      if (passage !== undefined) return toRow(bulletin, passage);
      // Bodies are not in memory (store/bodies.ts): pageSnippets.ts reads those a page needs.
      return toRow(bulletin, snippet([bulletin.summary], terms ?? answer.terms), terms ?? answer.terms);
    }),
    terms: answer.terms,
    total: answer.total,
    facets: answer.facets,
    hints,
    ...(correction ? { correction } : {}),
  };
}

/** Every result's id, in the order the rows would come (no rows, no snippets): for actions on all results. */
export function matchingIds(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[] = [],
  kept?: KeptPhraseLookup,
): string[] {
  return answerCorrected(request, library, index, recent, everyId(new Set(), kept)).answer.ids;
}

/** What answers ask for: a page of rows, or every id (`idsOnly`). */
interface Page {
  offset: number;
  limit: number;
  idsOnly: boolean;
  resolving: Resolving;
  kept: KeptPhraseLookup | undefined;
}

const everyId = (resolving: Resolving, kept: KeptPhraseLookup | undefined): Page => ({
  offset: 0,
  limit: Number.MAX_SAFE_INTEGER,
  idsOnly: true,
  resolving,
  kept,
});

/**
 * The answer to the likely query when the typed one has words the archive lacks (unless the
 * request asks for the words as typed), else to the typed one. A likely query that finds nothing
 * is not offered: the typed one is answered (its typo-tolerant pass may still find something).
 */
function answerCorrected(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[],
  page: Page,
): { answer: SearchAnswer; correction?: SearchCorrection } {
  const vocabulary = request.literal ? null : index.vocabulary();
  const likely = vocabulary && correctQuery(request.text, vocabulary, new Set(recent.flatMap(foldedWords)));
  const answer = (text: string) => answerRequest({ ...request, text }, library, index, recent, page);
  if (likely) {
    const corrected = answer(likely.text);
    if (corrected.total > 0)
      return { answer: corrected, correction: { searched: likely.text, typed: request.text } };
  }
  return { answer: answer(request.text) };
}

function answerRequest(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[],
  page: Page,
): SearchAnswer {
  const { offset, limit, idsOnly, resolving, kept } = page;
  return runSearch(
    parseQuery(request.text),
    {
      matcher: index.matcher(),
      get: library.get,
      isInView: viewTest(request.view, library),
      isBookmarked: library.isBookmarked,
      isRead: library.isRead,
      notes: library.notes?.(),
      collectionNamed: (name) => {
        const wanted = cleanName(name);
        const collection = library.collections?.().find((info) => sameName(info.name, wanted));
        const saved = library.savedSearches?.().find((search) => sameName(search.name, wanted));
        let members: Set<string>;
        if (collection)
          members = new Set(library.bulletins(collectionView(collection.id)).map((bulletin) => bulletin.id));
        else if (saved && !resolving.has(saved.id))
          members = new Set(
            answerCorrected(
              queryOf(saved),
              library,
              index,
              recent,
              everyId(new Set([...resolving, saved.id]), kept),
            ).answer.ids,
          );
        else return undefined;
        return (id) => members.has(id);
      },
      kept,
    },
    { sort: request.sort ?? 'relevance', facets: request.facets ?? {}, offset, limit, idsOnly },
  );
}

/** The test of the view searched; none for the whole archive (then no result's id is looked up). */
function viewTest(view: View, library: Marks): ((id: string) => boolean) | undefined {
  if (view === 'bookmarks') return library.isBookmarked;
  if (view === 'unread') return (id) => !library.isRead(id);
  if (view !== 'all') {
    const members = new Set(library.bulletins(view).map((bulletin) => bulletin.id));
    return (id) => members.has(id);
  }
  return undefined;
}
