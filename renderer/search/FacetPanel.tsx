import { SpokenLabel } from '../a11y/SpokenLabel';
import { useTranslation } from 'react-i18next';
import type { FacetName, FacetSelection, Facets } from '../../preload/contract';
import { countryName, languageName } from '../../resources/locales/displayNames';

const NAMES: readonly FacetName[] = ['source', 'country', 'year', 'language'];
/** Values shown per facet: enough to narrow, few enough to scan on a small screen. */
const SHOWN = 6;

interface FacetPanelProps {
  facets: Facets;
  selection: FacetSelection;
  onToggle: (name: FacetName, value: string) => void;
  onClear: () => void;
}

/**
 * The result counts by source, country, year and language. Each value is a
 * toggle button (aria-pressed); chosen values stay shown even when the others
 * outnumber them, and one button clears them all.
 */
export function FacetPanel({ facets, selection, onToggle, onClear }: FacetPanelProps) {
  const { t, i18n } = useTranslation();
  // Values are stored as English country names and language codes; shown in the UI's language.
  const shown = (name: FacetName, value: string): string => {
    if (name === 'country') return countryName(value, i18n.language);
    if (name === 'language') {
      return value === 'und' ? t('search.facets.undetermined') : languageName(value, i18n.language);
    }
    return value;
  };
  const anyChosen = NAMES.some((name) => (selection[name] ?? []).length > 0);
  return (
    <section className="facets" aria-label={t('search.facets.label')}>
      {NAMES.map((name) => {
        const chosen = selection[name] ?? [];
        const values = facets[name].filter((value, index) => index < SHOWN || chosen.includes(value.value));
        if (values.length === 0) return null;
        return (
          <div key={name} role="group" className="facet" aria-label={t(`search.facets.${name}`)}>
            <span className="facet-name" aria-hidden="true">
              {t(`search.facets.${name}`)}
            </span>
            {values.map(({ value, count }) => (
              <button
                key={value}
                type="button"
                className="facet-value"
                aria-pressed={chosen.includes(value)}
                onClick={() => onToggle(name, value)}
              >
                <SpokenLabel spoken={t('search.facets.value', { value: shown(name, value), count })}>
                  {/* Isolated: an Arabic source name beside a count in an English UI (and the reverse). */}
                  <bdi>{shown(name, value)}</bdi>{' '}
                  <span className="facet-count">{count.toLocaleString(i18n.language)}</span>
                </SpokenLabel>
              </button>
            ))}
          </div>
        );
      })}
      {anyChosen && (
        <button type="button" className="facet-clear" onClick={onClear}>
          {t('search.facets.clear')}
        </button>
      )}
    </section>
  );
}
