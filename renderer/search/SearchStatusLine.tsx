import { useTranslation } from 'react-i18next';
import type { IndexStatus, SearchHint, SearchSort } from '../../preload/contract';

interface SearchStatusLineProps {
  hints: readonly SearchHint[];
  status: IndexStatus;
  /** The order of the results; no order control when undefined (not searching). */
  sort: SearchSort | undefined;
  onSort: (sort: SearchSort) => void;
}

/**
 * Under the box while searching: what the query syntax did not understand,
 * whether the index is still being built, and the order of the results.
 */
export function SearchStatusLine({ hints, status, sort, onSort }: SearchStatusLineProps) {
  const { t } = useTranslation();
  const notes = hints.filter((hint) => hint.code !== 'indexing');
  // The hint covers a status event this window missed (say, sent before it loaded).
  const building = status.state === 'building' || hints.some((hint) => hint.code === 'indexing');
  return (
    <div className="search-status">
      <div className="search-hints" role="status">
        {building && (
          <span className="search-indexing">
            {t('search.indexing', { percent: Math.round(status.progress * 100) })}
            <progress value={status.progress} max={1} aria-label={t('search.indexingProgress')} />
          </span>
        )}
        {notes.map((hint) => (
          <span key={`${hint.code}:${hint.value}`} className="search-hint">
            {t(`search.hint.${hint.code}`, { value: hint.value })}
          </span>
        ))}
      </div>
      {sort !== undefined && (
        <label className="search-sort">
          {t('search.sort.label')}
          <select
            value={sort}
            onChange={(event) => onSort(event.target.value === 'date' ? 'date' : 'relevance')}
          >
            <option value="relevance">{t('search.sort.relevance')}</option>
            <option value="date">{t('search.sort.date')}</option>
          </select>
        </label>
      )}
    </div>
  );
}
