import { expect, it } from 'vitest';
import type { Bulletin } from '../../../preload/contract';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { fakeLibrary, foundIds } from './searchHelpers';

const bulletin = (id: string, summary: string, bodyHtml?: string): Bulletin => ({
  id,
  source: 'Test',
  title: `Bulletin ${id}`,
  summary,
  ...(bodyHtml ? { bodyHtml } : {}),
  published: '2024-05-01',
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2024-05-01T00:00:00.000Z',
  contentHash: id,
});

it('finds words of a summary whether or not it is the lead of the body, and of a body alone', async () => {
  const index = createSearchIndex();
  const archive = [
    // A feed's summary: the body's text cut at a word, with an ellipsis.
    bulletin(
      'lead',
      'Flooding closed the northern…',
      '<p>Flooding closed the northern crossing overnight.</p>',
    ),
    // A summary written apart from the body: its words are nowhere else.
    bulletin('apart', 'Quarterly shelter census', '<p>Numbers rose at every station.</p>'),
    bulletin('plain', 'Vaccination drive announced'),
  ];
  await index.add(archive);
  const ids = (text: string) => foundIds(index, fakeLibrary(archive), text);
  expect(await ids('flooding')).toEqual(['lead']);
  expect(await ids('overnight')).toEqual(['lead']);
  expect(await ids('census')).toEqual(['apart']);
  expect(await ids('station')).toEqual(['apart']);
  expect(await ids('vaccination')).toEqual(['plain']);
});
