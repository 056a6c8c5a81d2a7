import { useCallback } from 'react';
import { bridge } from '../bridge/bridge';

/** What the reading pane asks of main for a bulletin's links and images. */
export function useReaderLinks(onError: (error: unknown) => void) {
  // Main checks the scheme and asks the user first (main/windows/externalLinks.ts).
  const openLink = (url: string) => void bridge().openExternal(url).catch(onError); // eng-disable OPEN_EXTERNAL_JS_CHECK
  const loadImages = useCallback(
    (id: string) =>
      bridge()
        .loadImages(id)
        .catch((error: unknown) => (onError(error), {})),
    [onError],
  );
  return { openLink, loadImages };
}
