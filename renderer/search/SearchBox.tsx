import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, SearchIcon } from '../icons/Icons';
import './search.css';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Focus goes back to the list (Esc, Enter, Down arrow). */
  onLeave: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The id of the list the search filters, for aria-controls. */
  controls: string;
}

/** The search field in the list's header. Searching itself (debounce, calls) is the app's business. */
export function SearchBox({ value, onChange, onLeave, inputRef, controls }: SearchBoxProps) {
  const { t } = useTranslation();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // Esc clears the search and hands the keyboard back to the list;
      // preventDefault tells the window-wide shortcuts it has been dealt with.
      event.preventDefault();
      onChange('');
      onLeave();
    } else if ((event.key === 'Enter' || event.key === 'ArrowDown') && !event.nativeEvent.isComposing) {
      // Keep the results, go and browse them.
      event.preventDefault();
      onLeave();
    }
  };

  return (
    <div className="search" role="search">
      <SearchIcon />
      <input
        ref={inputRef}
        className="search-input"
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={t('search.label')}
        aria-controls={controls}
        aria-keyshortcuts="/"
        placeholder={t('search.placeholder')}
        title={t('search.shortcutHint')}
        spellCheck={false}
        autoComplete="off"
      />
      {value !== '' && (
        <button
          type="button"
          className="icon-button search-clear"
          aria-label={t('search.clear')}
          title={t('search.clear')}
          onClick={() => {
            onChange('');
            inputRef.current?.focus();
          }}
        >
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
