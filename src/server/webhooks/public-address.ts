import { BlockList, isIP } from 'node:net';

/** IPv4 ranges that are not public unicast (IANA special-purpose registry, RFC 6890 and successors). */
const NON_PUBLIC_V4 = blockList('ipv4', [
  ['0.0.0.0', 8], // "this network", incl. the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (and cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast, deprecated
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. the broadcast address
]);

/** Only 2000::/3 is global unicast; everything else in IPv6 is loopback, link-local, unique-local, multicast or reserved. */
const GLOBAL_UNICAST_V6 = blockList('ipv6', [['2000::', 3]]);

/** Blocks inside 2000::/3 that are not public unicast. */
const NON_PUBLIC_V6 = blockList('ipv6', [
  ['2001::', 23], // IETF protocol assignments, incl. Teredo (2001::/32), which tunnels to any IPv4 address
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
]);

/**
 * True when `address` (IPv4 or IPv6 text, brackets and zone allowed) is a public unicast address a server may be
 * made to connect to. Anything else, including text that is not an address, is false. IPv6 forms that carry an
 * IPv4 address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address they carry.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return !NON_PUBLIC_V4.check(bare, 'ipv4');
  if (version !== 6) return false;
  const groups = ipv6Groups(bare);
  const carried = carriedIpv4(groups);
  if (carried !== undefined) return !NON_PUBLIC_V4.check(carried, 'ipv4');
  return GLOBAL_UNICAST_V6.check(bare, 'ipv6') && !NON_PUBLIC_V6.check(bare, 'ipv6');
}

/** The IPv4 address an IPv6 address stands for, where its prefix says it carries one. */
function carriedIpv4(groups: readonly number[]): string | undefined {
  const at = (i: number): number => groups[i] ?? 0;
  const zeros = (from: number, to: number): boolean => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && at(5) === 0xffff) return ipv4Of(at(6), at(7)); // ::ffff:a.b.c.d
  if (at(0) === 0x64 && at(1) === 0xff9b && zeros(2, 6)) return ipv4Of(at(6), at(7)); // 64:ff9b::a.b.c.d
  if (at(0) === 0x2002) return ipv4Of(at(1), at(2)); // 2002:aabb:ccdd::
  return undefined;
}

function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address already validated by isIP. */
function ipv6Groups(text: string): number[] {
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let hex = text;
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    hex = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = hex.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function blockList(type: 'ipv4' | 'ipv6', subnets: readonly (readonly [string, number])[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}
