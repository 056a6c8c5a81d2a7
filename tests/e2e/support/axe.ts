import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core over the whole window and expects no violation, naming each one found (rule, what
 * it says, the first elements) so a failure reads as a to-do list. label-content-name-mismatch is
 * one of axe's experimental rules: switched on, because voice control relies on it.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ` +
      violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join('; '),
  );
  expect(found, `axe violations in ${state}`).toEqual([]);
}
