import { describe, expect, it } from 'vitest';
import { READER_MIN_WIDTH, shownListWidth, shownSidebarWidth } from '../../../../renderer/layout/paneWidths';

describe('pane widths', () => {
  it('shows the list at the width asked for when the window has room', () => {
    expect(shownListWidth(500, 1400)).toEqual({ width: 500, min: 260, max: 720 });
  });

  it('narrows the list so the reader keeps its room, and gives the width back as the window grows', () => {
    const narrow = shownListWidth(600, 700);
    expect(narrow.width).toBe(700 - 5 - READER_MIN_WIDTH);
    expect(narrow.max).toBe(narrow.width);
    // The asked width is not changed by the clamp: a wider window shows it again.
    expect(shownListWidth(600, 1200).width).toBe(600);
  });

  it('never goes under its minimum, however small the window', () => {
    expect(shownListWidth(600, 400)).toEqual({ width: 260, min: 260, max: 260 });
  });

  it('defaults to two fifths of the panes, 280 to 420 px', () => {
    expect(shownListWidth(undefined, 1145).width).toBe(420);
    expect(shownListWidth(undefined, 980).width).toBe(392);
    expect(shownListWidth(undefined, 639).width).toBe(280);
  });

  it('keeps the sidebar within its bounds', () => {
    expect(shownSidebarWidth(undefined).width).toBe(216);
    expect(shownSidebarWidth(1000).width).toBe(360);
    expect(shownSidebarWidth(10).width).toBe(176);
  });
});
