import type { LanguageSetting } from '../resources/locales/languages';

/** The user's settings (File › Settings…), kept in state.json. Plain JSON, like the rest of the contract. */
export interface Settings {
  /** Files larger than this are refused whole, before they are read. */
  importCapMegabytes: number;
  /** How often subscriptions refresh while the computer is online. */
  refreshMinutes: number;
  /** The interface's language, or "system" (follow the operating system's). */
  language: LanguageSetting;
}

/** The settings that are whole numbers within limits. */
export type NumericSetting = 'importCapMegabytes' | 'refreshMinutes';

/** The range each setting accepts, from main, so the dialog and main's validation agree. */
export type SettingsLimits = {
  readonly [K in NumericSetting]: { readonly min: number; readonly max: number };
};
