import type { ComponentProps } from 'react';
import type { Counts } from '../../preload/contract';
import { LibrarySidebar } from '../sidebar/LibrarySidebar';
import { useCounts } from '../store/useLibraryStore';

const whole = (counts: Counts | null) => counts;

/**
 * The sidebar, reading the counts itself: every mark changes a number there, and only the sidebar
 * shows them, so a mark's new counts render the sidebar and not the window around it.
 */
export function SidebarWithCounts(props: Omit<ComponentProps<typeof LibrarySidebar>, 'counts'>) {
  return <LibrarySidebar {...props} counts={useCounts(whole)} />;
}
