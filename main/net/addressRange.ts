import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is on the public internet: the only addresses main fetches from unless
 * the user allowed the host (Settings › Allowed local hosts). Everything else is refused:
 * loopback, private (RFC 1918), link-local (169.254/16, where cloud metadata lives; fe80::/10),
 * CGNAT (100.64/10), unique-local (fc00::/7), multicast, broadcast, unspecified and 0.0.0.0/8,
 * documentation and reserved blocks. ipaddr.js's range table names each block; anything it does
 * not call "unicast" is refused, so a block added to it later is refused too.
 *
 * An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d,
 * NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::) is judged by the IPv4 address it carries:
 * `::ffff:127.0.0.1` is loopback, while a public site reached through a NAT64 gateway stays
 * reachable on an IPv6-only network. Forms that hide the IPv4 address (Teredo, local-use NAT64
 * 64:ff9b:1::/48) are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const carried = carriedIPv4(parsed as ipaddr.IPv6);
  if (carried === 'hidden') return false;
  if (carried) return carried.range() === 'unicast';
  return parsed.range() === 'unicast';
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const NAT64_LOCAL_USE = ipaddr.parseCIDR('64:ff9b:1::/48');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

/** The IPv4 address an IPv6 one embeds, 'hidden' when it embeds one we cannot read, else null. */
function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | 'hidden' | null {
  const bytes = address.toByteArray();
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (address.match(NAT64_LOCAL_USE)) return 'hidden';
  if (address.match(IPV4_COMPATIBLE) || address.match(NAT64_WELL_KNOWN))
    return ipaddr.fromByteArray(bytes.slice(12)) as ipaddr.IPv4;
  if (address.match(SIX_TO_FOUR)) return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  return null;
}
