import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../resources/locales/en/ui.json';
import { pickLanguage } from './pickLanguage';

/**
 * The UI's translations, bundled at build time (the app works offline and the
 * CSP allows no fetch). Add a language by adding its `ui.json` here.
 */
export const resources = {
  en: { ui: en },
} as const;

export const i18n = i18next.createInstance();

/** Initialises i18next synchronously, so the first render already has its words. */
export function initI18n(preferred: readonly string[] = navigator.languages): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: pickLanguage(preferred.length ? preferred : [navigator.language], Object.keys(resources)),
    fallbackLng: 'en',
    ns: ['ui'],
    defaultNS: 'ui',
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyDocumentLanguage();
  i18n.on('languageChanged', applyDocumentLanguage);
  return i18n;
}

/** `lang` and `dir` on <html>: screen readers pick a voice by it, and `dir` flips the layout for Arabic. */
function applyDocumentLanguage(): void {
  const root = document.documentElement;
  root.lang = i18n.language;
  root.dir = i18n.dir(i18n.language);
  document.title = i18n.t('app.title');
}
