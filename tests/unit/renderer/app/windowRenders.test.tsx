// @vitest-environment happy-dom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { createElement, Profiler, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BulletinDetail, Counts, ListResult } from '../../../../preload/contract';
import { App } from '../../../../renderer/app/App';
import type * as ListPaneModule from '../../../../renderer/list/ListPane';
import type * as ReaderActionsModule from '../../../../renderer/reader/ReaderActions';
import type * as SidebarModule from '../../../../renderer/sidebar/Sidebar';
import type * as SidebarViewButtonModule from '../../../../renderer/sidebar/SidebarViewButton';
import { createLibraryStore } from '../../../../renderer/store/libraryStore';
import { LibraryStoreContext } from '../../../../renderer/store/useLibraryStore';
import { uiI18n } from '../uiI18n';
import { layOutLikeAWindow } from '../../support/windowLayout';
import { COUNTS, installFakeBridge, rowOf } from '../hooks/fakeBridge';

/** Renders of the window's parts, by part. */
const renders = { window: 0, sidebar: 0, views: 0, reader: 0 };
/** Titles rendered (a row's, the reading pane's), each time either renders. */
const titles: string[] = [];
vi.mock('../../../../renderer/search/Highlighted', () => ({
  Highlighted: ({ text }: { text: string }) => {
    if (text.startsWith('Bulletin ')) titles.push(text);
    return text;
  },
}));

/**
 * Counts each render of a part by a component it renders once per render of its own: the list
 * pane (not memoised: it renders whenever the window does), the sidebar (with its collections,
 * saved searches and subscriptions), each of its views' buttons (All, Unread, Bookmarks: one
 * render each) and the reading pane's buttons (whenever the pane does, a bulletin open).
 */
function counted<Props extends object>(part: keyof typeof renders, Real: (props: Props) => ReactNode) {
  return (props: Props) => {
    renders[part]++;
    return createElement(Real, props);
  };
}
vi.mock('../../../../renderer/list/ListPane', async (importOriginal) => {
  const real = await importOriginal<typeof ListPaneModule>();
  return { ListPane: counted('window', real.ListPane) };
});
vi.mock('../../../../renderer/sidebar/Sidebar', async (importOriginal) => {
  const real = await importOriginal<typeof SidebarModule>();
  return { ...real, Sidebar: counted('sidebar', real.Sidebar) };
});
/** Counts each commit in which a part rendered, from its parent or from its own store reads. */
function profiled<Props extends object>(part: keyof typeof renders, Real: (props: Props) => ReactNode) {
  const counting = () => void renders[part]++;
  return (props: Props) =>
    createElement(Profiler, { id: part, onRender: counting }, createElement(Real, props));
}
vi.mock('../../../../renderer/sidebar/SidebarViewButton', async (importOriginal) => {
  const real = await importOriginal<typeof SidebarViewButtonModule>();
  return { SidebarViewButton: profiled('views', real.SidebarViewButton) };
});
vi.mock('../../../../renderer/reader/ReaderActions', async (importOriginal) => {
  const real = await importOriginal<typeof ReaderActionsModule>();
  return { ...real, ReaderActions: counted('reader', real.ReaderActions) };
});

const ROWS = Array.from({ length: 40 }, (_, index) => rowOf(index));
const detailOf = (index: number): BulletinDetail => ({
  bulletin: { ...rowOf(index), summary: 'Text.', countries: [], tags: [], importedAt: '', contentHash: '' },
  bookmarked: false,
  read: false,
  note: '',
  collections: [],
});

let i18n: I18n;
layOutLikeAWindow();
beforeAll(async () => {
  i18n = await uiI18n();
});
afterEach(cleanup);

/** What main has not answered yet: the window waits, as it would for a slow main. */
const pending = () => new Promise<never>(() => undefined);

function renderWindow() {
  const bridge = installFakeBridge({
    notices: () => Promise.resolve([]),
    counts: () => Promise.resolve(COUNTED),
    list: (): Promise<ListResult> => Promise.resolve({ rows: ROWS, terms: [], total: ROWS.length }),
    get: (id) => Promise.resolve(detailOf(Number(id.slice(1)))),
    toggleBookmark: () => Promise.resolve(true),
    markRead: () => Promise.resolve(undefined),
    // The rest of the window (subscriptions, layout, search's status, saved searches, the offline
    // queue) is not what these tests look at.
    subscriptions: pending,
    windowLayout: pending,
    searchStatus: pending,
    recentSearches: pending,
    savedSearches: pending,
    keepQueue: pending,
    keptArticle: () => Promise.resolve(null),
  });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <LibraryStoreContext.Provider value={createLibraryStore()}>
        <App />
      </LibraryStoreContext.Provider>
    </I18nextProvider>,
  );
  return { bridge, view };
}

const COUNTED: Counts = { ...COUNTS, all: ROWS.length, unread: ROWS.length };

/** A key pressed in the window, outside any field (where the shortcuts listen). */
const press = (key: string) => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key })));

/** What the window's live region says. */
const spoken = (container: HTMLElement) =>
  container.querySelector('[aria-live="polite"][aria-atomic="true"]')?.textContent;

/** The window with its first bulletin open in the reading pane, and the renders counted from there. */
async function withFirstOpen() {
  const opened = renderWindow();
  await opened.view.findAllByRole('row');
  press('j');
  await opened.view.findByRole('heading', { name: 'Bulletin 0' });
  // Settled: the detail's own renders are not the mark's.
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  Object.assign(renders, { window: 0, sidebar: 0, views: 0, reader: 0 });
  titles.length = 0;
  return opened;
}

describe('a mark renders what shows it, not the window around it', () => {
  it("B: the open bulletin's row and pane at once, then the Bookmarks count alone; the window not at all", async () => {
    const { bridge, view } = await withFirstOpen();
    press('b');
    expect(view.getByRole('button', { name: 'Bookmark', pressed: true })).toBeTruthy();
    expect(renders).toEqual({ window: 0, sidebar: 0, views: 0, reader: 1 });
    // Main answers, and says what changed: one more bookmark.
    await act(async () => {
      bridge.emit('library:changed', {
        ids: ['b0'],
        marks: { bookmarked: true },
        counts: { ...COUNTED, bookmarks: 1 },
        membership: ['bookmarks'],
      });
    });
    // Said aloud once main has it (the live region renders, not the window).
    await waitFor(() => expect(spoken(view.container)).toBe('Bookmarked'));
    // Only the view whose number moved: not the sidebar, whose collections, saved searches and
    // subscriptions grow with the user's library.
    expect(renders).toEqual({ window: 0, sidebar: 0, views: 1, reader: 1 });
    // Its row and the pane's title; no other row.
    expect(titles).toEqual(['Bulletin 0', 'Bulletin 0']);
  });

  it('M: the same for a read mark', async () => {
    const { bridge, view } = await withFirstOpen();
    press('m');
    expect(view.getByRole('button', { name: 'Mark unread' })).toBeTruthy();
    expect(renders).toEqual({ window: 0, sidebar: 0, views: 0, reader: 1 });
    await act(async () => {
      bridge.emit('library:changed', {
        ids: ['b0'],
        marks: { read: true },
        counts: { ...COUNTED, unread: ROWS.length - 1 },
        membership: ['unread'],
      });
    });
    await waitFor(() => expect(spoken(view.container)).toBe('Marked read'));
    // Only the view whose number moved: not the sidebar, whose collections, saved searches and
    // subscriptions grow with the user's library.
    expect(renders).toEqual({ window: 0, sidebar: 0, views: 1, reader: 1 });
    expect(titles).toEqual(['Bulletin 0', 'Bulletin 0']);
  });

  it('a change event that moves no number renders nothing', async () => {
    const { bridge } = await withFirstOpen();
    await act(async () => {
      // A fresh copy of the same numbers, as each event brings them across the bridge.
      bridge.emit('library:changed', {
        ids: [],
        marks: {},
        counts: structuredClone(COUNTED),
        membership: [],
      });
    });
    expect(renders).toEqual({ window: 0, sidebar: 0, views: 0, reader: 0 });
  });
});
