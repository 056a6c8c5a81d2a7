import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../main/search/firstInOrder';
import { random } from '../../support/random';

describe('firstInOrder', () => {
  it('gives the first items of a stable sort, equals in their original order', () => {
    const next = random(3);
    const items = Array.from({ length: 2000 }, (_, at) => ({ at, key: Math.floor(next() * 50) }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const count of [0, 1, 7, 100, 499, 500, 2000, 3000])
      expect(firstInOrder(items, byKey, count)).toEqual([...items].sort(byKey).slice(0, count));
  });
});
