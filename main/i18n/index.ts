import i18next, { type TFunction } from 'i18next';
import en from '../../resources/locales/en/main.json';

/**
 * Translations for what main shows itself: menus, dialogs and the messages of
 * errors that reach the renderer. The renderer has its own namespace ('ui').
 */
const i18n = i18next.createInstance();

export async function initI18n(locale: string): Promise<void> {
  await i18n.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en'],
    nonExplicitSupportedLngs: true,
    defaultNS: 'main',
    resources: { en: { main: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

export const t: TFunction = ((...args: Parameters<TFunction>) => i18n.t(...args)) as TFunction;
