export type AllowedHostsReading =
  | { kind: 'hosts'; hosts: string[] }
  | { kind: 'notHosts'; entries: string[] }
  | { kind: 'tooMany'; max: number };

/**
 * What the user typed as allowed local hosts: one per line (commas and spaces also separate),
 * each written as the URL parser writes a host (`LOCALHOST` is `localhost`, `0x7f.1` is
 * `127.0.0.1`, IDN as punycode), without repeats. Entries that are not bare hosts (an address, a
 * port) are named so the user can correct them. The same WHATWG rule as main/net/hostName.ts,
 * which refuses anything not written this way.
 */
export function readAllowedHosts(typed: string, max: number): AllowedHostsReading {
  const entries = typed.split(/[\s,]+/).filter((entry) => entry !== '');
  const hosts = entries.map(hostOf);
  const wrong = entries.filter((_entry, position) => hosts[position] === null);
  if (wrong.length > 0) return { kind: 'notHosts', entries: wrong };
  const unique = [...new Set(hosts.filter((host) => host !== null))];
  return unique.length > max ? { kind: 'tooMany', max } : { kind: 'hosts', hosts: unique };
}

function hostOf(entry: string): string | null {
  if (entry.length > 253 || /[/\\?#@]/.test(entry)) return null;
  const bracketed = entry.includes(':') && !entry.startsWith('[') ? `[${entry}]` : entry;
  try {
    const { hostname, port } = new URL(`http://${bracketed}/`);
    if (port !== '') return null;
    return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  } catch {
    return null;
  }
}
