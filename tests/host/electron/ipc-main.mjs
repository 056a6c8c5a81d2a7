// ipcMain: the handlers and listeners main registers; web-contents.mjs calls them for each message.
import { EventEmitter } from 'node:events';

/** @typedef {(event: object, ...args: unknown[]) => unknown} InvokeHandler */

/** @type {Map<string, InvokeHandler>} */
export const invokeHandlers = new Map();

class IpcMain extends EventEmitter {
  /** @param {string} channel @param {InvokeHandler} handler */
  handle(channel, handler) {
    if (invokeHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, handler);
  }

  /** @param {string} channel @param {InvokeHandler} handler */
  handleOnce(channel, handler) {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  /** @param {string} channel */
  removeHandler(channel) {
    invokeHandlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();
