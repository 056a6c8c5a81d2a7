import { describe, expect, it } from 'vitest';
import type { BulletinRow } from '../../../preload/contract';
import {
  allOf,
  anchoredAt,
  emptySelection,
  extended,
  orderedIds,
  toggled,
} from '../../../renderer/list/selection';

const rows: BulletinRow[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
  id,
  title: id,
  published: '2020-01-01',
  source: 'S',
  language: 'en',
  excerpt: '',
  bookmarked: false,
  read: false,
  noted: false,
}));
const sorted = (ids: ReadonlySet<string>) => [...ids].sort();

describe('selection', () => {
  it('toggles a row in and out', () => {
    const one = toggled(emptySelection('k'), 'b');
    expect(sorted(one.ids)).toEqual(['b']);
    expect(sorted(toggled(one, 'b').ids)).toEqual([]);
  });

  it('extends from the anchor, adding to what was selected, and shrinks back when the range does', () => {
    const start = toggled(toggled(emptySelection('k'), 'a'), 'c'); // anchor c
    const down = extended(start, rows, 4, -1);
    expect(sorted(down.ids)).toEqual(['a', 'c', 'd', 'e']);
    const back = extended(down, rows, 3, 4);
    expect(sorted(back.ids)).toEqual(['a', 'c', 'd']);
    const up = extended(back, rows, 1, 3);
    expect(sorted(up.ids)).toEqual(['a', 'b', 'c']);
  });

  it('starts a range at the given row when there is no anchor, and at a new anchor after a plain move', () => {
    expect(sorted(extended(emptySelection('k'), rows, 2, 0).ids)).toEqual(['a', 'b', 'c']);
    const picked = toggled(emptySelection('k'), 'a');
    const moved = anchoredAt(picked, 'd');
    expect(sorted(extended(moved, rows, 5, 3).ids)).toEqual(['a', 'd', 'e', 'f']);
  });

  it('orders ids as the list does, with those beyond the loaded rows after them', () => {
    const all = allOf('k', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(orderedIds(all.ids, rows.slice(0, 3))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const picked = toggled(toggled(toggled(emptySelection('k'), 'e'), 'a'), 'c');
    expect(orderedIds(picked.ids, rows)).toEqual(['a', 'c', 'e']);
  });
});
