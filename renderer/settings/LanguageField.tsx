import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_SETTINGS,
  PSEUDO_LOCALE,
  endonym,
  pickLanguage,
  type LanguageSetting,
} from '../../resources/locales/languages';
import { SettingsSelect } from './SettingsSelect';

interface LanguageFieldProps {
  value: LanguageSetting;
  onChange: (value: LanguageSetting) => void;
  autoFocus?: boolean;
}

/**
 * Settings › Language: "the system's" first, then each language by its own name ("Español",
 * "العربية"), so a user who cannot read the current language still finds theirs. The
 * pseudo-locale is offered in development builds only (or once chosen by BULLETIN_UI_LANGUAGE).
 */
export function LanguageField({ value, onChange, autoFocus }: LanguageFieldProps) {
  const { t } = useTranslation();
  const system = endonym(pickLanguage(navigator.languages));
  const choices = LANGUAGE_SETTINGS.filter(
    (choice) => choice !== PSEUDO_LOCALE || import.meta.env.DEV || value === PSEUDO_LOCALE,
  ).map((choice) =>
    choice === 'system'
      ? { value: choice, text: t('settings.language.system', { language: system }) }
      : { value: choice, text: endonym(choice), lang: choice },
  );
  return (
    <SettingsSelect
      label={t('settings.language.label')}
      value={value}
      choices={choices}
      onChange={onChange}
      hint={t('settings.language.hint')}
      autoFocus={autoFocus}
    />
  );
}
