import { useId } from 'react';

/** One choice: its value, its visible text, and `lang` when the text is in a language of its own. */
export interface SettingsChoice<T extends string> {
  value: T;
  text: string;
  lang?: string;
}

interface SettingsSelectProps<T extends string> {
  label: string;
  value: T;
  choices: readonly SettingsChoice<T>[];
  onChange: (value: T) => void;
  /** A line under the field, read with it (aria-describedby). */
  hint?: string;
  autoFocus?: boolean;
}

/** A setting picked from a few choices: the labelled select every such field of Settings uses. */
export function SettingsSelect<T extends string>({
  label,
  value,
  choices,
  onChange,
  hint,
  autoFocus,
}: SettingsSelectProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="settings-field">
      <label htmlFor={id} className="settings-label">
        {label}
      </label>
      <select
        id={id}
        className="field-input settings-input settings-select"
        value={value}
        onChange={(event) => {
          // Only a value offered is taken: the type holds without a cast.
          const chosen = choices.find((choice) => choice.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-describedby={hint === undefined ? undefined : hintId}
        autoFocus={autoFocus}
      >
        {choices.map((choice) => (
          // A name in its own language is read by a screen reader with that language's voice.
          <option key={choice.value} value={choice.value} lang={choice.lang} dir={choice.lang && 'auto'}>
            {choice.text}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={hintId} className="settings-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
