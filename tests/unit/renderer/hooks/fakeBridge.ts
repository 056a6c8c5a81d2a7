import type { BulletinsApi } from '../../../../preload/api';
import { channels } from '../../../../preload/channels';
import type { BulletinRow, Topics } from '../../../../preload/contract';

type Listener = (payload: never) => void;

/**
 * `window.bulletins` for a hook test: the methods a test gives, typed by the real API; any other
 * call fails the test by name. Records every call, and pushes events as main would.
 */
export function installFakeBridge(methods: Partial<BulletinsApi>) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const subscribe = (topic: string, listener: Listener) => {
    let forTopic = listeners.get(topic);
    if (!forTopic) listeners.set(topic, (forTopic = new Set()));
    forTopic.add(listener);
    return () => void forTopic.delete(listener);
  };
  const api = new Proxy({} as BulletinsApi, {
    get(_target, name: string) {
      if (name === 'subscribe') return subscribe;
      const method = (methods as Record<string, (...args: unknown[]) => unknown>)[name];
      return (...args: unknown[]) => {
        calls.push({ method: name, args });
        if (!method) return Promise.reject(new Error(`the test did not fake bulletins.${name}`));
        return method(...args);
      };
    },
    // Every method of the API, as the real object has (bridge() wraps each one it finds).
    ownKeys: () => [...Object.keys(channels), 'subscribe'],
    getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
  });
  window.bulletins = api;
  return {
    calls,
    callsOf: (method: keyof BulletinsApi) => calls.filter((call) => call.method === method),
    emit<K extends keyof Topics>(topic: K, payload: Topics[K]) {
      for (const listener of listeners.get(topic) ?? []) (listener as (value: Topics[K]) => void)(payload);
    },
  };
}

export const rowOf = (index: number, marks: Partial<BulletinRow> = {}): BulletinRow => ({
  id: `b${index}`,
  title: `Bulletin ${index}`,
  published: '2020-11-12',
  source: 'IOM',
  language: 'en',
  excerpt: '',
  bookmarked: false,
  read: false,
  noted: false,
  ...marks,
});

export const COUNTS = { all: 0, unread: 0, bookmarks: 0, collections: [] };
