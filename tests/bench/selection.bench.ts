import type { SearchRequest } from '../../preload/contract';
import { searchBulletins, searchIds } from '../../main/search/searchBulletins';
import { createSearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';
import { allOf, orderedIds } from '../../renderer/list/selection';
import { percentile, time, type Figure, type Suite } from './harness';

const ROUNDS = 5;
/**
 * Two of the countries the generator ends its sentences with, in Spanish bulletins: about a fifth
 * of the archive matches (≈ 21,000 of 100,000), the "select all results, act on them" case.
 */
const REQUEST: SearchRequest = { view: 'all', text: 'honduras OR belize', facets: { language: ['es'] } };

/**
 * Multi-selection at archive scale: "select all" of a large search (every result id, in list
 * order, from main), then one bulk bookmark of them persisted, and "mark all read" of the whole view.
 */
export const selectionSuite: Suite = {
  name: 'selection',
  async run(context) {
    const figures: Figure[] = [];
    for (const size of context.sizes) {
      const folder = await context.archiveFolder(size);
      const library = await openLibrary(folder);
      console.error(`  selection ${size}: building the index…`);
      const index = createSearchIndex({ bulletins: () => library.bulletins() });
      await index.ready;
      const figure = (name: string, value: number, unit: Figure['unit'], extra: Partial<Figure> = {}) =>
        figures.push({ suite: 'selection', name, size, value, unit, ...extra });

      // What the list shows first (200 rows with snippets): the baseline "select all" is judged by.
      const shown: number[] = [];
      const listed: number[] = [];
      let ids: string[] = [];
      let total = 0;
      for (let round = 0; round < ROUNDS; round++) {
        shown.push(
          await time(() => {
            total =
              searchBulletins(REQUEST, library, index, (bulletin, excerpt) => ({
                ...bulletin,
                excerpt,
                bookmarked: false,
                read: false,
              })).total ?? 0;
          }),
        );
        listed.push(await time(() => (ids = searchIds(REQUEST, library, index))));
      }
      if (ids.length !== total) throw new Error(`listIds found ${ids.length} of ${total} results`);
      figure(
        `listIds of a search with ${ids.length} results (median of ${ROUNDS})`,
        percentile(listed, 50),
        'ms',
        {
          baseline: { name: 'the search itself (first 200 rows)', value: percentile(shown, 50) },
          goal: '≤ 2× the search',
        },
      );
      figure(`listIds reply for ${ids.length} ids (JSON)`, JSON.stringify(ids).length / 1024, 'KB');
      const rows = library
        .bulletins()
        .slice(0, 200)
        .map((bulletin) => ({
          ...bulletin,
          excerpt: '',
          bookmarked: false,
          read: false,
        }));
      figure(
        `renderer: select all ${ids.length} + list order`,
        await time(() => orderedIds(allOf('k', ids).ids, rows)),
        'ms',
        { goal: '≤ 16 ms (one frame)' },
      );

      // Alternating on and off, so each round really changes every mark and writes state.json.
      const bookmarking: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const on = round % 2 === 0;
        bookmarking.push(await time(() => library.setBookmarked(ids, on)));
      }
      figure(
        `setBookmarked of ${ids.length} ids, persisted (median of ${ROUNDS})`,
        percentile(bookmarking, 50),
        'ms',
        {
          goal: '≤ 250 ms',
        },
      );

      const everything = library.bulletins().map((bulletin) => bulletin.id);
      const reading: number[] = [];
      for (let round = 0; round < 3; round++) {
        reading.push(await time(() => library.setReadMany(everything, round % 2 === 0)));
      }
      figure(
        `mark all read: setRead of ${everything.length} ids, persisted (median of 3)`,
        percentile(reading, 50),
        'ms',
        {
          goal: '≤ 500 ms',
        },
      );
      library.close();
    }
    return figures;
  },
};
