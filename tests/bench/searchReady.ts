import { join } from 'node:path';
import { bulletinRow } from '../../main/ipc/bulletinRow';
import { searchBulletins } from '../../main/search/searchBulletins';
import { createSearchIndex } from '../../main/search/searchIndex';
import { openLibrary } from '../../main/store/library';

/**
 * A fresh process doing what main does at launch, up to the first answered
 * search: open the store, load the persisted index, search once. Prints the
 * time and the process's RSS as JSON (run by search.bench.ts).
 */
const folder = process.argv[2] ?? '';
const start = performance.now();
const library = await openLibrary(folder);
const index = createSearchIndex({
  file: join(folder, 'search-index.json'),
  bulletins: () => library.bulletins(),
  build: () => Promise.reject(new Error('the persisted index should have been loaded')),
});
await index.ready;
const hits = (
  await searchBulletins({ view: 'all', text: 'migration' }, library, index, (bulletin, excerpt) =>
    bulletinRow(bulletin, library, excerpt),
  )
).total;
const ms = performance.now() - start;
console.log(
  JSON.stringify({ ms, rssMB: process.memoryUsage().rss / 2 ** 20, hits, state: index.status().state }),
);
