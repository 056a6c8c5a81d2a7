import { expect, type Page } from '@playwright/test';
import type { App } from '../fixtures';

// Locators for the main window, by role and accessible name as a screen reader finds them.
// Named, as a screen reader finds them.

export const bulletinList = (page: Page) => page.getByRole('grid', { name: /list of bulletins/ });
export const bulletinRows = (page: Page) => bulletinList(page).getByRole('row');
export const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search bulletins' });
export const readingPane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });
/** Below 1100 px the sidebar is folded into this button, which opens it over the panes. */
export const sidebarButton = (page: Page) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Library' });

/** Clicks an application-menu item by its id, as the user would (works on tests/host and Electron). */
export async function clickMenu(app: App, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click();
  }, id);
}

/** Ends main as a power cut would (no quit, no flush), then starts the app on the same folder. */
export async function killAndRestart(app: App, launch: () => Promise<App>): Promise<Page> {
  const main = app.process();
  const gone = new Promise((resolve) => main.once('exit', resolve));
  main.kill('SIGKILL');
  await gone;
  const restarted = await launch();
  const window = await restarted.firstWindow();
  await expect(bulletinList(window)).toBeVisible();
  return window;
}

/** Runs an action of a collection or saved search from its "⋯" menu in the sidebar. */
export async function chooseItemAction(page: Page, item: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for “${item}”` }).click();
  await page
    .getByRole('menu', { name: `Actions for “${item}”` })
    .getByRole('menuitem', { name: action })
    .click();
}

export const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected bulletins' });

/** Opens the selection bar's "More…" menu (the actions beyond Bookmark and Mark read). */
export async function openMoreMenu(page: Page) {
  await selectionBar(page).getByRole('button', { name: 'More…' }).click();
  return selectionBar(page).getByRole('menu', { name: 'More…' });
}

/** Chooses an action from the selection bar's "More…" menu. */
export async function chooseFromMore(page: Page, name: string): Promise<void> {
  await (await openMoreMenu(page)).getByRole('menuitem', { name, exact: true }).click();
}

/**
 * Runs a bulk action by its label: the bar's button when the bar has room for it, else the same
 * action in "More…" (where Bookmark and Mark read go when the list pane is narrow).
 */
export async function chooseBulkAction(page: Page, name: string): Promise<void> {
  const button = selectionBar(page).getByRole('button', { name, exact: true });
  if (await button.isVisible()) await button.click();
  else await chooseFromMore(page, name);
}

/** Whether the bar offers an action (as a button or in "More…"), by its label. */
export async function bulkActionOffered(page: Page, name: string): Promise<boolean> {
  if (await selectionBar(page).getByRole('button', { name, exact: true }).isVisible()) return true;
  const menu = await openMoreMenu(page);
  const offered = await menu.getByRole('menuitem', { name, exact: true }).isVisible();
  await page.keyboard.press('Escape');
  return offered;
}
