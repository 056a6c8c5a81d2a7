// nativeTheme: the OS preference is LaunchOptions.colorScheme; themeSource overrides it and, as in
// Electron, changes what `prefers-color-scheme` says in every window.
import { EventEmitter } from 'node:events';
import { config, debugLog } from './config.mjs';
import { contentsByPage } from './registry.mjs';

/** @typedef {'system' | 'light' | 'dark'} ThemeSource */

class NativeTheme extends EventEmitter {
  /** @type {ThemeSource} */
  #source = 'system';

  get themeSource() {
    return this.#source;
  }

  set themeSource(source) {
    if (source === this.#source) return;
    this.#source = source;
    for (const page of contentsByPage.keys()) void applyColorScheme(page);
    this.emit('updated');
  }

  get shouldUseDarkColors() {
    return this.#source === 'system' ? config.colorScheme === 'dark' : this.#source === 'dark';
  }

  get shouldUseHighContrastColors() {
    return false;
  }

  get shouldUseInvertedColorScheme() {
    return false;
  }

  get inForcedColorsMode() {
    return false;
  }

  get prefersReducedTransparency() {
    return false;
  }
}

export const nativeTheme = new NativeTheme();

/**
 * 'system' is Chromium's own setting (started with --force-dark-mode when the OS is dark); an explicit
 * themeSource is an emulation override. Another CDP client attaching resets overrides, so the
 * launcher asks for this again after it attached (control.mjs), and a navigation says it again
 * (web-contents.mjs).
 * @param {import('playwright-core').Page} page
 */
export async function applyColorScheme(page) {
  const source = nativeTheme.themeSource;
  try {
    await page.emulateMedia({ colorScheme: source === 'system' ? null : source });
  } catch (error) {
    debugLog('could not set the colour scheme:', error);
  }
}
