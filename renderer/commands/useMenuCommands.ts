import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

/**
 * Runs the window's part of a menu item main reports (Edit › Find, View › Toggle Bookmark…). Each
 * feature hook names the commands that are its own (`owned`, a const list) and must give each of
 * them a handler, and no other: the lists together cover every MenuCommand
 * (tests/unit/renderer/menuCommands.test.ts), so a menu item without a handler does not compile.
 */
export function useMenuCommands<Owned extends MenuCommand>(
  owned: readonly Owned[],
  handlers: Readonly<Record<NoInfer<Owned>, () => void>>,
) {
  const run = useEffectEvent((command: MenuCommand) => {
    if (isOwned(owned, command)) handlers[command]();
  });
  useEffect(() => bridge().subscribe('menu:command', run), []);
}

const isOwned = <Owned extends MenuCommand>(
  owned: readonly Owned[],
  command: MenuCommand,
): command is Owned => (owned as readonly MenuCommand[]).includes(command);
