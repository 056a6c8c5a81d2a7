/**
 * The languages the app is translated into, shared by main and the window. Plain data and pure
 * functions: both processes import this (the window cannot import main's code).
 */

/** Languages with a full set of translations, English first (the fallback). */
export const UI_LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The pseudo-locale (en-XA: CLDR's code for pseudo-accents): English made longer, accented and
 * bracketed, generated from English when chosen. Offered only in development and tests.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** What Settings › Language holds: a language, or "system" (the operating system's). */
export type LanguageSetting = 'system' | UiLanguage | typeof PSEUDO_LOCALE;
export const LANGUAGE_SETTINGS = [
  'system',
  ...UI_LANGUAGES,
  PSEUDO_LOCALE,
] as const satisfies readonly LanguageSetting[];

/** The primary subtag of a BCP 47 tag, lower case: "es-419" → "es". */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/**
 * Chooses the UI language from the user's preferences (the system's languages, best first).
 * Returns the first preferred tag whose language has translations, keeping its region
 * ("es-MX" stays "es-MX", so dates and numbers are written the Mexican way while the words come
 * from "es"), else English. A language without translations is skipped rather than half-applied.
 */
export function pickLanguage(
  preferred: readonly string[],
  available: readonly string[] = UI_LANGUAGES,
  fallback = 'en',
): string {
  const bases = new Set(available.map(baseLanguage));
  for (const tag of preferred) {
    if (tag && bases.has(baseLanguage(tag))) return tag;
  }
  return fallback;
}

/** The language to use for a setting: the chosen one, or the system's best translated one. */
export function resolveLanguage(setting: LanguageSetting, systemPreferred: readonly string[]): string {
  return setting === 'system' ? pickLanguage(systemPreferred) : setting;
}

/** A language's own name for itself, capitalised as at the start of a menu item: "Español". */
export function endonym(language: string): string {
  if (language === PSEUDO_LOCALE) return '[Ƥšéûδö]';
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(baseLanguage(language));
  return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
}

/**
 * An interpolated value, isolated from the sentence around it (Unicode's FSI … PDI): an English
 * title or a file name inside an Arabic sentence keeps its own direction and does not pull the
 * punctuation around it the wrong way. Used as i18next's `escape` in right-to-left languages only.
 */
export function isolateInRtl(rtl: boolean): (value: string) => string {
  return (value) => (rtl ? `\u2068${value}\u2069` : value);
}
