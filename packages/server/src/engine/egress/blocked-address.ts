import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Ranges that a server reachable from outside must never be made to call. */
const V4_RANGES: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local / cloud metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: readonly (readonly [string, number, string])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const LISTS = buildLists();

function buildLists(): readonly { readonly list: BlockList; readonly label: string }[] {
  const ranges = [
    ...V4_RANGES.map(([net, prefix, label]) => ({ net, prefix, label, type: 'ipv4' as const })),
    ...V6_RANGES.map(([net, prefix, label]) => ({ net, prefix, label, type: 'ipv6' as const })),
  ];
  return ranges.map(({ net, prefix, label, type }) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, type);
    return { list, label };
  });
}

/**
 * The kind of non-public range `address` lies in, or null when it is public. IPv4 addresses
 * embedded in IPv6 (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, compatible `::a.b.c.d`) are
 * judged as the IPv4 address they reach. Anything unparseable counts as blocked.
 */
export function blockedRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return match(bare, 'ipv4');
  if (!isIPv6(bare)) return 'unparseable';
  const embedded = embeddedIPv4(bare);
  return embedded === null ? match(bare, 'ipv6') : match(embedded, 'ipv4');
}

function match(address: string, type: 'ipv4' | 'ipv6'): string | null {
  return LISTS.find(({ list }) => list.check(address, type))?.label ?? null;
}

/** The IPv4 address inside a mapped, compatible or NAT64 IPv6 address. */
function embeddedIPv4(address: string): string | null {
  const groups = expandIPv6(address);
  const high = groups.slice(0, 6);
  const mapped = high.slice(0, 5).every((g) => g === 0) && high[5] === 0xffff;
  const compatible = high.every((g) => g === 0) && (groups[6] ?? 0) !== 0;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && high.slice(2).every((g) => g === 0);
  if (!mapped && !compatible && !nat64) return null;
  const [a = 0, b = 0] = groups.slice(6);
  return [a >> 8, a & 0xff, b >> 8, b & 0xff].join('.');
}

/** Eight 16-bit groups; a dotted IPv4 tail becomes the last two. */
function expandIPv6(address: string): number[] {
  const withHexTail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a, b, c, d) => {
    const [w, x, y, z] = [a, b, c, d].map(Number) as [number, number, number, number];
    return `${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`;
  });
  const [head = '', tail] = withHexTail.split('::');
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((g) => parseInt(g, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
