import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address.js';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8', '1.1.1.1', '93.184.215.14', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1',
    '192.0.3.1', '198.20.0.1', '223.255.255.255',
    '2606:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::8.8.8.8', '2002:808:808::1', '[2606:4700::1111]',
  ])('accepts the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    // IPv4 loopback, private, shared, link-local, unspecified, broadcast, multicast, reserved, documentation
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1',
    '100.127.255.255', '169.254.169.254', '0.0.0.0', '0.1.2.3', '255.255.255.255', '224.0.0.1', '239.255.255.250',
    '240.0.0.1', '192.0.0.8', '192.0.2.1', '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9',
    // IPv6 unspecified, loopback, link-local, unique-local, site-local, multicast, documentation, discard, Teredo
    '::', '::1', '[::1]', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fc00::1', 'fd00::1', 'fec0::1', 'ff02::1',
    '2001:db8::1', '3fff::1', '100::1', '2001::1', '5f00::1', '4000::1',
    // IPv6 forms that carry a non-public IPv4 address
    '::ffff:10.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '64:ff9b::10.0.0.1',
    '64:ff9b::7f00:1', '2002:a00:1::', '::127.0.0.1', '64:ff9b:1::8.8.8.8',
    // not addresses at all
    '', 'localhost', 'example.com', '1.2.3', '256.1.1.1', '::g',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('refuses every address in 10.0.0.0/8', () => {
    fc.assert(fc.property(octet, octet, octet, (b, c, d) => !isPublicAddress(`10.${b}.${c}.${d}`)));
  });

  it('judges an IPv4-mapped or NAT64 IPv6 address as the IPv4 address it carries', () => {
    fc.assert(fc.property(ipv4, (address) => {
      const expected = isPublicAddress(address);
      return isPublicAddress(`::ffff:${address}`) === expected && isPublicAddress(`64:ff9b::${address}`) === expected;
    }));
  });
});
