// @vitest-environment happy-dom
import { act, render, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { BulletinDetail, Counts } from '../../../../preload/contract';
import { BridgeError, bridge, failureCode } from '../../../../renderer/bridge/bridge';
import { createLibraryStore } from '../../../../renderer/store/libraryStore';
import { useLibraryChanges } from '../../../../renderer/store/useLibraryChanges';
import { LibraryStoreContext, useBulletinState, useCounts } from '../../../../renderer/store/useLibraryStore';
import { COUNTS, installFakeBridge, rowOf } from './fakeBridge';

const counts = (bookmarks: number): Counts => ({ ...COUNTS, all: 10, unread: 10, bookmarks });

describe('the store of marks', () => {
  it('a mark set once shows in every place that reads it, and re-renders only those', () => {
    const store = createLibraryStore();
    store.seed([rowOf(1), rowOf(2)]);
    const renders: Record<string, number> = { b1: 0, b2: 0 };
    function Row({ id }: { id: string }) {
      renders[id] = (renders[id] ?? 0) + 1;
      const held = useBulletinState(id);
      return <span data-testid={id}>{held?.bookmarked ? 'bookmarked' : 'not'}</span>;
    }
    const { getAllByTestId } = render(
      <LibraryStoreContext.Provider value={store}>
        <Row id="b1" />
        <Row id="b2" />
        {/* The reading pane shows b1 too. */}
        <Row id="b1" />
      </LibraryStoreContext.Provider>,
    );
    act(() => store.patch(['b1'], { bookmarked: true }));
    expect(getAllByTestId('b1').map((element) => element.textContent)).toEqual(['bookmarked', 'bookmarked']);
    expect(getAllByTestId('b2')[0]?.textContent).toBe('not');
    expect(renders).toEqual({ b1: 4, b2: 1 });
  });

  it('an unchanged page of rows leaves every row as it was (no re-render)', () => {
    const store = createLibraryStore();
    store.seed([rowOf(1)]);
    const before = store.bulletin('b1');
    store.seed([rowOf(1)]);
    expect(store.bulletin('b1')).toBe(before);
  });

  it("applies main's change: marks, a collection joined, the counts", () => {
    const store = createLibraryStore();
    const detail: BulletinDetail = {
      bulletin: { ...rowOf(1), summary: '', countries: [], tags: [], importedAt: '', contentHash: '' },
      bookmarked: false,
      read: false,
      note: 'check',
      collections: ['c1'],
    };
    store.seedDetail(detail);
    store.apply({
      ids: ['b1', 'unseen'],
      marks: {},
      collection: { id: 'c2', member: true },
      counts: counts(0),
      membership: ['collection:c2'],
    });
    expect(store.bulletin('b1')).toEqual({
      bookmarked: false,
      read: false,
      noted: true,
      collections: ['c1', 'c2'],
    });
    // A bulletin the window never fetched gains no half-known entry.
    expect(store.bulletin('unseen')).toBeUndefined();
    expect(store.counts()).toEqual(counts(0));
  });
});

describe('the counts', () => {
  const collection = { id: 'c1', name: 'Darién', count: 3, unread: 2, createdAt: '2026-01-01T00:00:00Z' };

  it('an event with the same numbers notifies nobody; a moved number notifies once', () => {
    const store = createLibraryStore();
    store.setCounts({ ...counts(1), collections: [collection] });
    let notified = 0;
    store.subscribeCounts(() => notified++);
    // Each event brings the counts whole, a fresh copy across the bridge.
    store.setCounts(structuredClone({ ...counts(1), collections: [collection] }));
    expect(notified).toBe(0);
    store.setCounts({ ...counts(2), collections: [{ ...collection }] });
    expect(notified).toBe(1);
    expect(store.counts()?.bookmarks).toBe(2);
  });

  it('the collections keep their array while none changed, so what lists them does not render', () => {
    const store = createLibraryStore();
    store.setCounts({ ...counts(1), collections: [collection] });
    const held = store.counts()?.collections;
    store.setCounts({ ...counts(2), collections: [{ ...collection }] });
    expect(store.counts()?.collections).toBe(held);
    store.setCounts({ ...counts(2), collections: [{ ...collection, unread: 1 }] });
    expect(store.counts()?.collections).not.toBe(held);
    expect(store.counts()?.collections[0]?.unread).toBe(1);
  });
});

describe('useLibraryChanges', () => {
  it('takes the counts at start, then from each change, without asking main again', async () => {
    const bridgeFake = installFakeBridge({ counts: () => Promise.resolve(counts(1)) });
    const store = createLibraryStore();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LibraryStoreContext.Provider value={store}>{children}</LibraryStoreContext.Provider>
    );
    const { result } = renderHook(
      () => {
        useLibraryChanges((error) => expect.fail(String(error)));
        return useCounts((counts) => counts);
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current?.bookmarks).toBe(1));
    store.seed([rowOf(5)]);
    act(() =>
      bridgeFake.emit('library:changed', {
        ids: ['b5'],
        marks: { bookmarked: true },
        counts: counts(2),
        membership: ['bookmarks'],
      }),
    );
    expect(result.current?.bookmarks).toBe(2);
    expect(store.bulletin('b5')?.bookmarked).toBe(true);
    expect(bridgeFake.callsOf('counts')).toHaveLength(1);
  });
});

describe('bridge errors', () => {
  it('keep their code, so the window can tell a full disk from a refused file', async () => {
    installFakeBridge({
      toggleBookmark: () => Promise.reject({ code: 'disk-full', message: 'The disk is full.' }),
    });
    const error: unknown = await bridge()
      .toggleBookmark('b1')
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BridgeError);
    expect(failureCode(error)).toBe('disk-full');
    expect((error as Error).message).toBe('The disk is full.');
  });
});
