import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The syntax, one example per line: [example, name of its explanation in search.help]. */
const SYNTAX: ReadonlyArray<[example: string, name: string]> = [
  ['"reception station"', 'phrase'],
  ['-costa', 'exclude'],
  ['panama OR honduras', 'or'],
  ['source:"IOM Panama"', 'source'],
  ['country:mexico', 'country'],
  ['lang:es', 'lang'],
  ['is:bookmarked', 'bookmarked'],
  ['is:unread', 'unread'],
  ['is:noted', 'noted'],
  ['before:2020-10-01', 'before'],
  ['after:2019', 'after'],
  ['in:"collection name"', 'in'],
];

/**
 * The "?" button beside the search box and the popover it opens, explaining
 * the query syntax. Esc or the button closes it, focus returns to the button.
 */
export function SearchHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    popover.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

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
              <div key={example}>
                <dt>
                  <code>{example}</code>
                </dt>
                <dd>{t(`search.help.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
