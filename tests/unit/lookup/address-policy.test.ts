import { forbiddenAddressReason } from '@cited-articles/server/src/outbound/address-policy';

describe('forbiddenAddressReason', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.100.100.200', // Alibaba metadata
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fd00:ec2::254', // AWS metadata over IPv6
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '2002:c0a8:101::1', // 6to4 of 192.168.1.1
    'fec0::1', // site-local (deprecated, still routed inside some networks)
    '::ffff:0:7f00:1', // SIIT (RFC 6145) of 127.0.0.1
    '::ffff:0:a00:1', // SIIT of 10.0.0.1
    '224.0.0.1',
    '255.255.255.255',
  ])('refuses %s', (address) => {
    expect(forbiddenAddressReason(address)).not.toBeNull();
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::1', '::ffff:0:808:808'])(
    'allows the public address %s',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    }
  );

  it('refuses what is not an address', () => {
    expect(forbiddenAddressReason('example.org')).toBe('not an IP address');
  });
});
