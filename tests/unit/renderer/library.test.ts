import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectionInfo } from '../../../preload/contract';
import { carriesBulletinIds, readBulletinIds, writeBulletinIds } from '../../../renderer/library/dragIds';
import { nameProblem } from '../../../renderer/library/names';
import { collectionIdOf, viewName } from '../../../renderer/library/viewName';
import { uiI18n } from './uiI18n';

let i18n: Awaited<ReturnType<typeof uiI18n>>;
beforeAll(async () => {
  i18n = await uiI18n();
});

const collection = (id: string, name: string): CollectionInfo => ({
  id,
  name,
  count: 0,
  unread: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** The part of DataTransfer the drag helpers use, as Chromium fills it. */
function transfer(data: Record<string, string> = {}): DataTransfer {
  const store = new Map(Object.entries(data));
  return {
    get types() {
      return [...store.keys()];
    },
    getData: (type: string) => store.get(type) ?? '',
    setData: (type: string, value: string) => void store.set(type, value),
    effectAllowed: 'none',
  } as unknown as DataTransfer;
}

describe('collection names', () => {
  it('says why a name cannot be used: blank, or taken whatever the case and accents', () => {
    const others = [collection('c1', 'Bogotá office')];
    expect(nameProblem('   ', others, i18n.t)).toBe('A collection needs a name.');
    expect(nameProblem('  BOGOTA   office ', others, i18n.t)).toBe(
      'There is already a collection called “Bogotá office”.',
    );
    expect(nameProblem('Lima office', others, i18n.t)).toBeNull();
  });

  it('names a view: the fixed ones translated, a collection by its own name', () => {
    const list = [collection('c1', 'Trip to Darién')];
    expect(viewName('bookmarks', list, i18n.t)).toBe('Bookmarks');
    expect(viewName('collection:c1', list, i18n.t)).toBe('Trip to Darién');
    expect(collectionIdOf('collection:c1')).toBe('c1');
    expect(collectionIdOf('unread')).toBeNull();
  });
});

describe('dragging bulletins onto a collection', () => {
  it('carries ids under its own type, with the titles as text for other programs', () => {
    const data = transfer();
    writeBulletinIds(data, ['a', 'b'], 'Two bulletins');
    expect(carriesBulletinIds(data)).toBe(true);
    expect(readBulletinIds(data)).toEqual(['a', 'b']);
    expect(data.getData('text/plain')).toBe('Two bulletins');
  });

  it('ignores files and text, and reads a malformed payload as nothing', () => {
    expect(carriesBulletinIds(transfer({ Files: '' }))).toBe(false);
    expect(carriesBulletinIds(transfer({ 'text/plain': 'hello' }))).toBe(false);
    expect(readBulletinIds(transfer({ 'application/x-bulletin-ids': '{not json' }))).toEqual([]);
    expect(readBulletinIds(transfer({ 'application/x-bulletin-ids': '{"a":1}' }))).toEqual([]);
    expect(readBulletinIds(transfer({ 'application/x-bulletin-ids': '["a",2,null,"b"]' }))).toEqual([
      'a',
      'b',
    ]);
  });
});
