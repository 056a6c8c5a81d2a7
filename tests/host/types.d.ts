// Types shared by launch.mjs (the test side) and electron/*.mjs (the stand-in inside the main process).
import type { ChildProcess } from 'node:child_process';
import type * as electron from 'electron';
import type { BrowserContext, Page } from 'playwright-core';

/** Scripted answers, used in order by the stand-in's dialogs when a test did not replace them. */
export interface DialogScript {
  /** showOpenDialog: the chosen paths, or null for cancel. When empty: canceled. */
  open?: (string[] | null)[];
  /** showSaveDialog: the chosen path, or null for cancel. When empty: canceled. */
  save?: (string | null)[];
  /** showMessageBox: the index of the button pressed. When empty: defaultId, else 0. */
  message?: number[];
}

export interface LaunchOptions {
  /** The app's user-data folder (app.getPath('userData') and BULLETIN_USER_DATA_DIR). */
  userDataDir: string;
  dialogs?: DialogScript;
  /** Added to the main process's environment. */
  env?: Record<string, string>;
  /** Default true. False opens visible Chromium windows (needs a display on Linux). */
  headless?: boolean;
  /** The simulated OS colour preference (nativeTheme with themeSource 'system'). Default 'light'. */
  colorScheme?: 'light' | 'dark';
  /** Default: find-chromium.mjs. */
  chromiumPath?: string;
  /** Milliseconds to wait for the main process and Chromium to start. Default 30 000. */
  timeout?: number;
  /** Echo the main process's stdout/stderr with a prefix. Default: $DEBUG is set. */
  debug?: boolean;
  /** The main bundle to run. Default: out/main/index.js of this repository. */
  entry?: string;
  /** app.getAppPath() and the main process's working directory. Default: this repository. */
  appPath?: string;
}

export interface DialogRecord {
  kind: 'open' | 'save' | 'message' | 'error';
  /** BrowserWindow id the dialog was attached to, or null. */
  window: number | null;
  /** The options main passed (functions dropped); for 'error': { title, content }. */
  options: Record<string, unknown>;
  /** What the stand-in answered, e.g. { canceled, filePaths } or { response }. */
  answer: unknown;
}

export interface ShellRecord {
  method: 'openExternal' | 'openPath' | 'showItemInFolder' | 'trashItem' | 'beep';
  target: string;
}

export interface BlockedRequest {
  /** As the app would see it (app:// for the app's own scheme). */
  url: string;
  resourceType: string;
  /** 'cancelled-by-app': main's webRequest.onBeforeRequest cancelled it; 'no-network': the host never lets a request out. */
  reason: 'cancelled-by-app' | 'no-network';
  windowId: number | null;
}

/** What crossed the bridge on one channel, both ways (JSON bytes, as the host's transport sends them). */
export interface IpcTraffic {
  /** Invokes from a window, or events main sent to one. */
  messages: number;
  bytes: number;
}

export interface HostRecords {
  dialogs: DialogRecord[];
  shell: ShellRecord[];
  blocked: BlockedRequest[];
  /** By channel (`bulletins:list`, `event:library:changed`…), counted since start. */
  ipc: Record<string, IpcTraffic>;
}

/** What launchApp resolves to: the shape of Playwright's ElectronApplication, plus the host's records. */
export interface HostApp {
  /** Resolves with the app's first window once its first page has committed. */
  firstWindow(options?: { timeout?: number }): Promise<Page>;
  /** The app's open windows (those whose first page committed), oldest first. */
  windows(): Page[];
  /** Chromium's browser context holding every window. */
  context(): BrowserContext;
  /** Runs fn(electronModule, arg) in the main process and returns its (cloned) result. */
  evaluate<R, Arg = undefined>(
    fn: (electronModule: typeof electron, arg: Arg) => R | Promise<R>,
    arg?: Arg,
  ): Promise<Awaited<R>>;
  /** The main process (node running out/main/index.js on the stand-in). */
  process(): ChildProcess;
  /** app.quit() in main, then waits for the process to end; kills it after a grace period. */
  close(): Promise<void>;
  on(event: 'window', listener: (page: Page) => void): this;
  on(event: 'close', listener: () => void): this;
  waitForEvent(event: 'window', options?: { timeout?: number }): Promise<Page>;
  waitForEvent(event: 'close', options?: { timeout?: number }): Promise<void>;
  /** Every dialog shown so far, in order. */
  dialogsShown(): Promise<DialogRecord[]>;
  /** URLs passed to shell.openExternal, in order. */
  openedExternally(): Promise<string[]>;
  shellCalls(): Promise<ShellRecord[]>;
  /** Requests from any window that did not reach the app's protocol handler. */
  blockedRequests(): Promise<BlockedRequest[]>;
  /** Calls and events that crossed the bridge so far, by channel (what a bench counts). */
  ipcTraffic(): Promise<Record<string, IpcTraffic>>;
  readonly userDataDir: string;
}

/** Configuration the launcher hands the main process in $ELECTRON_STANDIN_CONFIG (JSON). */
export interface StandInConfig {
  chromiumPath: string;
  headless: boolean;
  /** Scratch folder of this launch: Chromium's profile, app.getPath('temp'|'home'|…). Removed on close. */
  tempDir: string;
  /** app.getAppPath(): the folder holding package.json. */
  appPath: string;
  dialogs: DialogScript;
  colorScheme: 'light' | 'dark';
  debug: boolean;
}

/** Messages from the main process to the launcher. */
export type ChildMessage =
  | { type: 'ready'; endpoint: string; chromiumPid: number }
  | { type: 'window'; targetId: string }
  | { type: 'window-closed'; targetId: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'fatal'; message: string };

/** Messages from the launcher to the main process. */
export type ParentMessage =
  | { type: 'evaluate'; id: number; source: string; arg: unknown }
  | { type: 'records'; id: number }
  /** The launcher attached to this window's page (which resets CDP emulation overrides). */
  | { type: 'attached'; targetId: string }
  | { type: 'quit'; id: number };
