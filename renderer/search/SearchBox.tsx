import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, SearchIcon } from '../icons/Icons';
import { SearchHelp } from './SearchHelp';
import './search.css';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Focus goes back to the list (Esc, Enter, Down arrow). */
  onLeave: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The id of the list the search filters, for aria-controls. */
  controls: string;
  /** Completions of what is typed. */
  suggestions: readonly string[];
  /** Offered while the box is empty. */
  recent: readonly string[];
  /** The user settled on a search (Enter, or chose one): remember it. */
  onSubmit: (value: string) => void;
}

/**
 * The search field in the list's header: a combobox (WAI-ARIA pattern) whose
 * popup offers completions as you type and the last searches when empty, and
 * a help button for the syntax. Searching itself is the app's business.
 */
export function SearchBox(props: SearchBoxProps) {
  const { value, onChange, onLeave, inputRef, controls, onSubmit } = props;
  const { t } = useTranslation();
  const popupId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const showingRecent = value.trim() === '';
  const options = showingRecent ? props.recent : props.suggestions;
  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${popupId}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (text: string) => {
    onChange(text);
    onSubmit(text);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (expanded && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past either end the focus returns to what was typed (active -1).
      setActive((current) => ((current + step + 1 + options.length + 1) % (options.length + 1)) - 1);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) {
        close();
        return;
      }
      // Esc clears the search and hands the keyboard back to the list;
      // preventDefault tells the window-wide shortcuts it has been dealt with.
      onChange('');
      onLeave();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = expanded ? options[active] : undefined;
      if (chosen !== undefined) {
        choose(chosen);
        return;
      }
      onSubmit(value);
      close();
      onLeave();
    } else if (event.key === 'ArrowDown') {
      // Keep the results, go and browse them.
      event.preventDefault();
      onLeave();
    }
  };

  return (
    <div className="search-row">
      <div className="search" role="search">
        <SearchIcon />
        <input
          ref={inputRef}
          className="search-input"
          type="search"
          // Words in any script, operators left to right: the first letter typed sets the direction.
          dir="auto"
          role="combobox"
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={close}
          aria-label={t('search.label')}
          aria-expanded={expanded}
          aria-controls={expanded ? popupId : controls}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
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
        {expanded && (
          <ul
            id={popupId}
            className="search-popup"
            role="listbox"
            aria-label={t(showingRecent ? 'search.recent' : 'search.suggestions')}
          >
            {options.map((option, index) => (
              <li
                key={option}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'search-option search-option--active' : 'search-option'}
                // Before the input's blur closes the popup.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option}
              </li>
            ))}
          </ul>
        )}
      </div>
      <SearchHelp />
    </div>
  );
}
