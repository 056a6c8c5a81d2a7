// @vitest-environment happy-dom
import type { TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendActions } from '../../../renderer/share/sendActions';
import type { SelectionSend } from '../../../renderer/share/sendBulletins';
import { uiI18n } from './uiI18n';

let t: TFunction;
beforeAll(async () => {
  t = (await uiI18n()).t;
});
afterEach(() => vi.unstubAllGlobals());

/** A Send whose texts name the ids they were asked for; what it said and opened is recorded. */
function recordingSend(mailto: (ids: readonly string[]) => Promise<string>) {
  const said: string[] = [];
  const opened: string[] = [];
  const send: SelectionSend = {
    actions: {
      copyLinks: (ids) => Promise.resolve(ids.map((id) => `https://example.org/${id}`).join('\n')),
      copyText: (ids) => Promise.resolve(`text of ${ids.join(', ')}`),
      mailto,
    },
    onOpenLink: (url) => opened.push(url),
    onStatus: (message) => said.push(message),
  };
  return { send, said, opened };
}

/** Runs an action and lets its promises settle (a task later, every microtask has run). */
const run = async (actions: ReturnType<typeof sendActions>, id: string) => {
  actions.find((action) => action.id === id)?.run();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the Send actions of a row and of a selection', () => {
  it('copy the links and the text of exactly the bulletins given, and say so', async () => {
    const clipboard: string[] = [];
    vi.stubGlobal('navigator', { clipboard: { writeText: (text: string) => void clipboard.push(text) } });
    const { send, said } = recordingSend((ids) => Promise.resolve(`mailto:?subject=${ids.length}`));
    const actions = sendActions(send, ['a', 'b'], t);
    expect(actions.map((action) => action.label)).toEqual(['Copy links', 'Copy as text', 'E-mail draft…']);
    await run(actions, 'copy-links');
    await run(actions, 'copy-text');
    expect(clipboard).toEqual(['https://example.org/a\nhttps://example.org/b', 'text of a, b']);
    expect(said).toEqual(['Copied.', 'Copied.']);
  });

  it('one bulletin says Copy link; a refused clipboard and a failed draft are said, nothing opened', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const { send, said, opened } = recordingSend(() => Promise.reject(new Error('gone')));
    const actions = sendActions(send, ['a'], t);
    expect(actions[0]?.label).toBe('Copy link');
    await run(actions, 'copy-links');
    await run(actions, 'email');
    expect(said).toEqual([t('send.copyFailed'), t('send.failed')]);
    expect(opened).toEqual([]);
  });

  it('the draft goes out through the app’s one way to a link', async () => {
    const { send, opened } = recordingSend((ids) => Promise.resolve(`mailto:?subject=${ids.length}`));
    await run(sendActions(send, ['a', 'b', 'c'], t), 'email');
    expect(opened).toEqual(['mailto:?subject=3']);
  });

  it('wait while a bulk action runs', () => {
    const { send } = recordingSend(() => Promise.resolve(''));
    expect(sendActions(send, ['a'], t, true).every((action) => action.disabled)).toBe(true);
    expect(sendActions(send, ['a'], t).some((action) => action.disabled)).toBe(false);
  });
});
