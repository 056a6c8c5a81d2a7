/**
 * Countries a bulletin mentions, for filtering. The gazetteer is the country names
 * ICU knows in English, Spanish and French (Intl.DisplayNames: nothing to ship or keep
 * up to date); a mention in any of them yields the country's English name, so one
 * country is one value whatever the bulletin's language.
 */
import { foldWord } from '../search/normalise';

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

/** Accent- and case-folded words: "Côte d’Ivoire" → ["cote", "d", "ivoire"]. Word by word, memoised. */
const words = (text: string) => (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map(foldWord);

/** Names by their first word, longest first, so "Papua New Guinea" wins over "Guinea". */
type Gazetteer = Map<string, { words: string[]; name: string }[]>;

let gazetteer: Gazetteer | undefined;

function build(): Gazetteer {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const localised = LANGUAGES.map(
    (language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }),
  );
  const byFirstWord: Gazetteer = new Map();
  const seen = new Set<string>();
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      const name = english.of(code);
      if (!name || NOT_COUNTRIES.has(code)) continue;
      for (const names of localised) {
        const nameWords = words(names.of(code) ?? '');
        const key = nameWords.join(' ');
        const head = nameWords[0];
        if (!head || seen.has(key)) continue;
        seen.add(key);
        byFirstWord.set(head, [...(byFirstWord.get(head) ?? []), { words: nameWords, name }]);
      }
    }
  }
  for (const candidates of byFirstWord.values()) candidates.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

/** English names of the countries mentioned in `text`, in order of first mention. */
export function findCountries(text: string): string[] {
  gazetteer ??= build();
  const found = new Set<string>();
  const tokens = words(text);
  for (let at = 0; at < tokens.length; at += 1) {
    const candidates = gazetteer.get(tokens[at] ?? '');
    const match = candidates?.find((candidate) =>
      candidate.words.every((word, i) => tokens[at + i] === word),
    );
    if (!match) continue;
    found.add(match.name);
    at += match.words.length - 1;
  }
  return [...found];
}
