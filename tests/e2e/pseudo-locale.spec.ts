import { expect, test } from './fixtures';

/**
 * The pseudo-locale (BULLETIN_UI_LANGUAGE=en-XA): every string the app shows is "⟦Ŧĥîš ···⟧".
 * A text without the brackets was never translated (hard-coded, or pieced together outside
 * i18n); a string whose closing bracket is cut off is clipped at 1280×800.
 */
test('in the pseudo-locale every view shows only translated strings, none clipped at 1280×800', async ({
  launch,
}) => {
  const app = await launch({ env: { BULLETIN_UI_LANGUAGE: 'en-XA' } });
  const window = await app.firstWindow();
  await window.setViewportSize({ width: 1280, height: 800 });
  await expect(window.locator('html')).toHaveAttribute('lang', 'en-XA');
  const rows = window.getByRole('listbox').last().getByRole('option');
  await expect(rows.first()).toBeVisible();

  /** Text nodes of the UI (bulletins' own words carry their `lang` and are left out). */
  const offenders = () =>
    window.evaluate(() => {
      const untranslated: string[] = [];
      const clipped: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const value = node.textContent?.trim() ?? '';
        if (!element || !/\p{L}{2}/u.test(value) || element.closest('[lang]:not(html)')) continue;
        if (element.closest('.visually-hidden, [hidden], select, input, textarea, code, kbd')) continue;
        if (element.getClientRects().length === 0) continue;
        // Data, not UI strings: dates (Intl), sources' and facets' names, the product name.
        if (element.closest('time, .row-source, .reader-source, .facet-value bdi, .sidebar-brand')) continue;
        const block = element.closest('p, span, h1, h2, h3, button, label, dt, dd, li, a, div') ?? element;
        const text = block.textContent ?? '';
        if (!text.includes('⟦')) untranslated.push(value);
        else if (
          block.scrollWidth > block.clientWidth + 1 &&
          getComputedStyle(block).overflow !== 'visible'
        ) {
          clipped.push(text);
        }
      }
      return { untranslated, clipped };
    });

  await rows.first().click();
  await expect(window.getByRole('article').first()).toBeVisible();
  expect(await offenders()).toEqual({ untranslated: [], clipped: [] });
});
