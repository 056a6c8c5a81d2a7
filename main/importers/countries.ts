/**
 * Countries a bulletin mentions, for filtering. The gazetteer is the country names
 * ICU knows in English, Spanish and French (Intl.DisplayNames: nothing to ship or keep
 * up to date); a mention in any of them yields the country's English name, so one
 * country is one value whatever the bulletin's language.
 */

const LANGUAGES = ['en', 'es', 'fr'] as const;

/** Region codes that are not countries (EU, UN, pseudo-locales…) or old aliases of current ones. */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AN',
  'ZR',
  'BU',
  'CS',
  'DD',
  'FX',
  'NT',
  'SU',
  'TP',
  'YD',
  'YU',
  'UK',
  'EA',
  'IC',
  'DG',
  'CP',
  'TA',
  'AC',
  'CQ',
]);

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’`]/g, "'")
    .toLowerCase();

interface Gazetteer {
  pattern: RegExp;
  nameOf: Map<string, string>;
}

let gazetteer: Gazetteer | undefined;

function build(): Gazetteer {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const nameOf = new Map<string, string>();
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      const name = english.of(code);
      if (!name || NOT_COUNTRIES.has(code)) continue;
      for (const language of LANGUAGES) {
        const local = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
        if (local && !nameOf.has(fold(local))) nameOf.set(fold(local), name);
      }
    }
  }
  // Longest first, so "Papua New Guinea" wins over "Guinea" and "Niger" does not match "Nigeria".
  const names = [...nameOf.keys()].sort((a, b) => b.length - a.length);
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    nameOf,
  };
}

/** English names of the countries mentioned in `text`, in order of first mention. */
export function findCountries(text: string): string[] {
  gazetteer ??= build();
  const found = new Set<string>();
  for (const match of fold(text).matchAll(gazetteer.pattern)) {
    const name = gazetteer.nameOf.get(match[0]);
    if (name) found.add(name);
  }
  return [...found];
}
