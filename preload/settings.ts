import type { LanguageSetting } from '../resources/locales/languages';

/** The user's settings (File › Settings…), kept in state.json. Plain JSON, like the rest of the contract. */
export interface Settings {
  /** Files larger than this are refused whole, before they are read. */
  importCapMegabytes: number;
  /** How often subscriptions refresh while the computer is online. */
  refreshMinutes: number;
  /**
   * Hosts on this computer or the local network that main may fetch from (an intranet feed
   * server), as main/net/hostName.ts writes them; every other local address is refused. Empty by
   * default.
   */
  allowedLocalHosts: string[];
  /** The interface's language, or "system" (follow the operating system's). */
  language: LanguageSetting;
  /** The name colleagues see on what the user shares; absent: the computer's user name. */
  senderName?: string;
  /** Light or dark colours, or "system" (follow the operating system's). */
  theme: ThemeSetting;
}

/** The colour themes a user can choose in Settings (Electron's nativeTheme.themeSource values). */
export type ThemeSetting = 'system' | 'light' | 'dark';

/** The settings that are whole numbers within a range. */
export type NumericSetting = 'importCapMegabytes' | 'refreshMinutes';

/**
 * The range each setting accepts (for a list, how many entries), from main, so the dialog and
 * main's validation agree.
 */
export type SettingsLimits = {
  readonly [K in NumericSetting | 'allowedLocalHosts']: { readonly min: number; readonly max: number };
};
