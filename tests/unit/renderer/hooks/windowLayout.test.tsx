// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeFailure } from '../../../../preload/channels';
import type { WindowLayout } from '../../../../preload/contract';
import en from '../../../../resources/locales/en/ui.json';
import { useWindowLayout } from '../../../../renderer/layout/useWindowLayout';
import { useFeedback } from '../../../../renderer/notices/useFeedback';
import { uiI18n } from '../uiI18n';
import { installFakeBridge } from './fakeBridge';

let i18n: I18n;
beforeAll(async () => {
  i18n = await uiI18n();
});
// Each window's key listener goes with it (one left behind would take the next test's keys).
afterEach(cleanup);
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

function renderLayout() {
  return renderHook(
    () => {
      const feedback = useFeedback();
      const layout = useWindowLayout({ announce: feedback.announce, onError: feedback.reportError });
      return { feedback, layout };
    },
    { wrapper },
  );
}

const press = (key: string) =>
  act(
    () => void window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, cancelable: true })),
  );

describe('the window layout', () => {
  it('starts at the saved text size, changes with Ctrl+= and Ctrl+0, and saves once after a run of keys', async () => {
    const saved: WindowLayout[] = [];
    installFakeBridge({
      notices: () => Promise.resolve([]),
      windowLayout: () => Promise.resolve({ textSize: 125, listWidth: 400 }),
      saveWindowLayout: (layout) => (saved.push(layout), Promise.resolve(layout)),
    });
    const { result } = renderLayout();
    await waitFor(() => expect(result.current.layout.textSize).toBe(125));
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.25');
    press('=');
    press('=');
    expect(result.current.layout.textSize).toBe(175);
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.75');
    // A screen reader hears it, as the eye sees it.
    expect(result.current.feedback.announcements.current()?.message).toBe('Text size 175%');
    await waitFor(() => expect(saved).toEqual([{ textSize: 175, listWidth: 400 }]));
    press('0');
    await waitFor(() => expect(saved.at(-1)).toEqual({ textSize: 100, listWidth: 400 }));
  });

  it('a save that fails (a full disk) says so, and the window keeps the size the user chose', async () => {
    installFakeBridge({
      notices: () => Promise.resolve([]),
      windowLayout: () => Promise.resolve({ textSize: 100 }),
      saveWindowLayout: () =>
        Promise.reject({ code: 'disk-full', message: 'ENOSPC' } satisfies BridgeFailure),
    });
    const { result } = renderLayout();
    press('-');
    await waitFor(() => expect(result.current.feedback.notices).toHaveLength(1));
    expect(result.current.feedback.notices[0]).toMatchObject({ kind: 'error', message: en.notices.diskFull });
    expect(result.current.layout.textSize).toBe(90);
  });
});
