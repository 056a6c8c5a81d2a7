import { MAX_ALLOWED_HOSTS, normaliseHost } from '../../preload/settings';

export type AllowedHostsReading =
  | { kind: 'hosts'; hosts: string[] }
  | { kind: 'notHosts'; entries: string[] }
  | { kind: 'tooMany'; max: number };

/**
 * What the user typed as allowed local hosts: one per line (commas and spaces also separate),
 * each normalised (`LOCALHOST` is `localhost`, `0x7f.1` is `127.0.0.1`), without repeats.
 * Entries that are not bare hosts (a URL, a port) are named so the user can correct them.
 */
export function readAllowedHosts(typed: string): AllowedHostsReading {
  const entries = typed.split(/[\s,]+/).filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => normaliseHost(entry) === null);
  if (wrong.length > 0) return { kind: 'notHosts', entries: wrong };
  const hosts = [...new Set(entries.map((entry) => normaliseHost(entry) ?? ''))];
  return hosts.length > MAX_ALLOWED_HOSTS ? { kind: 'tooMany', max: MAX_ALLOWED_HOSTS } : { kind: 'hosts', hosts };
}
