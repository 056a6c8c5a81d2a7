import { useEffect, useState } from 'react';
import type { KeptView } from '../../preload/contract';

/** Where the reading pane gets what is not in the bulletin itself: its images and kept article. */
export interface ReaderContentSource {
  /** Fetches the bulletin's remote images through main; resolves to what could be loaded. */
  onLoadImages: (id: string) => Promise<Record<string, string>>;
  /** What is kept offline of a bulletin (full article, images), or null. */
  onLoadKept: (id: string) => Promise<KeptView | null>;
  /** Queues the bulletin to be kept offline. */
  onKeepOffline: (id: string) => void;
  /** Changes when the keep-offline queue finishes a job: what is kept may have changed. */
  keptVersion: number;
}

/**
 * The open bulletin's images and kept article: the full article is shown first when kept, with a
 * switch back to the feed's text; remote images stay off until asked for, bulletin by bulletin,
 * because loading one tells its server who reads what.
 */
export function useKeptContent(bulletinId: string | undefined, source: ReaderContentSource) {
  const { onLoadImages, onLoadKept, keptVersion } = source;
  const [remoteImages, setRemoteImages] = useState(0);
  const [loadedImages, setLoadedImages] = useState<{ id: string; images: Record<string, string> } | null>(
    null,
  );
  const [loadingImages, setLoadingImages] = useState(false);
  const loaded = loadedImages && loadedImages.id === bulletinId ? loadedImages.images : undefined;
  const [kept, setKept] = useState<{ id: string; view: KeptView | null } | null>(null);
  /** The bulletin whose feed text the user switched back to. */
  const [feedText, setFeedText] = useState<string | null>(null);
  useEffect(() => {
    if (!bulletinId) return;
    let live = true;
    void onLoadKept(bulletinId).then((view) => {
      if (live) setKept({ id: bulletinId, view });
    });
    return () => {
      live = false;
    };
  }, [bulletinId, keptVersion, onLoadKept]);
  const keptView = kept && kept.id === bulletinId ? kept.view : null;
  const images = keptView || loaded ? { ...keptView?.images, ...loaded } : undefined;

  return {
    keptView,
    showArticle: keptView?.html !== undefined && feedText !== bulletinId,
    showFeedText: (show: boolean) => setFeedText(show ? (bulletinId ?? null) : null),
    /** The images to show in place of the web's, or undefined while none are loaded or kept. */
    images,
    /** How many web images the body names (counted as it renders). */
    remoteImages,
    setRemoteImages,
    loadingImages,
    missingImages: loaded ? remoteImages - Object.keys(loaded).length : 0,
    loadImages: (id: string) => {
      setLoadingImages(true);
      void onLoadImages(id)
        .then((found) => setLoadedImages({ id, images: found }))
        .finally(() => setLoadingImages(false));
    },
  };
}

export type KeptContent = ReturnType<typeof useKeptContent>;
