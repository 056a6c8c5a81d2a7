// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange, ListRequest, ListResult } from '../../../../preload/contract';
import { useBulletinList } from '../../../../renderer/list/useBulletinList';
import { createLibraryStore, type LibraryStore } from '../../../../renderer/store/libraryStore';
import { LibraryStoreContext } from '../../../../renderer/store/useLibraryStore';
import { COUNTS, installFakeBridge, rowOf } from './fakeBridge';

const TOTAL = 100_000;

/** A listed view of 100,000 bulletins, answered a page at a time as main does. */
function archive() {
  return installFakeBridge({
    list: ({ offset = 0, limit = TOTAL }: ListRequest): Promise<ListResult> =>
      Promise.resolve({
        rows: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) =>
          rowOf(offset + i),
        ),
        terms: [],
        total: TOTAL,
      }),
  });
}

const change = (
  membership: LibraryChange['membership'],
  rest: Partial<LibraryChange> = {},
): LibraryChange => ({
  ids: [],
  marks: {},
  counts: COUNTS,
  membership,
  ...rest,
});

let store: LibraryStore;
const wrapper = ({ children }: { children: ReactNode }) => (
  <LibraryStoreContext.Provider value={store}>{children}</LibraryStoreContext.Provider>
);
const events = { onError: (error: unknown) => expect.fail(String(error)), onNewResults: () => undefined };

beforeEach(() => {
  store = createLibraryStore();
});

describe('a listed view', () => {
  it('is paged as it scrolls, not fetched whole (100,000 rows were 21 calls of 5,000)', async () => {
    const bridge = archive();
    const { result } = renderHook(() => useBulletinList('all', '', events), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    expect(result.current.total).toBe(TOTAL);
    // Settled: no page asked for without a scroll.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.callsOf('list')).toHaveLength(1);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.rows).toHaveLength(1100));
    expect(bridge.callsOf('list').map((call) => call.args[0])).toEqual([
      { view: 'all', sort: undefined, offset: 0, limit: 100 },
      { view: 'all', sort: undefined, offset: 100, limit: 1000 },
    ]);
  });

  it('a mark that leaves its membership alone is patched in the store, and the list is not asked again', async () => {
    const bridge = archive();
    const { result } = renderHook(() => useBulletinList('all', '', events), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    const rows = result.current.rows;
    act(() =>
      bridge.emit('library:changed', change(['bookmarks'], { ids: ['b3'], marks: { bookmarked: true } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.callsOf('list')).toHaveLength(1);
    expect(result.current.rows).toBe(rows);
  });

  it('an import asks once for the rows it holds, not for every page again', async () => {
    const bridge = archive();
    const { result } = renderHook(() => useBulletinList('all', '', events), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(100));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.rows).toHaveLength(1100));
    act(() => bridge.emit('library:changed', change('every', { archive: { added: 1000, updated: 0 } })));
    await waitFor(() => expect(bridge.callsOf('list')).toHaveLength(3));
    expect(bridge.callsOf('list')[2]?.args[0]).toEqual({
      view: 'all',
      sort: undefined,
      offset: 0,
      limit: 1100,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.callsOf('list')).toHaveLength(3);
    expect(result.current.rows).toHaveLength(1100);
  });

  it('a change of its own membership (un-bookmarked, in Bookmarks) asks again, keeping the row acted on', async () => {
    let bookmarked = ['b1', 'b2', 'b3'];
    const bridge = installFakeBridge({
      list: () =>
        Promise.resolve({
          rows: bookmarked.map((id) => ({ ...rowOf(Number(id.slice(1))), bookmarked: true })),
          terms: [],
          total: bookmarked.length,
        }),
    });
    const { result } = renderHook(() => useBulletinList('bookmarks', '', events), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(3));
    act(() => result.current.keep('b2'));
    bookmarked = ['b1', 'b3'];
    act(() =>
      bridge.emit('library:changed', change(['bookmarks'], { ids: ['b2'], marks: { bookmarked: false } })),
    );
    await waitFor(() => expect(bridge.callsOf('list')).toHaveLength(2));
    expect(result.current.rows.map((row) => row.id)).toEqual(['b1', 'b2', 'b3']);
  });

  it('seeds the store with the marks of the rows it fetched', async () => {
    installFakeBridge({
      list: () =>
        Promise.resolve({
          rows: [rowOf(1, { bookmarked: true }), rowOf(2, { read: true })],
          terms: [],
          total: 2,
        }),
    });
    const { result } = renderHook(() => useBulletinList('all', '', events), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(2));
    expect(store.bulletin('b1')).toEqual({ bookmarked: true, read: false, noted: false });
    expect(store.bulletin('b2')?.read).toBe(true);
  });
});

describe('a search', () => {
  it('follows every change of marks when it filters by them (is:, in:), and only then', async () => {
    const bridge = installFakeBridge({
      search: () => Promise.resolve({ rows: [rowOf(1)], terms: [], total: 1 }),
    });
    const { result, rerender } = renderHook(({ text }) => useBulletinList('all', text, events), {
      wrapper,
      initialProps: { text: 'panama' },
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(1));
    act(() => bridge.emit('library:changed', change(['unread'], { ids: ['b1'], marks: { read: true } })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.callsOf('search')).toHaveLength(1);

    rerender({ text: 'panama is:unread' });
    await waitFor(() => expect(bridge.callsOf('search')).toHaveLength(2));
    act(() => bridge.emit('library:changed', change(['unread'], { ids: ['b1'], marks: { read: true } })));
    await waitFor(() => expect(bridge.callsOf('search')).toHaveLength(3));
  });
});
