import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { unreachableControls } from './support/layout';

// The reading pane's actions stay on one row at the app's smallest window in the languages whose
// labels are longest (Spanish) or run right to left (Arabic): what does not fit is in More…, and
// every action is there, by the keyboard, in one place or the other.

/** The action each item of More… stands for (the collections and Send… are several items). */
const SLOT_OF: Record<string, string> = {
  'copy-link': 'send',
  'copy-text': 'send',
  email: 'send',
  'no-collections': 'collections',
};
const slotOf = (action: string) =>
  SLOT_OF[action] ?? (action.startsWith('collection-') ? 'collections' : action);

/** The actions shown as controls, and the row's lines (distinct tops of its items). */
const shownActions = (window: Page) =>
  window.evaluate(() => {
    const row = document.querySelector('.reader-actions');
    const items = [...(row?.querySelectorAll<HTMLElement>(':scope > :not([role="status"])') ?? [])];
    return {
      shown: items.flatMap((item) => (item.dataset.action ? [item.dataset.action] : [])),
      lines: new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size,
    };
  });

/** Every action the row offers, as a control or in More… (opened and closed again by a click). */
async function reachableActions(window: Page): Promise<string[]> {
  const { shown } = await shownActions(window);
  const more = window.locator('.reader-actions .menu-anchor > button');
  if ((await more.count()) === 0) return [...shown].sort();
  await more.click();
  const items = await window
    .getByRole('menu')
    .getByRole('menuitem')
    .evaluateAll((found) => found.map((item) => (item as HTMLElement).dataset.action ?? ''));
  await window.keyboard.press('Escape');
  return [...new Set([...shown, ...items.map(slotOf)])].sort();
}

for (const language of ['ar', 'es'] as const) {
  test(`${language}: at 1024×640 the reader's actions are one row, and every one is reachable, directly or in More…`, async ({
    launch,
  }) => {
    const window = await (await launch({ env: { BULLETIN_UI_LANGUAGE: language } })).firstWindow();
    const rows = window.getByRole('grid').getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    await rows.nth(1).click();
    const actions = window.locator('.reader-actions');
    await expect(actions).toBeVisible();

    // Wide, the actions as controls and in More… if the pane is still too narrow for them all.
    await window.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await shownActions(window)).lines).toBe(1);
    const all = await reachableActions(window);
    expect(all).toEqual(expect.arrayContaining(['bookmark', 'read', 'collections', 'send', 'delete']));

    await window.setViewportSize({ width: 1024, height: 640 });
    const more = actions.getByRole('button', { name: language === 'ar' ? 'المزيد…' : 'Más…' });
    await expect(more).toBeVisible();
    await expect.poll(async () => (await shownActions(window)).lines).toBe(1);
    const { shown } = await shownActions(window);
    expect(shown.length).toBeLessThan(all.length);
    expect(await unreachableControls(window, '.reader-actions')).toEqual([]);

    // More… by the keyboard: it opens on its first item, named for screen readers.
    await more.focus();
    await window.keyboard.press('Enter');
    const menu = window.getByRole('menu', { name: language === 'ar' ? 'المزيد…' : 'Más…' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    const inMenu = await menu
      .getByRole('menuitem')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.action ?? ''));
    expect([...new Set([...shown, ...inMenu.map(slotOf)])].sort()).toEqual(all);
    expect(await unreachableControls(window, '[role="menu"]')).toEqual([]);

    await window.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
  });
}
