// shell: nothing leaves the host; every call is recorded for the test to read.
import { records } from './records.mjs';

export const shell = {
  /** @param {string} url */
  openExternal: async (url) => {
    records.shell.push({ method: 'openExternal', target: String(url) });
  },
  /** @param {string} path Resolves '' (no error), as Electron does on success. */
  openPath: async (path) => {
    records.shell.push({ method: 'openPath', target: String(path) });
    return '';
  },
  /** @param {string} path */
  showItemInFolder: (path) => {
    records.shell.push({ method: 'showItemInFolder', target: String(path) });
  },
  /** @param {string} path */
  trashItem: async (path) => {
    records.shell.push({ method: 'trashItem', target: String(path) });
  },
  beep: () => {
    records.shell.push({ method: 'beep', target: '' });
  },
};
