/**
 * Every translation, bundled at build time (the app works offline and the window's CSP allows
 * no fetch). Each process takes its namespace: main's `main.json`, the window's `ui.json`.
 * The pseudo-locale is generated from English when first asked for.
 */
import arMain from './ar/main.json';
import arUi from './ar/ui.json';
import enMain from './en/main.json';
import enUi from './en/ui.json';
import esMain from './es/main.json';
import esUi from './es/ui.json';
import frMain from './fr/main.json';
import frUi from './fr/ui.json';
import type { UiLanguage } from './languages';

export type Namespace = 'main' | 'ui';
export type Bundle = { readonly [key: string]: string | Bundle };

export const BUNDLES: Record<Namespace, Record<UiLanguage, Bundle>> = {
  main: { en: enMain, es: esMain, fr: frMain, ar: arMain },
  ui: { en: enUi, es: esUi, fr: frUi, ar: arUi },
};
