import type { Facets, SearchHint } from '../../preload/contract';
import { FacetPanel } from './FacetPanel';
import { SearchStatusLine } from './SearchStatusLine';
import type { SearchOptionsState } from './useSearchOptions';

interface SearchToolsProps {
  options: SearchOptionsState;
  hints: readonly SearchHint[];
  facets: Facets | undefined;
}

/** Below the search box while searching: hints, index progress, order, and the facets. */
export function SearchTools({ options, hints, facets }: SearchToolsProps) {
  return (
    <div className="search-tools">
      <SearchStatusLine hints={hints} status={options.status} sort={options.sort} onSort={options.setSort} />
      {facets && (
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
