import { useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { applyKeepChange, keepQueueModel, type KeepQueueModel } from './keepQueueModel';

/** The keep-offline queue as main last told it (null until the first answer), and its version. */
export function useKeepQueue(): { model: KeepQueueModel; version: number } | null {
  const [shown, setShown] = useState<{ model: KeepQueueModel; version: number } | null>(null);
  useEffect(() => {
    let live = true;
    let model: KeepQueueModel | null = null;
    let version = 0;
    // Main answers in order: a change that arrives before the whole queue is already in it.
    const stop = bridge().subscribe('offline:changed', (change) => {
      if (!model) return;
      applyKeepChange(model, change);
      version += 1;
      setShown({ model, version });
    });
    void bridge()
      .keepQueue()
      .then(
        (status) => {
          if (!live) return;
          model = keepQueueModel(status);
          setShown({ model, version });
        },
        () => undefined,
      );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return shown;
}
