import { useTranslation } from 'react-i18next';
import type { ThemeSetting } from '../../preload/settings';
import { SettingsSelect } from './SettingsSelect';

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
  const choices = Object.keys(THEMES)
    .filter(isTheme)
    .map((theme) => ({ value: theme, text: t(`settings.theme.${theme}`) }));
  return (
    <SettingsSelect label={t('settings.theme.label')} value={value} choices={choices} onChange={onChange} />
  );
}
