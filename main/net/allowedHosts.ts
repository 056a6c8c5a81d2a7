import { normaliseHost } from './hostName';

/**
 * Whether the user allowed this host (Settings › Allowed local hosts): by name, then whatever it
 * resolves to, or by the address it resolved to. Entries that are not hosts (a hand-edited
 * state.json) are ignored.
 */
export function isAllowedHost(allowed: readonly string[], host: string, address: string): boolean {
  const entries = new Set(allowed.flatMap((entry) => normaliseHost(entry) ?? []));
  return entries.has(host) || entries.has(normaliseHost(address) ?? '');
}
