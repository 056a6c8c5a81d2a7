import type { BulletinRow, ListResult, SearchCorrection, SearchRequest, View } from '../../preload/contract';
import { cleanName, collectionView, sameName } from '../store/collections';
import type { StoredBulletin } from '../store/bodies';
import type { Library } from '../store/library';
import { queryOf } from '../store/savedSearches';
import { foldedWords } from './documentText';
import { parseQuery } from './queryParser';
import { runSearch, type KeptPhraseLookup, type SearchAnswer } from './runSearch';
import type { SearchIndex } from './searchIndex';
import { asForeground, inSlices, pauser, type SliceOptions, type Sliced } from '../mainThread/slices';
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
 * `slices`: how it pauses; its `abandoned` is asked at each pause, and true (a newer search
 * replaced this one) rejects with Abandoned.
 *
 * Runs in slices (see slices.ts): at 100k bulletins a common word matches half the archive, and
 * the search, on main's thread, would hold every window's input for as long as it runs.
 */
export function searchBulletins(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  /** `terms`: the row's passage is its summary's, and these are the terms its body may show better. */
  toRow: (bulletin: StoredBulletin, excerpt: string, terms?: readonly string[]) => BulletinRow,
  recent: readonly string[] = [],
  kept?: KeptPhraseLookup,
  slices: SliceOptions = {},
): Promise<ListResult> {
  const options = { ...slices, foreground: true };
  return asForeground(async () => {
    const { answer, correction } = await inTurn(
      index,
      answerCorrected(request, library, index, recent, {
        offset: request.offset ?? 0,
        limit: request.limit ?? MAX_ROWS,
        idsOnly: false,
        resolving: new Set(),
        kept,
      }),
      options,
    );
    const hints = [...answer.hints];
    if (index.status().state === 'building') hints.push({ code: 'indexing', value: '' });
    // A passage is found in the row's summary here; bodies are not in memory (store/bodies.ts):
    // pageSnippets.ts reads those a page needs.
    const pause = pauser(options);
    const rows: BulletinRow[] = [];
    for (const { bulletin, terms } of answer.hits) {
      await pause();
      const passage = kept?.passage(bulletin.id);
      rows.push(
        passage !== undefined
          ? toRow(bulletin, passage)
          : toRow(bulletin, snippet([bulletin.summary], terms ?? answer.terms), terms ?? answer.terms),
      );
    }
    return {
      rows,
      terms: answer.terms,
      total: answer.total,
      facets: answer.facets,
      hints,
      ...(correction ? { correction } : {}),
    };
  });
}

/** Every result's id, in the order the rows would come (no rows, no snippets): for actions on all results. */
export function matchingIds(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[] = [],
  kept?: KeptPhraseLookup,
  slices: SliceOptions = {},
): Promise<string[]> {
  return asForeground(async () => {
    const search = answerCorrected(request, library, index, recent, everyId(new Set(), kept));
    return (await inTurn(index, search, { ...slices, foreground: true })).answer.ids;
  });
}

/** The search of each index running now, or last: the next waits for it. */
const running = new WeakMap<SearchIndex, Promise<unknown>>();

/**
 * Runs a search in slices once the index's searches before it have ended: one at a time, as the
 * matcher's scratch arrays are lent to one search at a time (indexMatcher.ts), and two searches
 * in turns would only make both late. One abandoned while waiting never starts.
 */
function inTurn<T>(index: SearchIndex, search: Sliced<T>, options: SliceOptions): Promise<T> {
  const before = running.get(index) ?? Promise.resolve();
  const turn = before.then(() => inSlices(search, options));
  running.set(
    index,
    turn.catch(() => undefined),
  );
  return turn;
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
function* answerCorrected(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[],
  page: Page,
): Sliced<{ answer: SearchAnswer; correction?: SearchCorrection }> {
  const vocabulary = request.literal ? null : index.vocabulary();
  const likely = vocabulary && correctQuery(request.text, vocabulary, new Set(recent.flatMap(foldedWords)));
  const answer = (text: string) => answerRequest({ ...request, text }, library, index, recent, page);
  if (likely) {
    const corrected = yield* answer(likely.text);
    if (corrected.total > 0)
      return { answer: corrected, correction: { searched: likely.text, typed: request.text } };
  }
  return { answer: yield* answer(request.text) };
}

function answerRequest(
  request: SearchRequest,
  library: Marks,
  index: SearchIndex,
  recent: readonly string[],
  page: Page,
): Sliced<SearchAnswer> {
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
      *collectionNamed(name) {
        const wanted = cleanName(name);
        const collection = library.collections?.().find((info) => sameName(info.name, wanted));
        const saved = library.savedSearches?.().find((search) => sameName(search.name, wanted));
        let members: Set<string>;
        if (collection)
          members = new Set(library.bulletins(collectionView(collection.id)).map((bulletin) => bulletin.id));
        else if (saved && !resolving.has(saved.id))
          members = new Set(
            (yield* answerCorrected(
              queryOf(saved),
              library,
              index,
              recent,
              everyId(new Set([...resolving, saved.id]), kept),
            )).answer.ids,
          );
        else return undefined;
        return (id: string) => members.has(id);
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
