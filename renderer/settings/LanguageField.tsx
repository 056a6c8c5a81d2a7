import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_SETTINGS,
  PSEUDO_LOCALE,
  endonym,
  pickLanguage,
  type LanguageSetting,
} from '../../resources/locales/languages';

interface LanguageFieldProps {
  value: LanguageSetting;
  onChange: (value: LanguageSetting) => void;
  autoFocus?: boolean;
}

const isSetting = (value: string): value is LanguageSetting =>
  (LANGUAGE_SETTINGS as readonly string[]).includes(value);

/**
 * Settings › Language: "the system's" first, then each language by its own name ("Español",
 * "العربية"), so a user who cannot read the current language still finds theirs. The
 * pseudo-locale is offered in development builds only (or once chosen by BULLETIN_UI_LANGUAGE).
 */
export function LanguageField({ value, onChange, autoFocus }: LanguageFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const system = endonym(pickLanguage(navigator.languages));
  const choices = LANGUAGE_SETTINGS.filter(
    (choice) => choice !== PSEUDO_LOCALE || import.meta.env.DEV || value === PSEUDO_LOCALE,
  );
  return (
    <div className="settings-field">
      <label htmlFor={id} className="settings-label">
        {t('settings.language.label')}
      </label>
      <select
        id={id}
        className="field-input settings-input settings-select"
        value={value}
        onChange={(event) => {
          if (isSetting(event.target.value)) onChange(event.target.value);
        }}
        aria-describedby={`${id}-hint`}
        autoFocus={autoFocus}
      >
        {choices.map((choice) =>
          choice === 'system' ? (
            <option key={choice} value={choice}>
              {t('settings.language.system', { language: system })}
            </option>
          ) : (
            // Each name in its own language, so a screen reader reads it with the right voice.
            <option key={choice} value={choice} lang={choice} dir="auto">
              {endonym(choice)}
            </option>
          ),
        )}
      </select>
      <p id={`${id}-hint`} className="settings-hint">
        {t('settings.language.hint')}
      </p>
    </div>
  );
}
