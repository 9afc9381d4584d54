import net from 'net';

/** The 8 groups of an IPv6 address, expanded ("::" filled with zero groups). */
const ipv6Groups = (address: string): string[] => {
  const [head, tail] = address.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  let groups = parse(head);
  let rest = tail === undefined ? [] : parse(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expandV4 = (list: string[]) => {
    const last = list[list.length - 1];
    if (last && net.isIPv4(last)) {
      const bytes = last.split('.').map(Number);
      return [...list.slice(0, -1), ((bytes[0] << 8) | bytes[1]).toString(16), ((bytes[2] << 8) | bytes[3]).toString(16)];
    }
    return list;
  };
  groups = expandV4(groups);
  rest = expandV4(rest);
  const missing = tail === undefined ? 0 : 8 - groups.length - rest.length;
  return [...groups, ...Array(missing).fill('0'), ...rest].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
};

/**
 * The part of a client address that identifies a sender. IPv4 addresses as they are (IPv4-mapped
 * IPv6 addresses too); IPv6 addresses by their /64 network, because one subscriber usually holds a
 * whole /64 and could otherwise rotate addresses to escape flood control.
 */
export const senderNetwork = (ip: string | undefined | null): string => {
  const address = (ip ?? '')
    .trim()
    .replace(/^\[|\]$/g, '')
    .split('%')[0];
  if (net.isIPv4(address)) return address;
  if (net.isIPv6(address)) {
    const groups = ipv6Groups(address);
    const mapped = groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff';
    if (mapped) {
      const [hi, lo] = groups.slice(6).map((group) => parseInt(group, 16));
      return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
    }
    return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return address || 'unknown';
};
