import { describe, expect, it } from 'vitest';
import { placeAnchored } from '../../../../renderer/menus/menuPlace';

// A 640 px window's sidebar, whole: the bounds a menu hung from one of its items must stay within.
const SIDEBAR = { top: 0, bottom: 640 };
const ITEM_MENU = 170; // five items

describe('an item menu hung from its button', () => {
  it('opens under the button when it fits there', () => {
    expect(placeAnchored({ top: 200, bottom: 228 }, ITEM_MENU, SIDEBAR)).toEqual({ above: false });
  });

  it("opens above a button near the sidebar's bottom, instead of lengthening its scroll", () => {
    expect(placeAnchored({ top: 560, bottom: 588 }, ITEM_MENU, SIDEBAR)).toEqual({ above: true });
  });

  it('fits neither way whole: the side with more room, capped to it (the menu scrolls inside)', () => {
    const small = { top: 100, bottom: 300 };
    expect(placeAnchored({ top: 200, bottom: 228 }, ITEM_MENU, small)).toEqual({
      above: true,
      maxHeight: 92,
    });
    expect(placeAnchored({ top: 120, bottom: 148 }, ITEM_MENU, small)).toEqual({
      above: false,
      maxHeight: 144,
    });
  });

  it('keeps to what of the window is seen: a button scrolled half out at the bottom opens above', () => {
    expect(placeAnchored({ top: 630, bottom: 658 }, ITEM_MENU, SIDEBAR)).toEqual({ above: true });
  });
});
