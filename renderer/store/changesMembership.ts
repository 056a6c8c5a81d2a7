import type { FacetSelection, LibraryChange, View } from '../../preload/contract';

/** What a list shows, as far as membership goes. */
export interface ListedRequest {
  view: View;
  text: string;
  facets?: FacetSelection;
}

/** `is:bookmarked`, `in:"a collection"`…: a search that filters by the user's own marks. */
const MARK_FILTER = /(?:^|[\s-])(?:is|in):/i;

/**
 * Whether a change can have added bulletins to the list or taken some out of it, so that it must
 * be asked for again. A mark that leaves a view's membership alone (a bookmark in "All") only
 * patches the rows it names.
 */
export function changesMembership(change: LibraryChange, request: ListedRequest): boolean {
  if (change.membership === 'every') return true;
  if (change.membership.includes(request.view)) return true;
  return MARK_FILTER.test(request.text);
}
