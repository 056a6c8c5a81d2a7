/** What the shortcut reference lists: the keys (as printed on a keyboard) and what they do. */
export interface ShortcutEntry {
  /** A key of `shortcuts.action` in ui.json. */
  action: string;
  /** Alternatives, each a key or a combination; "Mod" is Ctrl, or ⌘ on a Mac. */
  keys: readonly string[];
}

export const SHORTCUTS: readonly ShortcutEntry[] = [
  { action: 'next', keys: ['j', 'k', '↓', '↑'] },
  { action: 'open', keys: ['Enter'] },
  { action: 'back', keys: ['Esc'] },
  { action: 'search', keys: ['/', 'Mod+F'] },
  { action: 'bookmark', keys: ['b', 'Mod+D'] },
  { action: 'read', keys: ['m'] },
  { action: 'delete', keys: ['Delete'] },
  { action: 'undo', keys: ['Mod+Z'] },
  { action: 'tick', keys: ['Space', 'x'] },
  { action: 'rowMenu', keys: ['Shift+F10', 'Menu'] },
  { action: 'extend', keys: ['Shift+j', 'Shift+k', 'Shift+↓', 'Shift+↑'] },
  { action: 'selectAll', keys: ['Mod+A'] },
  { action: 'import', keys: ['Mod+O'] },
  { action: 'export', keys: ['Mod+E'] },
  { action: 'settings', keys: ['Mod+,'] },
  { action: 'textSize', keys: ['Mod++', 'Mod+-', 'Mod+0'] },
  { action: 'help', keys: ['?'] },
];

/** The combination as this computer's keyboard names it. */
export function keyLabel(keys: string, mac: boolean): string {
  return keys.replace('Mod+', mac ? '⌘' : 'Ctrl+');
}
