import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { BulletinDetail } from '../../preload/contract';
import { bridge } from './bridge';

interface Loaded {
  id: string;
  /** null: main no longer has it. */
  detail: BulletinDetail | null;
}

/**
 * The bulletin in the reading pane. While the next one loads, the previous one
 * stays on screen (marked busy) rather than flashing an empty pane on every j/k.
 */
export function useOpenBulletin(onError: (error: unknown) => void) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const reportError = useEffectEvent(onError);

  useEffect(() => {
    if (openId === null) return;
    let current = true;
    bridge()
      .get(openId)
      .then(
        (detail) => current && setLoaded({ id: openId, detail }),
        (error: unknown) => current && reportError(error),
      );
    return () => {
      current = false;
    };
  }, [openId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  /** Updates the shown bulletin's marks in place, without asking main again. */
  const patch = useCallback((id: string, marks: Partial<Omit<BulletinDetail, 'bulletin'>>) => {
    setLoaded((previous) =>
      previous?.id === id && previous.detail ? { id, detail: { ...previous.detail, ...marks } } : previous,
    );
  }, []);

  return {
    openId,
    open: setOpenId,
    /** What the pane shows: the open bulletin, or the previous one while the open one loads. */
    shown: loaded,
    busy: openId !== null && loaded?.id !== openId,
    reload,
    patch,
  };
}
