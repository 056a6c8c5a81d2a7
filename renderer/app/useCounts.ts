import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { Counts } from '../../preload/contract';
import { bridge } from './bridge';

/** The sidebar's numbers. Main also pushes fresh ones with 'library:changed' (see `setCounts`). */
export function useCounts(onError: (error: unknown) => void) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [generation, setGeneration] = useState(0);
  const reportError = useEffectEvent(onError);

  useEffect(() => {
    let current = true;
    bridge()
      .counts()
      .then(
        (value) => current && setCounts(value),
        (error: unknown) => current && reportError(error),
      );
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { counts, setCounts, reload };
}
