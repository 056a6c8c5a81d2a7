// Menu and MenuItem: the same objects as Electron's (items, getMenuItemById, click), never drawn.
// Role items are inert. Accelerators of the application menu fire when a window gets the key and the
// page did not handle it (web-contents.mjs forwards such keys to runAccelerator).

/** @typedef {import('electron').MenuItemConstructorOptions} MenuItemOptions */
/** @typedef {import('./browser-window.mjs').BrowserWindow} BrowserWindow */

export class MenuItem {
  /** @param {MenuItemOptions} options */
  constructor(options) {
    const { click, submenu, ...rest } = options;
    this.id = rest.id;
    this.label = rest.label ?? '';
    this.sublabel = rest.sublabel ?? '';
    this.toolTip = rest.toolTip ?? '';
    this.role = rest.role;
    this.type = rest.type ?? (submenu ? 'submenu' : 'normal');
    this.accelerator = rest.accelerator;
    this.registerAccelerator = rest.registerAccelerator ?? true;
    this.enabled = rest.enabled ?? true;
    this.visible = rest.visible ?? true;
    this.checked = rest.checked ?? false;
    /** @type {Menu | undefined} */
    this.submenu =
      submenu instanceof Menu
        ? submenu
        : Array.isArray(submenu)
          ? Menu.buildFromTemplate(submenu)
          : undefined;
    /** @type {Menu | null} */
    this.menu = null;
    this.#onClick = click;
  }

  /** @type {MenuItemOptions['click']} */
  #onClick;

  /**
   * As Electron's: flips checkboxes, then calls the template's click(menuItem, window, event).
   * @param {unknown} [event]
   * @param {BrowserWindow | null} [focusedWindow]
   * @param {unknown} [focusedWebContents]
   */
  click(event, focusedWindow, focusedWebContents) {
    void focusedWebContents;
    if (this.type === 'checkbox') this.checked = !this.checked;
    if (this.type === 'radio') this.checked = true;
    if (this.role || typeof this.#onClick !== 'function') return;
    this.#onClick(
      /** @type {import('electron').MenuItem} */ (/** @type {unknown} */ (this)),
      /** @type {import('electron').BaseWindow | undefined} */ (
        /** @type {unknown} */ (focusedWindow ?? undefined)
      ),
      /** @type {import('electron').KeyboardEvent} */ (event ?? {}),
    );
  }
}

export class Menu {
  constructor() {
    /** @type {MenuItem[]} */
    this.items = [];
  }

  /** @param {(MenuItemOptions | MenuItem)[]} template */
  static buildFromTemplate(template) {
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  /** @param {Menu | null} menu */
  static setApplicationMenu(menu) {
    applicationMenu.current = menu;
  }

  static getApplicationMenu() {
    return applicationMenu.current;
  }

  static sendActionToFirstResponder() {}

  /** @param {MenuItem} item */
  append(item) {
    item.menu = this;
    this.items.push(item);
  }

  /** @param {number} position @param {MenuItem} item */
  insert(position, item) {
    item.menu = this;
    this.items.splice(position, 0, item);
  }

  /**
   * Searches submenus too, as Electron does.
   * @param {string} id
   * @returns {MenuItem | null}
   */
  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }

  popup() {}

  closePopup() {}

  on() {
    return this;
  }

  once() {
    return this;
  }
}

/** @type {{ current: Menu | null }} */
const applicationMenu = { current: null };

/**
 * @typedef {object} KeyPress
 * @property {string} key  KeyboardEvent.key
 * @property {string} code  KeyboardEvent.code
 * @property {boolean} ctrl
 * @property {boolean} alt
 * @property {boolean} shift
 * @property {boolean} meta
 */

const KEY_ALIASES = /** @type {Record<string, string>} */ ({
  RETURN: 'ENTER',
  ESC: 'ESCAPE',
  ARROWUP: 'UP',
  ARROWDOWN: 'DOWN',
  ARROWLEFT: 'LEFT',
  ARROWRIGHT: 'RIGHT',
  ' ': 'SPACE',
  '+': 'PLUS',
  DEL: 'DELETE',
  INS: 'INSERT',
});

/** @param {string} key */
function normaliseKey(key) {
  const upper = key.toUpperCase();
  return KEY_ALIASES[upper] ?? upper;
}

/**
 * 'CmdOrCtrl+Shift+F' as the key press it means on Linux and Windows.
 * @param {string} accelerator
 * @returns {Omit<KeyPress, 'code'>}
 */
function parseAccelerator(accelerator) {
  // The key may itself be '+' ('CmdOrCtrl+Plus' or 'CmdOrCtrl++').
  const parts = accelerator.endsWith('++')
    ? [...accelerator.slice(0, -2).split('+'), '+']
    : accelerator.split('+');
  const press = { key: '', ctrl: false, alt: false, shift: false, meta: false };
  for (const part of parts) {
    const name = part.toLowerCase();
    if (['cmdorctrl', 'commandorcontrol', 'control', 'ctrl'].includes(name)) press.ctrl = true;
    else if (['alt', 'option', 'altgr'].includes(name)) press.alt = true;
    else if (name === 'shift') press.shift = true;
    else if (['command', 'cmd', 'super', 'meta'].includes(name)) press.meta = true;
    else press.key = normaliseKey(part);
  }
  return press;
}

/**
 * The key as an accelerator names it: letters and digits by position (Shift+1 is '1', not '!').
 * @param {KeyPress} press
 */
function keyOf(press) {
  const letter = /^Key([A-Z])$/.exec(press.code);
  if (letter?.[1]) return letter[1];
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(press.code);
  if (digit?.[1]) return digit[1];
  return normaliseKey(press.key);
}

/**
 * @param {Menu} menu
 * @returns {MenuItem[]}
 */
function itemsWithAccelerators(menu) {
  return menu.items.flatMap((item) => {
    if (!item.visible || !item.enabled) return [];
    const own = item.accelerator && item.registerAccelerator && !item.role ? [item] : [];
    return [...own, ...(item.submenu ? itemsWithAccelerators(item.submenu) : [])];
  });
}

/**
 * Runs the application-menu item whose accelerator is this key press, if any.
 * @param {KeyPress} press
 * @param {BrowserWindow | null} window
 * @returns {boolean} whether an item ran
 */
export function runAccelerator(press, window) {
  const menu = applicationMenu.current;
  if (!menu) return false;
  const key = keyOf(press);
  const item = itemsWithAccelerators(menu).find((candidate) => {
    const wanted = parseAccelerator(String(candidate.accelerator));
    return (
      wanted.key === key &&
      wanted.ctrl === press.ctrl &&
      wanted.alt === press.alt &&
      wanted.shift === press.shift &&
      wanted.meta === press.meta
    );
  });
  if (!item) return false;
  item.click(
    {
      triggeredByAccelerator: true,
      ctrlKey: press.ctrl,
      altKey: press.alt,
      shiftKey: press.shift,
      metaKey: press.meta,
    },
    window,
    window?.webContents,
  );
  return true;
}
