import { describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { createSearchIndex } from '../../../main/search/searchIndex';

const bulletin = (id: string, title: string, bodyHtml = ''): Bulletin => ({
  id,
  source: 'Digest',
  title,
  summary: '',
  bodyHtml,
  published: '2020-11-12',
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: id,
});

const index = createSearchIndex();
index.add([
  bulletin('panama', 'Reception station in Panama', '<p>Province of Dari&eacute;n, near the border.</p>'),
  bulletin('costa-rica', 'Playground in San José', '<p>Children of Barrio Cuba.</p>'),
  bulletin('honduras', 'Migration policy in Honduras', '<p>Communication <b>plan</b>.</p>'),
]);
const ids = (text: string) => index.search(text).hits.map((hit) => hit.id);

describe('search index', () => {
  it('ignores accents and case, both ways', () => {
    expect(ids('darien')).toEqual(['panama']);
    expect(ids('DARIÉN')).toEqual(['panama']);
    expect(ids('jose')).toEqual(['costa-rica']);
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('migra')).toEqual(['honduras']);
  });

  it('tolerates a typo in a longer word', () => {
    expect(ids('hondruas')).toEqual(['honduras']);
  });

  it('ranks a title match above a body match', () => {
    index.add([bulletin('body-only', 'Other news', '<p>Talks about Panama.</p>')]);
    expect(ids('panama')).toEqual(['panama', 'body-only']);
  });

  it('requires every word and reports the folded terms that matched', () => {
    expect(ids('panama honduras')).toEqual([]);
    expect(index.search('Darién border').terms.sort()).toEqual(['border', 'darien']);
  });

  it('does not index a bulletin twice', () => {
    index.add([bulletin('panama', 'Reception station in Panama')]);
    expect(ids('reception')).toEqual(['panama']);
  });
});
