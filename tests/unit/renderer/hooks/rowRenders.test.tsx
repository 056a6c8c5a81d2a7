// @vitest-environment happy-dom
import { act, render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulletinList } from '../../../../renderer/list/BulletinList';
import { createLibraryStore, type LibraryStore } from '../../../../renderer/store/libraryStore';
import { LibraryStoreContext, useCounts } from '../../../../renderer/store/useLibraryStore';
import { uiI18n } from '../uiI18n';
import { layOutLikeAWindow } from '../../support/windowLayout';
import { COUNTS, rowOf } from './fakeBridge';

/** Times each row rendered, by title: every render of a row renders its title. */
const renders = new Map<string, number>();
vi.mock('../../../../renderer/search/Highlighted', () => ({
  Highlighted: ({ text }: { text: string }) => {
    renders.set(text, (renders.get(text) ?? 0) + 1);
    return text;
  },
}));

const ROWS = Array.from({ length: 200 }, (_, index) => rowOf(index));
const NO_TERMS: readonly string[] = [];

let i18n: I18n;
let store: LibraryStore;
let moveTo: (index: number) => void = () => undefined;

/**
 * The list as the window drives it: the keyboard's place in the window's state, the counts read
 * from the store (a mark brings new ones), and every handler a new closure on each render, as the
 * window's hooks make them.
 */
function Window() {
  const [activeIndex, setActiveIndex] = useState(2);
  moveTo = setActiveIndex;
  useCounts((counts) => counts);
  const listRef = useRef<HTMLDivElement>(null);
  return (
    <BulletinList
      listRef={listRef}
      id="list"
      label="List of bulletins"
      rows={ROWS}
      terms={NO_TERMS}
      activeIndex={activeIndex}
      openId="b2"
      busy={false}
      onOpen={(index) => setActiveIndex(index)}
      selection={{
        selectedIds: new Set<string>(),
        onActivate: (index) => setActiveIndex(index),
        onToggle: () => undefined,
        onExtend: () => undefined,
        onSelectAll: () => undefined,
        dragIds: (index) => [ROWS[index]?.id ?? ''],
      }}
      onToggleBookmark={() => undefined}
      onNearEnd={() => undefined}
      onRowMenu={() => undefined}
    />
  );
}

layOutLikeAWindow();
beforeAll(async () => {
  i18n = await uiI18n();
});

function renderWindow() {
  store = createLibraryStore();
  store.seed(ROWS);
  store.setCounts({ ...COUNTS, all: ROWS.length, unread: ROWS.length });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <LibraryStoreContext.Provider value={store}>
        <Window />
      </LibraryStoreContext.Provider>
    </I18nextProvider>,
  );
  const drawn = view.getAllByRole('row').length;
  renders.clear();
  return { drawn };
}

const rendered = () => [...renders.keys()].sort();

describe('the rows of the list re-render only where something changed', () => {
  beforeEach(() => renders.clear());

  it('moving the keyboard down a row renders the two rows whose focus ring moved', () => {
    const { drawn } = renderWindow();
    expect(drawn).toBeGreaterThan(10);
    act(() => moveTo(3));
    expect(rendered()).toEqual(['Bulletin 2', 'Bulletin 3']);
  });

  it('a bookmark and the new counts it brings render the bookmarked row alone', () => {
    renderWindow();
    act(() => {
      store.patch(['b5'], { bookmarked: true });
      store.setCounts({ ...COUNTS, all: ROWS.length, unread: ROWS.length, bookmarks: 1 });
    });
    expect(rendered()).toEqual(['Bulletin 5']);
  });
});
