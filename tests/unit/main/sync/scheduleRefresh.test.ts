import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleRefresh } from '../../../../main/sync/subscriptions';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleRefresh', () => {
  it('refreshes every N minutes while online, and a changed interval counts from the change', () => {
    let refreshes = 0;
    let online = true;
    const setMinutes = scheduleRefresh(
      () => (refreshes += 1),
      30,
      () => online,
    );

    vi.advanceTimersByTime(60 * 60_000);
    expect(refreshes).toBe(2);

    online = false;
    vi.advanceTimersByTime(30 * 60_000);
    expect(refreshes).toBe(2);
    online = true;

    setMinutes(5);
    vi.advanceTimersByTime(5 * 60_000);
    expect(refreshes).toBe(3);
    vi.advanceTimersByTime(25 * 60_000);
    expect(refreshes).toBe(8);

    // The same interval again leaves the schedule as it is.
    vi.advanceTimersByTime(4 * 60_000);
    setMinutes(5);
    vi.advanceTimersByTime(60_000);
    expect(refreshes).toBe(9);
  });
});
