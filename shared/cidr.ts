/** IPv4 CIDR parsing for the network form and its schema: syntax and "is this address inside that subnet". */

export interface Ipv4Subnet {
  readonly base: number;
  readonly prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** "172.28.0.1" -> 32-bit number; null when it is not a dotted quad. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** "172.28.0.0/16" -> its network address and prefix; null when it is not IPv4 CIDR. */
export function parseCidr(text: string): Ipv4Subnet | null {
  const match = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!match) return null;
  const base = parseIpv4(match[1] ?? '');
  const prefix = Number(match[2]);
  if (base === null || prefix > 32) return null;
  return { base, prefix };
}

const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

export function ipInSubnet(ip: string, subnet: Ipv4Subnet): boolean {
  const address = parseIpv4(ip);
  if (address === null) return false;
  const mask = maskOf(subnet.prefix);
  return (address & mask) >>> 0 === (subnet.base & mask) >>> 0;
}

/** True when the two subnets share any address. */
export function subnetsOverlap(a: Ipv4Subnet, b: Ipv4Subnet): boolean {
  const mask = maskOf(Math.min(a.prefix, b.prefix));
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}
