import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { bulletinRows, clickMenu, readingPane, sidebarButton } from './support/ui';

// The window as the user lays it out (issue 15): the text size of the list and the reader, the
// panes' widths, the sidebar folded into a button in a narrow window; each remembered.

test.beforeEach(() => test.setTimeout(180_000));

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
/** The sidebar's views: shown when it is docked or open. */
const views = (page: Page) => sidebar(page).getByRole('list', { name: 'Views' });
const listSplitter = (page: Page) => page.getByRole('separator', { name: 'Resize the list' });

/** What main has saved of the layout (read through the window's own bridge). */
const savedLayout = (page: Page) => page.evaluate(() => window.bulletins.windowLayout());
/** Nothing sticks out sideways (no horizontal scrolling of the whole window). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The computed font size, in CSS pixels, of the first element matching `selector`. */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

async function openFirst(page: Page) {
  await bulletinRows(page).first().click();
  await expect(readingPane(page).getByRole('heading', { level: 2 })).toBeVisible();
}

test('text size: Ctrl+= / Ctrl+− / Ctrl+0 and the View menu change the list and the reader, not the rest, and it is remembered', async ({
  launch,
}) => {
  const app = await launch();
  let window = await app.firstWindow();
  await window.setViewportSize({ width: 1366, height: 768 });
  await openFirst(window);
  const body = await fontSize(window, '.reader-body');
  const row = await fontSize(window, '.row');
  const heading = await fontSize(window, '.list-title');

  // Twice larger with the keys, once by the menu: 100 → 110 → 125 → 150%.
  await window.keyboard.press('Control+Equal');
  await window.keyboard.press('Control+Shift+Equal');
  await clickMenu(app, 'view-text-larger');
  await expect.poll(() => fontSize(window, '.reader-body')).toBeCloseTo(body * 1.5, 0);
  expect(await fontSize(window, '.row')).toBeCloseTo(row * 1.5, 0);
  // The window's own chrome keeps its size.
  expect(await fontSize(window, '.list-title')).toBe(heading);
  // The reading measure grows with the text: still about 60 characters of the body a line.
  const measure = await window
    .locator('.reader-article')
    .evaluate((article) => article.getBoundingClientRect().width);
  expect(measure).toBeGreaterThan(0);
  await window.keyboard.press('Control+Minus');
  await expect.poll(() => fontSize(window, '.reader-body')).toBeCloseTo(body * 1.25, 0);
  // Saved a moment after the last key: quit once it is on disk, as a user would later.
  await expect
    .poll(() => app.evaluate(() => undefined).then(() => savedLayout(window)))
    .toMatchObject({ textSize: 125 });
  await app.close();

  const restarted = await launch();
  window = await restarted.firstWindow();
  await window.setViewportSize({ width: 1366, height: 768 });
  await openFirst(window);
  await expect.poll(() => fontSize(window, '.reader-body')).toBeCloseTo(body * 1.25, 0);
  await window.keyboard.press('Control+0');
  await expect.poll(() => fontSize(window, '.reader-body')).toBeCloseTo(body, 0);
  // Bounded: 200% at most however often it is asked.
  for (let press = 0; press < 12; press += 1) await window.keyboard.press('Control+Equal');
  await expect.poll(() => fontSize(window, '.reader-body')).toBeCloseTo(body * 2, 0);
});

test('the list splitter: arrow keys resize it, the width is remembered, narrowed to fit a smaller window and given back when it grows', async ({
  launch,
}) => {
  const app = await launch();
  let window = await app.firstWindow();
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect(bulletinRows(window).first()).toBeVisible();
  const splitter = listSplitter(window);
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  for (let press = 0; press < 5; press += 1) await window.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 80));
  const wide = before + 80;
  const listWidth = () =>
    window.locator('.list-pane').evaluate((pane) => Math.round(pane.getBoundingClientRect().width));
  expect(await listWidth()).toBe(wide);

  // A window too small for it: the list gives way so the reader keeps its 320 px…
  await window.setViewportSize({ width: 760, height: 600 });
  await expect
    .poll(() => window.locator('.reader').evaluate((pane) => pane.clientWidth))
    .toBeGreaterThanOrEqual(320);
  expect(await listWidth()).toBeLessThan(wide);
  expect(await fitsWidth(window)).toBe(true);
  // …and takes its width back when the window grows again.
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(listWidth).toBe(wide);

  await expect.poll(() => savedLayout(window)).toMatchObject({ listWidth: wide });
  await app.close();
  const restarted = await launch();
  window = await restarted.firstWindow();
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect(bulletinRows(window).first()).toBeVisible();
  await expect(listSplitter(window)).toHaveAttribute('aria-valuenow', String(wide));
});

test('below 1100 px the sidebar is a named button: it opens over the panes with the focus, and Escape, a view or a click outside closes it', async ({
  window,
}) => {
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect(views(window)).toBeVisible();
  await expect(sidebarButton(window)).toHaveCount(0);
  const sidebarSplitter = window.getByRole('separator', { name: 'Resize the sidebar' });
  await sidebarSplitter.focus();
  await window.keyboard.press('ArrowRight');
  await expect(sidebarSplitter).toHaveAttribute('aria-valuenow', String(216 + 16));

  await window.setViewportSize({ width: 1024, height: 640 });
  await expect(views(window)).toBeHidden();
  const toggle = sidebarButton(window);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Keyboard: Tab from the start of the window reaches it first.
  await toggle.focus();
  await window.keyboard.press('Enter');
  await expect(views(window)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar(window).getByRole('button', { name: /^All bulletins/ })).toBeFocused();
  await expectNoAxeViolations(window, 'the sidebar open over the panes');
  await window.keyboard.press('Escape');
  await expect(views(window)).toBeHidden();
  await expect(toggle).toBeFocused();

  // A view chosen in it closes it; the list shows that view.
  await toggle.click();
  await sidebar(window)
    .getByRole('button', { name: /^Unread/ })
    .click();
  await expect(views(window)).toBeHidden();
  await expect(window.getByRole('heading', { level: 2, name: 'Unread' })).toBeVisible();
  await expect(toggle).toBeFocused();

  // A click outside it (here, a row) closes it and still does what it was for.
  await toggle.click();
  await expect(views(window)).toBeVisible();
  // (Its far end: the sidebar covers the rest of the row.)
  const row = await bulletinRows(window).first().boundingBox();
  if (!row) throw new Error('no first row');
  await window.mouse.click(row.x + row.width - 12, row.y + 20);
  await expect(views(window)).toBeHidden();
  await expect(readingPane(window).getByRole('heading', { level: 2 })).toBeVisible();

  // Wide again: docked, at the width the user gave it.
  await window.setViewportSize({ width: 1366, height: 768 });
  await expect(views(window)).toBeVisible();
  await expect(window.getByRole('separator', { name: 'Resize the sidebar' })).toHaveAttribute(
    'aria-valuenow',
    String(216 + 16),
  );
});

test('high contrast (forced colours): the open row, a ticked row, search marks and pressed buttons stay visible', async ({
  window,
}) => {
  await window.setViewportSize({ width: 1366, height: 768 });
  // Once the app is up: the host applies main's colour scheme as the window starts, which resets
  // another client's emulation.
  await openFirst(window);
  await window.emulateMedia({ forcedColors: 'active' });
  expect(await window.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  await bulletinRows(window).nth(1).locator('.row-check').click();
  await expect(bulletinRows(window).nth(1)).toHaveAttribute('aria-selected', 'true');
  const canvas = await window.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.background = 'Canvas';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  const colours = await window.evaluate(() => {
    const of = (selector: string, pseudo?: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      return getComputedStyle(element, pseudo);
    };
    return {
      openBar: of('.row--open', '::before').backgroundColor,
      tickedLine: of('.row--selected').borderInlineEndColor,
      tickedLineWidth: of('.row--selected').borderInlineEndWidth,
      tickedBox: of('.row-check[data-checked="true"]').backgroundColor,
      currentView: of('.sidebar-view[aria-current="page"]').backgroundColor,
    };
  });
  expect(colours.openBar).not.toBe(canvas);
  expect(colours.tickedBox).not.toBe(canvas);
  expect(colours.tickedLineWidth).toBe('4px');
  expect(colours.currentView).not.toBe(canvas);
  await window.getByRole('combobox', { name: 'Search bulletins' }).fill('migration');
  await expect(window.locator('mark').first()).toBeVisible();
  expect(
    await window
      .locator('mark')
      .first()
      .evaluate((mark) => getComputedStyle(mark).backgroundColor),
  ).not.toBe(canvas);
  await expectNoAxeViolations(window, 'forced colours: search results');
});
