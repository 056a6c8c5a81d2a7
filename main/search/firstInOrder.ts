/**
 * The first `count` items of `items` in the order of `compare`, as a stable
 * sort would give them, without sorting the rest: a search at 100k bulletins
 * can match most of them while a page shows a hundred. Most items lose to the
 * last one kept at the first comparison, so this is about one pass.
 */
export function firstInOrder<T>(
  items: ArrayLike<T> & Iterable<T>,
  compare: (a: T, b: T) => number,
  count: number,
): T[] {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return [...items].sort(compare).slice(0, count);
  const kept: T[] = [];
  for (const item of items) {
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
