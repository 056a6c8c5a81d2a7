// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** happy-dom's window, which can be resized as a user drags the window's edge. */
const happyWindow = window as unknown as { happyDOM: { setViewport(size: { width: number }): void } };

describe('useNarrowWindow', () => {
  it('asks the window one media query, however often the sidebar renders, and follows a resize', async () => {
    happyWindow.happyDOM.setViewport({ width: 1400 });
    const queries = vi.spyOn(window, 'matchMedia');
    vi.resetModules(); // the hook keeps its query: count from a fresh module
    const { useNarrowWindow } = await import('../../../../renderer/layout/useNarrowWindow');
    let rerender = () => {};
    function Shown() {
      const narrow = useNarrowWindow();
      const [, setTick] = useState(0);
      rerender = () => setTick((tick) => tick + 1);
      return <p>{narrow ? 'narrow' : 'wide'}</p>;
    }
    const view = render(
      <>
        <Shown />
        <Shown />
      </>,
    );
    for (let press = 0; press < 20; press++) act(() => rerender());
    expect(view.container.textContent).toBe('widewide');
    // A key press used to build a MediaQueryList per render and per check after commit.
    expect(queries).toHaveBeenCalledTimes(1);

    act(() => happyWindow.happyDOM.setViewport({ width: 1024 }));
    expect(view.container.textContent).toBe('narrownarrow');
    expect(queries).toHaveBeenCalledTimes(1);
  });
});
