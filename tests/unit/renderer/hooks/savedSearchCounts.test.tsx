// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SavedSearchInfo } from '../../../../preload/contract';
import { useSavedSearches } from '../../../../renderer/savedSearches/useSavedSearches';
import { uiI18n } from '../uiI18n';
import { imported, readMark, savedSearch } from '../savedSearches/savedSearchFixtures';
import { installFakeBridge } from './fakeBridge';

let i18n: I18n;
beforeAll(async () => {
  i18n = await uiI18n();
});
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

const floods = savedSearch();
/** Longer than the hook's settling delay (400 ms). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 600));

function renderSavedSearches(saved: SavedSearchInfo[]) {
  const bridge = installFakeBridge({ savedSearches: () => Promise.resolve(saved) });
  // Stable, as the window's are: a new onError per render would subscribe (and ask) again.
  const options = {
    show: () => undefined,
    announce: () => undefined,
    offerUndo: () => undefined,
    onError: (error: unknown) => {
      throw error;
    },
  };
  const rendered = renderHook(() => useSavedSearches(options), { wrapper });
  return { ...rendered, bridge };
}

describe('saved searches follow the changes that can move their counts', () => {
  it('a read mark that no saved search follows asks main nothing more', async () => {
    const { result, bridge } = renderSavedSearches([floods]);
    await waitFor(() => expect(result.current.saved).toEqual([floods]));
    bridge.emit('library:changed', readMark);
    await settled();
    expect(bridge.callsOf('savedSearches')).toHaveLength(1);
  });

  it('an import asks once for the new counts, however many changes came in a burst', async () => {
    const { result, bridge } = renderSavedSearches([floods]);
    await waitFor(() => expect(result.current.saved).toEqual([floods]));
    bridge.emit('library:changed', imported);
    bridge.emit('library:changed', imported);
    await settled();
    expect(bridge.callsOf('savedSearches')).toHaveLength(2);
  });

  it('a read mark asks again when a saved search lists the unread', async () => {
    const unread = savedSearch({ view: 'unread' });
    const { result, bridge } = renderSavedSearches([unread]);
    await waitFor(() => expect(result.current.saved).toEqual([unread]));
    bridge.emit('library:changed', readMark);
    await settled();
    expect(bridge.callsOf('savedSearches')).toHaveLength(2);
  });
});
