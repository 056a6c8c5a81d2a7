import type { Bulletin } from '../../../preload/contract';

export const bulletin = (id: string, published: string): Bulletin => ({
  id,
  source: 'Digest',
  title: `Title ${id}`,
  summary: '',
  published,
  language: 'en',
  countries: [],
  tags: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  contentHash: id,
});
