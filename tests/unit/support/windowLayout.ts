import { afterAll, beforeAll } from 'vitest';

/**
 * happy-dom lays nothing out: for the tests of the file that calls this, the list has a window's
 * height and each row a row's, so the virtualiser draws what a screen would (a dozen rows and its
 * overscan), not all of them or none. Put back after the file's tests.
 */
export function layOutLikeAWindow(): void {
  const layout = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 92 });
  });
  afterAll(() => {
    for (const [name, descriptor] of Object.entries(layout))
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  });
}
