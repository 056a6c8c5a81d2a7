import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface NameFormProps {
  label: string;
  initial: string;
  submitLabel: string;
  placeholder: string;
  /** What is wrong with a name before main is asked (empty, taken), or null. */
  problemOf: (name: string) => string | null;
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * A name being typed (a collection's, a saved search's): checked on Enter, saved, dropped with Esc.
 * A refusal from main (a name taken meanwhile) is shown here and what was typed stays.
 */
export function NameForm({
  label,
  initial,
  submitLabel,
  placeholder,
  problemOf,
  onSave,
  onCancel,
}: NameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemOf(name);
    setProblem(found);
    if (found) return;
    setSaving(true);
    onSave(name.trim()).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
      setSaving(false);
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the window's Esc would otherwise take focus to the list.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="collection-form" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        className="collection-input"
        type="text"
        value={name}
        maxLength={200}
        placeholder={placeholder}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        // The user just asked to type a name.
        autoFocus
        onChange={(event) => {
          setName(event.target.value);
          if (problem) setProblem(null);
        }}
      />
      <div className="collection-form-buttons">
        <button type="submit" className="button button--primary" disabled={saving}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {problem && (
        <p id={problemId} className="collection-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
