import { useTranslation } from 'react-i18next';
import type { Facets, SearchCorrection, SearchHint } from '../../preload/contract';
import { CorrectionLine } from './CorrectionLine';
import { FacetPanel } from './FacetPanel';
import { SearchStatusLine } from './SearchStatusLine';
import type { SearchOptionsState } from './useSearchOptions';

interface SearchToolsProps {
  /** False while only the index's progress is worth showing. */
  searching: boolean;
  options: SearchOptionsState;
  hints: readonly SearchHint[];
  facets: Facets | undefined;
  /** The query searched in place of the one typed, if any. */
  correction: SearchCorrection | undefined;
  /** Search this text (`literal`: as typed, not corrected). */
  onSearch: (text: string, literal: boolean) => void;
  /** Save search…: keeps the query, facets and order under a name (see renderer/savedSearches). */
  onSave?: () => void;
}

/**
 * Below the search box: index progress while it builds; while searching, the corrected query,
 * hints, order and facets.
 */
export function SearchTools({
  searching,
  options,
  hints,
  facets,
  correction,
  onSearch,
  onSave,
}: SearchToolsProps) {
  const { t } = useTranslation();
  return (
    <div className="search-tools">
      {searching && correction && <CorrectionLine correction={correction} onSearch={onSearch} />}
      <SearchStatusLine
        hints={searching ? hints : []}
        status={options.status}
        sort={searching ? options.sort : undefined}
        onSort={options.setSort}
      />
      {searching && onSave && (
        <button type="button" className="button search-save" onClick={onSave}>
          {t('savedSearches.saveButton')}
        </button>
      )}
      {searching && facets && (
        <FacetPanel
          facets={facets}
          selection={options.facets}
          onToggle={options.toggleFacet}
          onClear={options.clearFacets}
        />
      )}
    </div>
  );
}
