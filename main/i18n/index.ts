import i18next, { type TFunction } from 'i18next';
import { BUNDLES } from '../../resources/locales/bundles';
import {
  LANGUAGE_SETTINGS,
  PSEUDO_LOCALE,
  UI_LANGUAGES,
  isolateInRtl,
  resolveLanguage,
  type LanguageSetting,
} from '../../resources/locales/languages';
import { pseudoMessages } from '../../resources/locales/pseudo';

/**
 * Translations for what main shows itself: menus, dialogs, exports' labels and the messages of
 * errors that reach the renderer. The renderer has its own namespace ('ui').
 */
const i18n = i18next.createInstance();

/**
 * BULLETIN_UI_LANGUAGE (a setting's value: "es", "ar", "en-XA"…) overrides the saved language for
 * this run: for development and tests (the pseudo-locale), never saved.
 */
export function languageOverride(): LanguageSetting | undefined {
  const value = process.env.BULLETIN_UI_LANGUAGE;
  return LANGUAGE_SETTINGS.find((setting) => setting === value);
}

/** The settings as the window sees them: with BULLETIN_UI_LANGUAGE's language when it is set. */
export function withLanguageOverride<T extends { language: LanguageSetting }>(settings: T): T {
  const language = languageOverride();
  return language ? { ...settings, language } : settings;
}

/**
 * Starts in `language` (at launch the system's, or the override's: the saved setting is read
 * later, with the library).
 */
export async function initI18n(language: string): Promise<void> {
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES, PSEUDO_LOCALE],
    nonExplicitSupportedLngs: true,
    defaultNS: 'main',
    resources: Object.fromEntries(UI_LANGUAGES.map((code) => [code, { main: BUNDLES.main[code] }])),
    // Values isolated in Arabic (see isolateInRtl); never HTML-escaped: dialogs and menus are text.
    interpolation: {
      escapeValue: true,
      escape: (value: string) => isolateInRtl(i18n.dir() === 'rtl')(value),
    },
    initAsync: false,
  });
}

/**
 * Puts Settings › Language to work in main (dialogs, notices, exports) at once. Returns whether
 * the language changed, so the caller rebuilds the menu only then.
 */
export async function applyLanguageSetting(
  setting: LanguageSetting,
  systemLanguages: readonly string[],
): Promise<boolean> {
  const language = resolveLanguage(languageOverride() ?? setting, systemLanguages);
  if (language === i18n.language) return false;
  if (language === PSEUDO_LOCALE && !i18n.hasResourceBundle(PSEUDO_LOCALE, 'main')) {
    i18n.addResourceBundle(PSEUDO_LOCALE, 'main', pseudoMessages(BUNDLES.main.en));
  }
  await i18n.changeLanguage(language);
  return true;
}

/** The language in use, with its region when the system gave one ("es-MX"): for Intl formats. */
export const currentLanguage = (): string => i18n.language;

export const t: TFunction = ((...args: Parameters<TFunction>) => i18n.t(...args)) as TFunction;
