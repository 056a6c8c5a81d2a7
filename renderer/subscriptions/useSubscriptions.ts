import { useCallback, useEffect, useState } from 'react';
import type { SubscriptionList } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

/** The subscriptions and the online state, kept current from main's events. */
export function useSubscriptions(onError: (error: unknown) => void) {
  const [list, setList] = useState<SubscriptionList | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const api = bridge();
    api.subscriptions().then(setList, onError);
    return api.subscribe('subscriptions:changed', setList);
  }, [onError]);

  /** Runs a call that answers with the fresh list; one at a time. */
  const run = useCallback(
    (call: () => Promise<SubscriptionList>) => {
      setBusy(true);
      return call()
        .then((fresh) => {
          setList(fresh);
          return true;
        })
        .catch((error: unknown) => {
          onError(error);
          return false;
        })
        .finally(() => setBusy(false));
    },
    [onError],
  );
  return { list, busy, run };
}
