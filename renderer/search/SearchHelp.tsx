import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseLanguage, UI_LANGUAGES, type UiLanguage } from '../../resources/locales/languages';
import {
  SEARCH_OPERATORS,
  type FlagValue,
  type LanguageOperators,
  type OperatorKey,
} from '../../resources/locales/searchOperators';
import { useCloseOnOutsidePointer } from '../overlays/useCloseOnOutsidePointer';

type Example = (operators: LanguageOperators) => string;
const key =
  (name: OperatorKey, value: string): Example =>
  (operators) =>
    `${operators.keys[name][0]}:${value}`;
const flag =
  (value: FlagValue): Example =>
  (operators) =>
    `${operators.keys.is[0]}:${operators.flags[value][0]}`;

/**
 * The syntax, one example per line: [example, name of its explanation in search.help]. Operators
 * are shown in the UI's language (`país:`, `pays:`); the English ones work too, and the help says so.
 */
const SYNTAX: ReadonlyArray<[example: Example, name: string]> = [
  [() => '"reception station"', 'phrase'],
  [() => '-costa', 'exclude'],
  [() => 'panama OR honduras', 'or'],
  [key('source', '"IOM Panama"'), 'source'],
  [key('country', 'mexico'), 'country'],
  [key('lang', 'es'), 'lang'],
  [flag('bookmarked'), 'bookmarked'],
  [flag('unread'), 'unread'],
  [flag('noted'), 'noted'],
  [key('before', '2020-10-01'), 'before'],
  [key('after', '2019'), 'after'],
  [key('in', '"…"'), 'in'],
];

function operatorsFor(language: string): LanguageOperators {
  const base = baseLanguage(language);
  const known = UI_LANGUAGES.find((code): code is UiLanguage => code === base);
  return SEARCH_OPERATORS[known ?? 'en'];
}

/**
 * The "?" button beside the search box and the popover it opens, explaining
 * the query syntax. Esc or the button closes it, focus returns to the button.
 */
export function SearchHelp() {
  const { t, i18n } = useTranslation();
  const operators = operatorsFor(i18n.language);
  const localised = operators !== SEARCH_OPERATORS.en;
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) popover.current?.focus();
  }, [open]);
  useCloseOnOutsidePointer([popover, button], open, () => setOpen(false));

  return (
    <div className="search-help">
      <button
        ref={button}
        type="button"
        className="icon-button search-help-button"
        aria-label={t('search.help.open')}
        title={t('search.help.open')}
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((value) => !value)}
      >
        ?
      </button>
      {open && (
        <div
          ref={popover}
          id={popoverId}
          className="search-help-popover"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <h3 id={titleId} className="search-help-title">
            {t('search.help.title')}
          </h3>
          <p>{t('search.help.intro')}</p>
          <dl className="search-help-list">
            {SYNTAX.map(([example, name]) => (
              <div key={name}>
                <dt>
                  {/* Search syntax reads left to right in every UI language. */}
                  <code dir="ltr">{example(operators)}</code>
                </dt>
                <dd>{t(`search.help.${name}`)}</dd>
              </div>
            ))}
          </dl>
          {localised && (
            <p className="search-help-english">
              {t('search.help.englishToo')}{' '}
              <code dir="ltr">
                {Object.values(SEARCH_OPERATORS.en.keys)
                  .map((words) => `${words[0]}:`)
                  .join(' ')}
              </code>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
