/**
 * What a colleague's library merge costs main's thread once the parse worker has read the file:
 * the import boundary and the merge plan, over a backup of N bulletins (notes on a tenth,
 * bookmarks on a twentieth, ten collections) against a library holding half of them. Prints the
 * total and the longest time main's thread was held in one turn, in one piece and in slices (as
 * the app runs them). `npx tsx tests/bench/mergePlan.ts [N]` (default 100,000).
 */
import { initI18n } from '../../main/i18n';
import { validateImport } from '../../main/importers/validateImport';
import { checkedInSlices } from '../../main/share/checkedInSlices';
import {
  planLibraryMerge,
  planLibraryMergeInSlices,
  type MergeReceiver,
} from '../../main/share/planLibraryMerge';
import { emptyState, type State } from '../../main/store/schema';
import type { Bulletin } from '../../preload/contract';

const count = Number(process.argv[2] ?? 100_000);
const at = '2026-12-01T10:00:00.000Z';
const bulletin = (id: string): Bulletin => ({
  id,
  source: 'IOM Panama',
  title: `Bulletin ${id} on the crossing`,
  summary: 'The crossing reopened at dawn.',
  published: `20${10 + (id.length % 15)}-0${1 + (id.length % 9)}-1${id.length % 9}`,
  language: 'en',
  countries: ['Panama'],
  tags: [],
  importedAt: at,
  contentHash: id,
});
const theirs = Array.from({ length: count }, (_, n) => bulletin(`b-${n}`));
const state: State = {
  ...emptyState(),
  notes: Object.fromEntries(
    theirs
      .filter((_, n) => n % 10 === 0)
      .map(({ id }) => [id, { text: `Seen ${id}\nqueue 300`, updatedAt: at }]),
  ),
  bookmarks: Object.fromEntries(theirs.filter((_, n) => n % 20 === 0).map(({ id }) => [id, at])),
  collections: Array.from({ length: 10 }, (_, c) => ({
    id: `c${c}`,
    name: `Route ${c}`,
    createdAt: at,
    items: Object.fromEntries(theirs.filter((_, n) => n % 10 === c).map(({ id }) => [id, at])),
  })),
};
const mine = new Set(theirs.filter((_, n) => n % 2 === 0).map(({ id }) => id));
const receiver: MergeReceiver = {
  presence: (id) => (mine.has(id) ? 'visible' : 'absent'),
  note: (id) => (mine.has(id) && id.endsWith('0') ? 'My own words' : undefined),
  isBookmarked: () => false,
  collections: [{ id: 'm', name: 'route 3', items: {} }],
  savedSearches: [],
};
let ids = 0;
const options = {
  noteHeader: (sender: string, date: string) => `— from ${sender}, ${date}:`,
  newId: () => `n${++ids}`,
  now: at,
};
await initI18n('en');

let started = performance.now();
const whole = validateImport(theirs, at);
const checkedWhole = performance.now() - started;
started = performance.now();
planLibraryMerge(receiver, { sender: 'Ana', bulletins: whole.bulletins, state }, options);
const plannedWhole = performance.now() - started;

// In slices: the longest gap between two turns of the event loop is main's longest hold.
let longest = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longest = Math.max(longest, now - last);
  last = now;
}, 0);
started = performance.now();
last = started;
const checked = await checkedInSlices(
  { createdAt: at, state, bulletins: theirs, bodyTexts: theirs.map(() => null), positions: [], invalid: [] },
  at,
);
const plan = await planLibraryMergeInSlices(
  receiver,
  { sender: 'Ana', bulletins: checked.bulletins, state },
  options,
);
const sliced = performance.now() - started;
clearInterval(ticker);
console.log(
  `${count} bulletins (adds ${plan.bulletins.add.length}, notes ${plan.notes.length}): in one piece ` +
    `${checkedWhole.toFixed(0)} + ${plannedWhole.toFixed(0)} ms; in slices ${sliced.toFixed(0)} ms in all, ` +
    `main held at most ${longest.toFixed(0)} ms at a time`,
);
