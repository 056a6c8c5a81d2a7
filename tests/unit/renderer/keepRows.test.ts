import { describe, expect, it } from 'vitest';
import type { BulletinRow } from '../../../preload/contract';
import { keepRows } from '../../../renderer/list/keepRows';

const row = (id: string): BulletinRow => ({
  id,
  title: id,
  published: '2020-11-12',
  source: 'Digest',
  language: 'en',
  excerpt: '',
  bookmarked: false,
  read: false,
  noted: false,
});
const ids = (rows: BulletinRow[]) => rows.map((r) => r.id);

describe('keepRows', () => {
  const previous = ['a', 'b', 'c', 'd'].map(row);

  it('puts a kept row back where it was', () => {
    const next = ['a', 'c', 'd'].map(row);
    expect(ids(keepRows(previous, next, new Set(['b'])))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps rows at the top and in runs', () => {
    const next = ['c', 'd'].map(row);
    expect(ids(keepRows(previous, next, new Set(['a', 'b'])))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(keepRows(previous, ['a'].map(row), new Set(['c', 'd'])))).toEqual(['a', 'c', 'd']);
  });

  it('lets go of rows nobody acted on, and takes new rows as they come', () => {
    const next = ['new', 'a', 'd'].map(row);
    expect(ids(keepRows(previous, next, new Set(['c'])))).toEqual(['new', 'a', 'c', 'd']);
    expect(ids(keepRows(previous, next, new Set(['b'])))).toEqual(['new', 'a', 'b', 'd']);
    expect(ids(keepRows(previous, next, new Set<string>(['a'])))).toEqual(['new', 'a', 'd']);
  });

  it('returns the fresh list when there is nothing to keep', () => {
    const next = ['a'].map(row);
    expect(ids(keepRows(previous, next, new Set()))).toEqual(['a']);
    expect(ids(keepRows(previous, next, new Set(['zzz'])))).toEqual(['a']);
  });
});
