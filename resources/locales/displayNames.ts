/**
 * Countries and languages named in the user's language. Bulletins record countries by their
 * English name (main/importers/countries.ts) and languages by code; the names shown come from
 * ICU's CLDR data through Intl.DisplayNames, so nothing is hand-translated or shipped.
 */
import { PSEUDO_LOCALE, UI_LANGUAGES } from './languages';

let codesByEnglishName: Map<string, string> | undefined;

/** English region name → ISO 3166 code, from the same Intl data the importer named them with. */
function codes(): Map<string, string> {
  if (codesByEnglishName) return codesByEnglishName;
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const table = new Map<string, string>();
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      const name = english.of(code);
      // The first code wins for a name two codes share (an old alias and its successor).
      if (name && name !== code && !table.has(name)) table.set(name, code);
    }
  }
  codesByEnglishName = table;
  return table;
}

/** The ISO code of a country stored by its English name, or undefined when it is not one. */
export function countryCode(englishName: string): string | undefined {
  return codes().get(englishName);
}

const namers = new Map<string, Intl.DisplayNames>();
function namer(language: string, type: 'region' | 'language'): Intl.DisplayNames {
  // The pseudo-locale names things in English (CLDR has no names for en-XA).
  const tag = language === PSEUDO_LOCALE ? 'en' : language;
  const key = `${type}:${tag}`;
  let found = namers.get(key);
  if (!found) {
    found = new Intl.DisplayNames([tag], { type, fallback: 'none' });
    namers.set(key, found);
  }
  return found;
}

/** A country stored by its English name, named in `language` ("Mexico" → "México"); as stored when unknown. */
export function countryName(englishName: string, language: string): string {
  const code = countryCode(englishName);
  return (code && namer(language, 'region').of(code)) || englishName;
}

/**
 * A language code named in `language`: "es" → "español" in Spanish, "Spanish" in English.
 * "und" (undetermined) and unknown codes stay as they are, since ICU has no good name for them.
 */
export function languageName(code: string, language: string): string {
  if (code === '' || code === 'und') return code;
  try {
    const name = namer(language, 'language').of(code);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : code;
  } catch {
    // A stored tag that is not well-formed BCP 47: show it as it is.
    return code;
  }
}

const allNames = new Map<string, readonly string[]>();

/** A stored country's names in every UI language ("Mexico", "México", "Mexique", "المكسيك"), memoised. */
export function countryNamesEverywhere(englishName: string): readonly string[] {
  let names = allNames.get(englishName);
  if (!names) {
    names = [
      ...new Set([englishName, ...UI_LANGUAGES.map((language) => countryName(englishName, language))]),
    ];
    allNames.set(englishName, names);
  }
  return names;
}
