import { ipcRenderer } from 'electron';
import { channels, eventChannel, type Reply } from './channels';
import type {
  BulletinDetail,
  Counts,
  ImportReport,
  IndexStatus,
  ListRequest,
  ListResult,
  SearchRequest,
  Topics,
} from './contract';

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply<T>;
  if (reply.ok) return reply.value;
  // contextBridge copies an Error's message only, so the message carries what the user reads.
  throw new Error(reply.error.message);
}

/**
 * The renderer's whole view of the app, exposed as `window.bulletins`.
 * Its type (`BulletinsApi`) is inferred from this object: one source of truth.
 */
export const api = {
  /** Rows of a sidebar view, newest first. */
  list: (request: ListRequest) => invoke<ListResult>(channels.list, request),
  /** Full-text search within a view, best match first. */
  search: (request: SearchRequest) => invoke<ListResult>(channels.search, request),
  /** Completions of the words being typed, best first. */
  suggest: (text: string) => invoke<string[]>(channels.suggest, text),
  /** The last searches, newest first. */
  recentSearches: () => invoke<string[]>(channels.recentSearches),
  /** Remembers a search the user settled on; resolves to the updated list. */
  rememberSearch: (text: string) => invoke<string[]>(channels.rememberSearch, text),
  /** Whether the search index is ready or still being built. */
  searchStatus: () => invoke<IndexStatus>(channels.searchStatus),
  /** One bulletin with its body, or null when it no longer exists. */
  get: (id: string) => invoke<BulletinDetail | null>(channels.get, id),
  counts: () => invoke<Counts>(channels.counts),
  /** Resolves to the new state: true when now bookmarked. */
  toggleBookmark: (id: string) => invoke<boolean>(channels.toggleBookmark, id),
  markRead: (id: string, read: boolean) => invoke<undefined>(channels.markRead, id, read),
  /** Asks for files with the system dialog and imports them; null when the user cancels. */
  importFiles: () => invoke<ImportReport | null>(channels.importFiles),
  /** Asks the user to confirm the real address, then opens it in the system browser. */
  openExternal: (url: string) => invoke<boolean>(channels.openExternal, url),
  /** Listens to an event from main; returns the function that stops listening. */
  subscribe<K extends keyof Topics>(topic: K, listener: (payload: Topics[K]) => void): () => void {
    const channel = eventChannel(topic);
    // The listener never sees the IpcRendererEvent (it carries `sender`, a way back into IPC).
    const forward = (_event: unknown, payload: Topics[K]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

export type BulletinsApi = typeof api;
