/**
 * A host as the URL parser writes it: lower case, IDN as punycode, IPv4 in dotted decimal whatever
 * its spelling (`0x7f.1`, `2130706433`, `0177.0.0.1` are all 127.0.0.1), IPv6 compressed and
 * without brackets. Null when it is not a bare host (a port, a path, user-info, a scheme). What the
 * user lists in Settings and the host of each address fetched go through it, so they compare as
 * equals. (The Settings dialog applies the same WHATWG rule in the page: renderer/settings/
 * readAllowedHosts.ts; main's settings schema refuses anything not written this way.)
 */
export function normaliseHost(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 253 || /[/\\?#@\s]/.test(trimmed)) return null;
  // An IPv6 address needs brackets to be read as a URL's host ("host:80" then fails: no ports).
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  try {
    const { hostname, port } = new URL(`http://${bracketed}/`);
    return port === '' ? hostWithoutBrackets(hostname) : null;
  } catch {
    return null;
  }
}

/** A URL's hostname as a connection needs it: `[::1]` is `::1`. */
export function hostWithoutBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
