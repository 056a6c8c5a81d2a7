import { Trans } from 'react-i18next';
import type { SearchCorrection } from '../../preload/contract';

interface CorrectionLineProps {
  correction: SearchCorrection;
  /** Search this text; `literal`: as typed, with no correction. */
  onSearch: (text: string, literal: boolean) => void;
}

/**
 * "Showing results for *tapachula* — search for *Tapachla* instead": the query searched in place
 * of the one typed, and the way back to it. Both are buttons (keyboard, screen readers); the
 * announcer says the line when the results arrive.
 */
export function CorrectionLine({ correction, onSearch }: CorrectionLineProps) {
  return (
    <p className="search-correction">
      <Trans
        i18nKey="search.correction.line"
        values={{ searched: correction.searched, typed: correction.typed }}
        components={{
          searched: (
            <button
              type="button"
              className="search-correction-word"
              onClick={() => onSearch(correction.searched, false)}
            />
          ),
          typed: (
            <button
              type="button"
              className="search-correction-word"
              onClick={() => onSearch(correction.typed, true)}
            />
          ),
        }}
      />
    </p>
  );
}
