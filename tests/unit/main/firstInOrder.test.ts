import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../main/search/firstInOrder';
import { whole } from '../../../main/mainThread/slices';
import { random } from '../../support/random';

describe('firstInOrder', () => {
  it('gives the first items of a stable sort, equals in their original order', () => {
    const next = random(3);
    // Past 1,024 items the whole sort runs in runs merged pairwise (sorted in slices): 5 runs here.
    const items = Array.from({ length: 5000 }, (_, at) => ({ at, key: Math.floor(next() * 50) }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const count of [0, 1, 7, 100, 1249, 1250, 2000, 5000, 6000])
      expect(whole(firstInOrder(items, byKey, count))).toEqual([...items].sort(byKey).slice(0, count));
  });
});
