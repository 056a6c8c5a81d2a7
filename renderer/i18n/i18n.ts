import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { BUNDLES } from '../../resources/locales/bundles';
import {
  PSEUDO_LOCALE,
  UI_LANGUAGES,
  isolateInRtl,
  resolveLanguage,
  type LanguageSetting,
} from '../../resources/locales/languages';
import { pseudoMessages } from '../../resources/locales/pseudo';

export const i18n = i18next.createInstance();

/** The system's languages as the window sees them (Chromium's, from the operating system). */
const systemLanguages = (): readonly string[] =>
  navigator.languages.length ? navigator.languages : [navigator.language];

/**
 * Initialises i18next synchronously, so the first render already has its words: in the
 * system's language until the saved setting is known (see applyLanguageSetting).
 */
export function initI18n(language: string = resolveLanguage('system', systemLanguages())): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: Object.fromEntries(UI_LANGUAGES.map((code) => [code, { ui: BUNDLES.ui[code] }])),
    lng: language,
    fallbackLng: 'en',
    ns: ['ui'],
    defaultNS: 'ui',
    // React escapes what it renders, so "escaping" here only isolates values in Arabic.
    interpolation: {
      escapeValue: true,
      escape: (value: string) => isolateInRtl(i18n.dir() === 'rtl')(value),
    },
    initAsync: false,
  });
  ensurePseudo(language);
  applyDocumentLanguage();
  i18n.on('languageChanged', applyDocumentLanguage);
  return i18n;
}

/** Puts Settings › Language to work: the window re-renders in it at once. */
export function applyLanguageSetting(setting: LanguageSetting): void {
  const language = resolveLanguage(setting, systemLanguages());
  if (language === i18n.language) return;
  ensurePseudo(language);
  void i18n.changeLanguage(language);
}

function ensurePseudo(language: string): void {
  if (language === PSEUDO_LOCALE && !i18n.hasResourceBundle(PSEUDO_LOCALE, 'ui')) {
    i18n.addResourceBundle(PSEUDO_LOCALE, 'ui', pseudoMessages(BUNDLES.ui.en));
  }
}

/** `lang` and `dir` on <html>: screen readers pick a voice by it, and `dir` flips the layout for Arabic. */
function applyDocumentLanguage(): void {
  const root = document.documentElement;
  root.lang = i18n.language;
  root.dir = i18n.dir(i18n.language);
  document.title = i18n.t('app.title');
}
