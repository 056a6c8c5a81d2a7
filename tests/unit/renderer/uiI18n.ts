import i18next, { type i18n as I18n } from 'i18next';
import en from '../../../resources/locales/en/ui.json';

/** The renderer's English strings on an i18next instance of their own, as the UI loads them. */
export async function uiI18n(): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { ui: en } },
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}
