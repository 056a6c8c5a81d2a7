// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { i18n as I18n } from 'i18next';
import type { BulletinDetail } from '../../../../preload/contract';
import type { BridgeFailure } from '../../../../preload/channels';
import en from '../../../../resources/locales/en/ui.json';
import { useMarkActions } from '../../../../renderer/library/useMarkActions';
import { useFeedback } from '../../../../renderer/notices/useFeedback';
import { createLibraryStore, type LibraryStore } from '../../../../renderer/store/libraryStore';
import { LibraryStoreContext } from '../../../../renderer/store/useLibraryStore';
import { uiI18n } from '../uiI18n';
import { installFakeBridge, rowOf } from './fakeBridge';

/** How the preload rejects: the failure as plain data (contextBridge would strip an Error's fields). */
const failure = (code: BridgeFailure['code'], message: string): Promise<never> =>
  Promise.reject({ code, message } satisfies BridgeFailure);

const detailOf = (id: number, marks: Partial<BulletinDetail> = {}): BulletinDetail => ({
  bulletin: { ...rowOf(id), summary: '', countries: [], tags: [], importedAt: '', contentHash: '' },
  bookmarked: false,
  read: false,
  note: '',
  collections: [],
  ...marks,
});

let i18n: I18n;
let store: LibraryStore;
beforeAll(async () => {
  i18n = await uiI18n();
});
beforeEach(() => {
  store = createLibraryStore();
  store.seedDetail(detailOf(1));
});
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>
    <LibraryStoreContext.Provider value={store}>{children}</LibraryStoreContext.Provider>
  </I18nextProvider>
);

/** The window's feedback and one bulletin's mark actions, as App composes them. */
function renderMarks(open: BulletinDetail | null = null) {
  return renderHook(
    () => {
      const feedback = useFeedback();
      const marks = useMarkActions({
        open,
        openId: open?.bulletin.id ?? 'b1',
        keep: () => undefined,
        announce: feedback.announce,
        onError: feedback.reportError,
      });
      return { feedback, marks };
    },
    { wrapper },
  );
}

describe('marks set from the window', () => {
  it('a bookmark shows at once, before main answers, and stays once it does', async () => {
    let answer: (bookmarked: boolean) => void = () => undefined;
    installFakeBridge({
      notices: () => Promise.resolve([]),
      toggleBookmark: () => new Promise<boolean>((resolve) => (answer = resolve)),
    });
    const { result } = renderMarks();
    act(() => result.current.marks.toggleBookmark(false, 'b1'));
    expect(store.bulletin('b1')?.bookmarked).toBe(true);
    await act(async () => answer(true));
    expect(store.bulletin('b1')?.bookmarked).toBe(true);
  });

  it('a read mark set by hand shows at once too', () => {
    installFakeBridge({
      notices: () => Promise.resolve([]),
      markRead: () => new Promise<undefined>(() => undefined),
    });
    const { result } = renderMarks(detailOf(1));
    act(() => result.current.marks.toggleRead());
    expect(store.bulletin('b1')?.read).toBe(true);
  });
});

describe('the automatic read mark (three seconds open)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('marks the open bulletin read once it has been open three seconds', async () => {
    const bridge = installFakeBridge({
      notices: () => Promise.resolve([]),
      markRead: () => Promise.resolve(undefined),
    });
    renderMarks(detailOf(1));
    await act(async () => vi.advanceTimersByTime(3000));
    expect(bridge.callsOf('markRead').map((call) => call.args)).toEqual([['b1', true]]);
    expect(store.bulletin('b1')?.read).toBe(true);
  });

  it('leaves it alone once the user set the mark by hand meanwhile (M twice: unread, as asked)', async () => {
    const bridge = installFakeBridge({
      notices: () => Promise.resolve([]),
      markRead: () => Promise.resolve(undefined),
    });
    const { result } = renderMarks(detailOf(1));
    act(() => result.current.marks.toggleRead());
    act(() => result.current.marks.toggleRead());
    await act(async () => vi.advanceTimersByTime(3000));
    expect(bridge.callsOf('markRead').map((call) => call.args)).toEqual([
      ['b1', true],
      ['b1', false],
    ]);
    expect(store.bulletin('b1')?.read).toBe(false);
  });

  it('asks nothing of main when it was marked read elsewhere meanwhile (a bulk action)', async () => {
    const bridge = installFakeBridge({
      notices: () => Promise.resolve([]),
      markRead: () => Promise.resolve(undefined),
    });
    renderMarks(detailOf(1));
    act(() => store.patch(['b1'], { read: true }));
    await act(async () => vi.advanceTimersByTime(3000));
    expect(bridge.callsOf('markRead')).toEqual([]);
  });
});

describe('a failure, by its kind', () => {
  it('a full disk: the mark is put back and the notice says the disk is full and nothing was lost', async () => {
    installFakeBridge({
      notices: () => Promise.resolve([]),
      toggleBookmark: () => failure('disk-full', 'Something went wrong: ENOSPC: no space left on device'),
    });
    const { result } = renderMarks();
    act(() => result.current.marks.toggleBookmark(false, 'b1'));
    await waitFor(() => expect(result.current.feedback.notices).toHaveLength(1));
    expect(store.bulletin('b1')?.bookmarked).toBe(false);
    expect(result.current.feedback.notices[0]).toMatchObject({ kind: 'error', message: en.notices.diskFull });
    expect(en.notices.diskFull).toMatch(/disk is full/);
    expect(en.notices.diskFull).toMatch(/Nothing .* was lost/);
  });

  it("a refusal of another kind (a file refused, a bulletin gone) shows main's own sentence", async () => {
    const refused = 'This bulletin is no longer in your library.';
    installFakeBridge({
      notices: () => Promise.resolve([]),
      markRead: () => failure('not-found', refused),
    });
    const { result } = renderMarks(detailOf(1));
    act(() => result.current.marks.toggleRead());
    await waitFor(() => expect(result.current.feedback.notices).toHaveLength(1));
    expect(store.bulletin('b1')?.read).toBe(false);
    expect(result.current.feedback.notices[0]?.message).toBe(refused);
  });

  it('a bug in the window (an Error with no words) gets the generic sentence', async () => {
    installFakeBridge({
      notices: () => Promise.resolve([]),
      toggleBookmark: () => Promise.reject(new Error('')),
    });
    const { result } = renderMarks();
    act(() => result.current.marks.toggleBookmark(false, 'b1'));
    await waitFor(() => expect(result.current.feedback.notices).toHaveLength(1));
    expect(result.current.feedback.notices[0]?.message).toBe(en.notices.unexpected);
  });
});
