import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MenuCommand } from '../../../preload/contract';
import { WINDOW_MENU_COMMANDS } from '../../../renderer/commands/useWindowCommands';
import { TEXT_SIZE_MENU_COMMANDS } from '../../../renderer/layout/useWindowLayout';

/** Every hook that answers menu commands, with the ones it owns (useMenuCommands makes it handle each). */
const OWNERS = { useWindowCommands: WINDOW_MENU_COMMANDS, useWindowLayout: TEXT_SIZE_MENU_COMMANDS };

type Handled = (typeof OWNERS)[keyof typeof OWNERS][number];

describe('menu commands', () => {
  it('every command the menu can send has a handler in the window', () => {
    // Checked by the compiler (tsc includes tests): a MenuCommand added for a new menu item, with
    // no hook owning it, fails here; so does a hook owning something that is not a command.
    expectTypeOf<Handled>().toEqualTypeOf<MenuCommand>();
  });

  it('each command has one owner: two hooks would both run on one menu click', () => {
    const owned = Object.values(OWNERS).flat();
    expect(new Set(owned).size).toBe(owned.length);
  });
});
