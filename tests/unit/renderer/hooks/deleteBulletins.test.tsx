// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDeleteBulletins } from '../../../../renderer/library/useDeleteBulletins';
import { uiI18n } from '../uiI18n';
import { installFakeBridge, rowOf } from './fakeBridge';

let i18n: I18n;
beforeAll(async () => {
  i18n = await uiI18n();
});
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

/** Deleting as the window wires it: two rows listed, b2 open in the reading pane. */
function renderDeletion() {
  const forgotten: string[] = [];
  const undoOffers: string[] = [];
  let afterDelete = 0;
  const rendered = renderHook(
    () =>
      useDeleteBulletins({
        list: { rows: [rowOf(1), rowOf(2)], forget: (id) => forgotten.push(id) },
        reader: { openId: 'b2', openDetail: null },
        afterDelete: () => afterDelete++,
        announce: () => undefined,
        offerUndo: (message) => undoOffers.push(message),
        onError: (error) => {
          throw error;
        },
      }),
    { wrapper },
  );
  return { ...rendered, forgotten, undoOffers, afterDeleteCalls: () => afterDelete };
}

describe('deleting bulletins', () => {
  it('asks about the open bulletin by its title, even before its text has loaded', () => {
    const { result } = renderDeletion();
    act(() => result.current.askOpen());
    expect(result.current.asking).toEqual({ ids: ['b2'], title: 'Bulletin 2' });
  });

  it('names the first of several by its title unless told another', () => {
    const { result } = renderDeletion();
    act(() => result.current.ask(['b1', 'b2']));
    expect(result.current.asking?.title).toBe('Bulletin 1');
  });

  it('once confirmed, the list drops them, the window moves on, and Undo is offered', async () => {
    const bridge = installFakeBridge({
      deleteBulletins: (ids) => Promise.resolve({ count: ids.length, undoToken: 'token' }),
    });
    const { result, forgotten, undoOffers, afterDeleteCalls } = renderDeletion();
    act(() => result.current.ask(['b1', 'b2']));
    act(() => result.current.confirm());
    expect(result.current.asking).toBeNull();
    await waitFor(() => expect(undoOffers).toEqual(['2 bulletins deleted.']));
    expect(bridge.callsOf('deleteBulletins')).toEqual([{ method: 'deleteBulletins', args: [['b1', 'b2']] }]);
    expect(forgotten).toEqual(['b1', 'b2']);
    expect(afterDeleteCalls()).toBe(1);
  });
});
