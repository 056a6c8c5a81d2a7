import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { detectLanguage } from '../../../main/importers/detectLanguage';
import { bytesSource, importSources } from '../../../main/importers/importFiles';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { searcher } from './searchHelpers';

interface Samples {
  samples: { language: 'en' | 'es' | 'fr'; text: string }[];
  short: string[];
  other: string[];
}
const fixture = JSON.parse(
  await readFile(new URL('../../fixtures/language-samples.json', import.meta.url), 'utf8'),
) as Samples;

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-language-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const item = (guid: string, title: string, description: string) =>
  `<item><guid>${guid}</guid><title>${title}</title><description>${description}</description></item>`;
const rss = (items: string[], channelLanguage = '') =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bulletins</title>${channelLanguage}${items.join('')}</channel></rss>`,
  );

async function importFeed(bytes: Uint8Array) {
  const library = await openLibrary(join(folder, 'library'));
  const index = createSearchIndex();
  await importSources([bytesSource('bulletins.xml', bytes)], library, index);
  const languageOf = (guid: string) =>
    library.bulletins().find((bulletin) => bulletin.title.startsWith(guid))?.language;
  return { library, index, languageOf };
}

describe('detectLanguage', () => {
  it('names the language of every labelled bulletin title and lead, English, Spanish and French', async () => {
    for (const { language, text } of fixture.samples) {
      expect({ text, language: await detectLanguage(text) }).toEqual({ text, language });
    }
  });

  it('says "und" for German, Portuguese, Italian, Arabic or Haitian Creole rather than the nearest of en/es/fr', async () => {
    for (const text of fixture.other) {
      expect({ text, language: await detectLanguage(text) }).toEqual({ text, language: 'und' });
    }
  });

  it('says "und" for text too short to tell, rather than guessing', async () => {
    for (const text of [...fixture.short, '', '2020 — 45', 'Costa Rica']) {
      expect({ text, language: await detectLanguage(text) }).toEqual({ text, language: 'und' });
    }
  });
});

describe('feed items without a declared language', () => {
  it('get the language of their title and text, and search filters by it', async () => {
    const { library, index, languageOf } = await importFeed(
      rss([
        item(
          'es',
          'es: La OIM inaugura un albergue para personas migrantes en la frontera sur',
          'Las autoridades de la provincia pidieron mantas, kits de higiene y agua antes de la temporada de frío.',
        ),
        item(
          'fr',
          'fr: Les gouvernements de la région s’accordent sur un plan pour protéger les enfants',
          'La clinique mobile s’est rendue dans quatre communautés cette semaine et a soigné deux cents personnes.',
        ),
        item(
          'en',
          'en: Heavy rains displace thousands of families along the northern border',
          'Authorities in the province asked partners for blankets, hygiene kits and drinking water.',
        ),
        item('short', 'short: Update', ''),
      ]),
    );
    expect(['es', 'fr', 'en', 'short'].map(languageOf)).toEqual(['es', 'fr', 'en', 'und']);
    const search = searcher(index, library);
    expect((await search('lang:fr')).rows.map((row) => row.title)).toEqual([
      'fr: Les gouvernements de la région s’accordent sur un plan pour protéger les enfants',
    ]);
    expect((await search('albergue')).facets?.language).toEqual([{ value: 'es', count: 1 }]);
    library.close();
  });

  it('keep a declared language, even one the text does not match', async () => {
    const { library, languageOf } = await importFeed(
      rss(
        [
          item(
            'declared',
            'declared: La OIM inaugura un albergue para personas migrantes en la frontera sur',
            'Las autoridades de la provincia pidieron mantas y agua.',
          ),
        ],
        '<language>en-GB</language>',
      ),
    );
    expect(languageOf('declared')).toBe('en-GB');
    library.close();
  });
});
