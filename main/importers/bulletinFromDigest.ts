import { createHash } from 'node:crypto';
import { escapeUTF8 } from 'entities';
import type { Bulletin } from '../../preload/contract';
import { findCountries } from './countries';
import type { DigestEntry } from './digest';

/** Digests name no publisher; their bulletins share this source. */
export const DIGEST_SOURCE = 'Digest';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A digest entry as a bulletin. Digests carry no GUID or link, so the id is a
 * hash of source + date + title: importing the same digest again yields the
 * same ids and adds nothing.
 */
export function bulletinFromDigest(entry: DigestEntry, importedAt: string): Bulletin {
  const bodyHtml = entry.paragraphs.map((paragraph) => `<p>${escapeUTF8(paragraph)}</p>`).join('\n');
  return {
    id: `digest-${sha256([DIGEST_SOURCE, entry.published, entry.title].join('\n')).slice(0, 24)}`,
    source: DIGEST_SOURCE,
    title: entry.title,
    summary: entry.paragraphs[0] ?? '',
    bodyHtml,
    published: entry.published,
    language: entry.language,
    countries: findCountries([entry.title, ...entry.paragraphs].join('\n')),
    tags: [],
    importedAt,
    contentHash: sha256([entry.title, ...entry.paragraphs].join('\n')),
  };
}
