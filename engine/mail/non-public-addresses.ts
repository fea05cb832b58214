import { BlockList, isIP } from 'node:net';

/**
 * Every range that is not a destination on the public internet (IANA special-purpose registries):
 * loopback, private networks, carrier-grade NAT, link-local (cloud metadata at 169.254.169.254),
 * multicast, unspecified, documentation and benchmarking ranges, and the IPv6 forms that carry an
 * IPv4 address inside (mapped, compatible, NAT64, 6to4, Teredo), through which a private IPv4
 * address could be reached under another spelling.
 */
const NON_PUBLIC_RANGES: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 96, 'ipv6'],
  ['::ffff:0:0', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

// One list per family: a BlockList matches an IPv4 address against IPv6 rules as ::a.b.c.d, which
// ::/96 (IPv4-compatible, deprecated) would catch for every IPv4 address.
const nonPublic = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [network, prefix, family] of NON_PUBLIC_RANGES) nonPublic[family].addSubnet(network, prefix, family);

/** The BlockList family of an IP address, or undefined when the text is not one. */
export function addressFamily(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

/** Whether an IP address (in canonical text) lies outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = addressFamily(address);
  // A zone index (fe80::1%eth0) only ever names a link-local address.
  if (family === undefined) return true;
  return nonPublic[family].check(address, family);
}
