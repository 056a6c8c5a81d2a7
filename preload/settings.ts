/** The user's settings (File › Settings…), kept in state.json. Plain JSON, like the rest of the contract. */
export interface Settings {
  /** Files larger than this are refused whole, before they are read. */
  importCapMegabytes: number;
  /** How often subscriptions refresh while the computer is online. */
  refreshMinutes: number;
  /**
   * Hosts on this computer or the local network that main may fetch from (an intranet feed
   * server), as normaliseHost writes them; every other local address is refused. Empty by default.
   */
  allowedLocalHosts: string[];
}

/** The settings that are whole numbers within a range. */
export type NumericSetting = 'importCapMegabytes' | 'refreshMinutes';

/** The range each numeric setting accepts, from main, so the dialog and main's validation agree. */
export type SettingsLimits = {
  readonly [K in NumericSetting]: { readonly min: number; readonly max: number };
};

/** At most this many allowed local hosts: a list to read at a glance, not a network map. */
export const MAX_ALLOWED_HOSTS = 50;

/**
 * A host as the URL parser writes it: lower case, IDN as punycode, IPv4 in dotted decimal whatever
 * its spelling (`0x7f.1`, `2130706433`, `0177.0.0.1` are all 127.0.0.1), IPv6 compressed and
 * without brackets. Null when it is not a bare host (a port, a path, user-info, a scheme). Shared
 * by the Settings dialog and main's request policy, so what the user lists and the host of an
 * address fetched compare as equals.
 */
export function normaliseHost(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 253 || /[/\\?#@\s]/.test(trimmed)) return null;
  // An IPv6 address needs brackets to be read as a URL's host ("host:80" then fails: no ports).
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  try {
    const { hostname, port } = new URL(`http://${bracketed}/`);
    if (port !== '') return null;
    return hostWithoutBrackets(hostname);
  } catch {
    return null;
  }
}

/** A URL's hostname as a connection needs it: `[::1]` is `::1`. */
export function hostWithoutBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
