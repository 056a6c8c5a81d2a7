import type { LibraryChange, SavedSearchInfo } from '../../preload/contract';
import { changesMembership } from '../store/changesMembership';

/**
 * Whether a change can move a saved search's counts, so that they must be asked for again. Each
 * count is a search of the archive in main: asking after every read mark was the second bridge
 * call of each mark (issue 17's bench). A change that names no bulletins (an import, a delete, a
 * collection or saved search made, renamed or removed) always can; a mark can only when a saved
 * search's view or `is:`/`in:` filter follows it, or, for a note, when it searches words (notes
 * are searched too).
 */
export function countsCanChange(change: LibraryChange, saved: readonly SavedSearchInfo[]): boolean {
  if (change.ids.length === 0) return true;
  const noteChanged = change.marks.noted !== undefined;
  return saved.some(
    ({ query }) => changesMembership(change, query) || (noteChanged && query.text.trim() !== ''),
  );
}
