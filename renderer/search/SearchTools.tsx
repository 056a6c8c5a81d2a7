import type { Facets, SearchHint } from '../../preload/contract';
import { FacetPanel } from './FacetPanel';
import { SearchStatusLine } from './SearchStatusLine';
import type { SearchOptionsState } from './useSearchOptions';

interface SearchToolsProps {
  /** False while only the index's progress is worth showing. */
  searching: boolean;
  options: SearchOptionsState;
  hints: readonly SearchHint[];
  facets: Facets | undefined;
}

/** Below the search box: index progress while it builds; hints, order and facets while searching. */
export function SearchTools({ searching, options, hints, facets }: SearchToolsProps) {
  return (
    <div className="search-tools">
      <SearchStatusLine
        hints={searching ? hints : []}
        status={options.status}
        sort={searching ? options.sort : undefined}
        onSort={options.setSort}
      />
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
