import { beforeAll, describe, expect, it } from 'vitest';
import { currentScope, defaultTitle } from '../../../renderer/export/exportScope';
import { uiI18n } from './uiI18n';

let i18n: Awaited<ReturnType<typeof uiI18n>>;

beforeAll(async () => {
  i18n = await uiI18n();
});

describe('export scope', () => {
  it('is the search when one is shown, else the view', () => {
    expect(currentScope('bookmarks', '')).toEqual({ kind: 'view', view: 'bookmarks' });
    expect(currentScope('unread', 'Panamá')).toEqual({ kind: 'search', view: 'unread', text: 'Panamá' });
  });

  it('sends a collection as the ids it shows, in order, under its name', () => {
    expect(currentScope('collection:c1', '', { ids: ['b', 'a'], label: 'Trip to Darién' })).toEqual({
      kind: 'ids',
      ids: ['b', 'a'],
      label: 'Trip to Darién',
    });
  });

  it('names the export after what the list shows', () => {
    expect(defaultTitle({ kind: 'view', view: 'bookmarks' }, i18n.t)).toBe('Bookmarks');
    expect(defaultTitle({ kind: 'search', view: 'all', text: 'Darién' }, i18n.t)).toBe(
      'Search for “Darién” in All bulletins',
    );
    expect(defaultTitle({ kind: 'ids', ids: ['a'], label: 'Trip to Darién' }, i18n.t)).toBe('Trip to Darién');
  });
});
