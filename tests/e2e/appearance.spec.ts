import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bulletinRows } from './support/ui';

// What the window looks like where review found it wrong: the reading pane's header at the sizes
// field laptops have, the sidebar's feed form in dark, the list's bookmark button without hover.

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
];

/** The tops of the reading pane's action buttons, and where the bulletin's text begins. */
const readerLayout = (window: Page) =>
  window.evaluate(() => {
    const tops = [...document.querySelectorAll('.reader-actions > :not([role="status"])')].map((button) =>
      Math.round(button.getBoundingClientRect().top),
    );
    const body = document.querySelector('.reader-body')?.getBoundingClientRect().top ?? Infinity;
    return { tops, body };
  });

for (const { scheme, language } of [
  { scheme: 'light', language: 'en' },
  { scheme: 'dark', language: 'en' },
  { scheme: 'light', language: 'ar' },
] as const) {
  test(`the reading pane, ${scheme}, ${language}: its text starts in the window's upper part at 1366×768 and 1024×640`, async ({
    launch,
  }) => {
    const window = await (await launch({ env: { BULLETIN_UI_LANGUAGE: language } })).firstWindow();
    await window.emulateMedia({ colorScheme: scheme });
    // The list by its role: its name is in the UI's language.
    const rows = window.getByRole('grid').getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    await rows.nth(1).click();
    await expect(window.locator('.reader-body')).toBeVisible();
    for (const size of SIZES) {
      await window.setViewportSize(size);
      const at = `${size.width}×${size.height}`;
      // Polled: below 1100 px the window folds its sidebar on the next render, widening the pane.
      const layout = () => readerLayout(window);
      // The header gave way: before, the text began 440 px down a 640 px window (69%).
      await expect
        .poll(async () => (await layout()).body, { message: `where the text begins at ${at}` })
        .toBeLessThanOrEqual(size.height * 0.65);
      // The actions on one line at every size and in every language: what does not fit is in More….
      await expect
        .poll(async () => new Set((await layout()).tops).size, { message: `lines of actions at ${at}` })
        .toBe(1);
    }
  });
}

test("dark: the sidebar's feed address and Subscribe wear the app's colours, not the browser's", async ({
  window,
}) => {
  await window.emulateMedia({ colorScheme: 'dark' });
  await window.setViewportSize({ width: 1366, height: 768 });
  const subscribe = window.getByRole('button', { name: 'Subscribe' });
  const address = window.getByRole('textbox', { name: 'Feed address' });
  await expect(subscribe).toBeVisible();
  const look = (selector: string) =>
    window.evaluate((chosen) => {
      const element = document.querySelector(chosen);
      if (!element) throw new Error(`nothing matches ${chosen}`);
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, border: style.borderTopColor, color: style.color };
    }, selector);
  // The list's own buttons (Mark all read) are the app's: the sidebar's are the same.
  const appButton = await look('.button');
  expect(await look('.subscriptions-add button')).toEqual(appButton);
  expect(await look('#subscription-address')).toEqual(appButton);
  await expect(address).toBeVisible();
});

test("the list's bookmark button is never invisible yet clickable, and shows where there is no hover", async ({
  window,
}) => {
  await expect(bulletinRows(window).nth(3)).toBeVisible();
  const buttons = await window.evaluate(() =>
    [...document.querySelectorAll('.row-bookmark')].map((button) => {
      const style = getComputedStyle(button);
      return { opacity: style.opacity, pointerEvents: style.pointerEvents };
    }),
  );
  expect(buttons.length).toBeGreaterThan(3);
  for (const button of buttons) if (button.opacity === '0') expect(button.pointerEvents).toBe('none');
  // This Chromium has no hovering pointer, as a touch screen: every row shows it.
  if (await window.evaluate(() => matchMedia('(hover: none)').matches))
    expect(buttons.every((button) => button.opacity === '1')).toBe(true);
  // Keyboard: the row with the focus shows it, named for screen readers.
  await bulletinRows(window).nth(2).focus();
  const focused = bulletinRows(window).nth(2).locator('.row-bookmark');
  await expect(focused).toHaveCSS('opacity', '1');
  await expect(focused).toHaveAccessibleName(/bookmark/i);
});
