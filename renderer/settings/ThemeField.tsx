import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeSetting } from '../../preload/settings';

interface ThemeFieldProps {
  value: ThemeSetting;
  onChange: (value: ThemeSetting) => void;
}

/** Every theme, in the order offered (a Record, so a theme added to the contract must be added here). */
const THEMES: Record<ThemeSetting, true> = { system: true, light: true, dark: true };
const isTheme = (value: string): value is ThemeSetting => Object.hasOwn(THEMES, value);

/** Settings › Colours: the system's (default), light or dark; applied by main to every window. */
export function ThemeField({ value, onChange }: ThemeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id} className="settings-label">
        {t('settings.theme.label')}
      </label>
      <select
        id={id}
        className="field-input settings-input settings-select"
        value={value}
        onChange={(event) => {
          if (isTheme(event.target.value)) onChange(event.target.value);
        }}
      >
        {Object.keys(THEMES)
          .filter(isTheme)
          .map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.theme.${theme}`)}
            </option>
          ))}
      </select>
    </div>
  );
}
