import { useEffect, useState } from 'react';
import type { KeepQueueStatus } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

/** The keep-offline queue as main last told it (null until the first answer). */
export function useKeepQueue(): KeepQueueStatus | null {
  const [status, setStatus] = useState<KeepQueueStatus | null>(null);
  useEffect(() => {
    let live = true;
    const stop = bridge().subscribe('offline:status', setStatus);
    void bridge()
      .keepQueue()
      .then(
        (first) => {
          if (live) setStatus((current) => current ?? first);
        },
        () => undefined,
      );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}
