import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../preload/contract';
import { bridge } from '../bridge/bridge';

/**
 * Runs the window's part of a menu item main reports (Edit › Find, View › Toggle Bookmark…); each
 * feature hook takes the commands that are its own.
 */
export function useMenuCommands(commands: Partial<Record<MenuCommand, () => void>>) {
  const run = useEffectEvent((command: MenuCommand) => commands[command]?.());
  useEffect(() => bridge().subscribe('menu:command', run), []);
}
