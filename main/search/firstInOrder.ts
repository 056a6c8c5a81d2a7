import { STEPS_A_PAUSE, type Sliced } from '../mainThread/slices';

/**
 * The first `count` items of `items` in the order of `compare`, as a stable
 * sort would give them, without sorting the rest: a search at 100k bulletins
 * can match most of them while a page shows a hundred. Most items lose to the
 * last one kept at the first comparison, so this is about one pass. Sliced
 * (see slices.ts), the whole sort too: "every result's id" sorts them all.
 */
export function* firstInOrder<T>(
  items: ArrayLike<T> & Iterable<T>,
  compare: (a: T, b: T) => number,
  count: number,
): Sliced<T[]> {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return (yield* sortedInSlices([...items], compare)).slice(0, count);
  const kept: T[] = [];
  let steps = 0;
  for (const item of items) {
    if (++steps % STEPS_A_PAUSE === 0) yield;
    const last = kept[kept.length - 1];
    if (kept.length === count && last !== undefined && compare(item, last) >= 0) continue;
    // After every kept item it does not beat: equals keep their original order, as in a stable sort.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, kept[middle] as T) < 0) high = middle;
      else low = middle + 1;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/**
 * A stable sort that pauses: runs of STEPS_A_PAUSE items sorted by the engine's (stable) sort, then
 * merged pairwise, the left run first among equals. Sorting the 55,000 results of a common word at
 * 100k bulletins in one go took 30–60 ms of main's thread.
 */
function* sortedInSlices<T>(items: T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += STEPS_A_PAUSE) {
    runs.push(items.slice(at, at + STEPS_A_PAUSE).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let at = 0; at < runs.length; at += 2) {
      const left = runs[at] ?? [];
      const right = runs[at + 1];
      merged.push(right ? yield* mergedRuns(left, right, compare) : left);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

function* mergedRuns<T>(left: T[], right: T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  const out: T[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) {
    if (out.length % STEPS_A_PAUSE === STEPS_A_PAUSE - 1) yield;
    // Ties to the left run: it held the earlier items, as a stable sort keeps them.
    out.push(compare(right[r] as T, left[l] as T) < 0 ? (right[r++] as T) : (left[l++] as T));
  }
  for (; l < left.length; l++) out.push(left[l] as T);
  for (; r < right.length; r++) out.push(right[r] as T);
  return out;
}
