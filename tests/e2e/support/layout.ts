import type { Page } from '@playwright/test';

/**
 * Every visible control of the window that a user cannot reach: for each button, field and link
 * (scrolled into view first, as a user would scroll to it), its centre must be inside the window
 * and the topmost element there must be the control itself (not a notice, a pane or a menu over
 * it). Returns one line per fault: "name: outside 1024×640" or "name: covered by .notice".
 */
export async function unreachableControls(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate(async (root) => {
    const controls = document
      .querySelector(root)
      ?.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="menuitem"]');
    const faults: string[] = [];
    for (const control of controls ?? []) {
      if (!control.checkVisibility({ visibilityProperty: true })) continue;
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      await new Promise(requestAnimationFrame);
      const box = control.getBoundingClientRect();
      const name = (control.getAttribute('aria-label') ?? control.textContent ?? control.id)
        .trim()
        .slice(0, 40);
      const label = `${control.tagName.toLowerCase()} "${name}"`;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (box.width === 0 || box.height === 0) continue;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
        faults.push(
          `${label}: outside ${window.innerWidth}×${window.innerHeight} at ${Math.round(x)},${Math.round(y)}`,
        );
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (
        top &&
        top !== control &&
        !control.contains(top) &&
        !(top instanceof HTMLLabelElement && top.control === control)
      ) {
        faults.push(`${label}: covered by ${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`);
      }
    }
    return faults;
  }, within);
}
