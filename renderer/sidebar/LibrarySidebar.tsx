import type { ComponentProps } from 'react';
import type { CollectionInfo, View } from '../../preload/contract';
import { CollectionsSection } from '../library/CollectionsSection';
import type { useCollectionActions } from '../library/useCollectionActions';
import { SavedSearchesSection } from '../savedSearches/SavedSearchesSection';
import { SubscriptionsPanel } from '../subscriptions/SubscriptionsPanel';
import type { SidebarLayout } from '../layout/SidebarDock';
import { Sidebar } from './Sidebar';

interface LibrarySidebarProps {
  /** Its width, and whether the window is narrow enough to fold it into a button. */
  layout: SidebarLayout;
  /** The view the list shows, and showing another. */
  view: View;
  onSelectView: (view: View) => void;
  collections: readonly CollectionInfo[];
  /** Made, renamed, deleted and dropped onto in the sidebar (useCollectionActions). */
  collectionActions: ReturnType<typeof useCollectionActions>;
  onShareCollection: (collection: CollectionInfo) => void;
  savedSearches: ComponentProps<typeof SavedSearchesSection>;
  /** The sidebar's Import button. */
  imports: { chooseFiles: () => void; importing: boolean };
  onError: (error: unknown) => void;
}

/** The sidebar as the window fills it: the views with their counts, the collections, the saved searches, the subscriptions. */
export function LibrarySidebar({ view, onSelectView, collectionActions, ...props }: LibrarySidebarProps) {
  return (
    <Sidebar
      layout={props.layout}
      view={view}
      onSelectView={onSelectView}
      onImport={props.imports.chooseFiles}
      importing={props.imports.importing}
    >
      <CollectionsSection
        collections={props.collections}
        view={view}
        onSelectView={onSelectView}
        onCreate={collectionActions.create}
        onRename={collectionActions.rename}
        onDelete={collectionActions.remove}
        onDropIds={collectionActions.addDropped}
        onKeepOffline={collectionActions.keepOffline}
        onExport={collectionActions.exportAll}
        onShare={props.onShareCollection}
      />
      <SavedSearchesSection {...props.savedSearches} />
      <SubscriptionsPanel onError={props.onError} />
    </Sidebar>
  );
}
