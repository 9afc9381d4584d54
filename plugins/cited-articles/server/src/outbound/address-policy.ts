import ipaddr from 'ipaddr.js';

/**
 * Address ranges an outbound fetch must never reach, as ipaddr.js names them: loopback, private
 * networks, link-local (which holds the cloud metadata service at 169.254.169.254), carrier-grade
 * NAT, multicast, reserved and unspecified addresses, and IPv6 unique-local and site-local ones.
 * Everything else ('unicast' in ipaddr.js's terms, plus documentation ranges of no consequence) is
 * public. An IPv4 address written as IPv6 (::ffff:10.0.0.1, NAT64, 6to4, Teredo) is judged by the
 * IPv4 address it carries, so the mapping cannot smuggle a private address through.
 */
const FORBIDDEN_RANGES = new Set([
  'unspecified',
  'broadcast',
  'multicast',
  'linkLocal',
  'loopback',
  'carrierGradeNat',
  'private',
  'reserved',
  'uniqueLocal',
  // fec0::/10: ipaddr.js 2.x names it deprecatedSiteLocal; older versions siteLocal.
  'siteLocal',
  'deprecatedSiteLocal',
  'benchmarking',
  'amt',
  'as112',
  'as112v6',
  'deprecated',
  'orchid2',
  'droneRemoteIdProtocolEntityTags',
]);

/** Metadata endpoints outside the ranges above (AWS's IPv6 one sits in unique-local already). */
const METADATA_ADDRESSES = new Set(['100.100.100.200', 'fd00:ec2::254']);

/** The IPv4 address an IPv6 address embeds, for the forms that carry one. */
const embeddedIpv4 = (address: ipaddr.IPv6): ipaddr.IPv4 | null => {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const parts = address.parts;
  const range = address.range();
  // 64:ff9b::/96 (NAT64), ::ffff:0:a.b.c.d (SIIT, RFC 6145) and ::a.b.c.d (IPv4-compatible,
  // deprecated): the last 32 bits.
  if (range === 'rfc6052' || range === 'rfc6145' || (parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || parts[7] > 1))) {
    return ipaddr.IPv4.parse(`${parts[6] >> 8}.${parts[6] & 255}.${parts[7] >> 8}.${parts[7] & 255}`);
  }
  // 2002::/16 (6to4): bits 16–47.
  if (range === '6to4') return ipaddr.IPv4.parse(`${parts[1] >> 8}.${parts[1] & 255}.${parts[2] >> 8}.${parts[2] & 255}`);
  // 2001::/32 (Teredo): the client's address is the last 32 bits, inverted.
  if (range === 'teredo') {
    const a = parts[6] ^ 0xffff;
    const b = parts[7] ^ 0xffff;
    return ipaddr.IPv4.parse(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`);
  }
  return null;
};

/**
 * Why `address` (an IP literal) may not be fetched, or null when it is a public address.
 * Unparseable input is refused: the caller only passes what DNS or a URL gave it.
 */
export function forbiddenAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const bare = address.replace(/^\[|\]$/g, '');
    // An IPv6 zone (`fe80::1%eth0`) names an interface, not an address.
    const zone = bare.indexOf('%');
    parsed = ipaddr.parse(zone < 0 ? bare : bare.slice(0, zone));
  } catch {
    return 'not an IP address';
  }
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
    return 'a cloud metadata address';
  }
  if (parsed.kind() === 'ipv6') {
    const inner = embeddedIpv4(parsed as ipaddr.IPv6);
    if (inner) {
      const reason = forbiddenAddressReason(inner.toString());
      return reason ? `${reason} (inside an IPv6 address)` : null;
    }
  }
  const range = parsed.range();
  return FORBIDDEN_RANGES.has(range) ? `a ${range} address` : null;
}
