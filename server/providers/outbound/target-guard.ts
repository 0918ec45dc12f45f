// SSRF guard for gateway addresses: which IP addresses a provider may reach, checked when a provider is saved and
// again on the address actually connected to (a hostname may resolve elsewhere by then: DNS rebinding).
// SECURITY: link-local and cloud metadata addresses are refused always; loopback and private ranges unless
// PROVIDER_ALLOW_PRIVATE_HOSTS=true (tests and on-premise gateways).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const ALWAYS = new BlockList();
ALWAYS.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, cloud metadata (169.254.169.254)
ALWAYS.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": 0.0.0.0 reaches the local host on Linux
ALWAYS.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
ALWAYS.addSubnet('240.0.0.0', 4, 'ipv4'); // reserved, broadcast
ALWAYS.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
ALWAYS.addAddress('192.0.0.192', 'ipv4'); // Oracle Cloud metadata
ALWAYS.addSubnet('fe80::', 10, 'ipv6'); // link-local
ALWAYS.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
ALWAYS.addSubnet('ff00::', 8, 'ipv6'); // multicast
ALWAYS.addAddress('::', 'ipv6');

const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local

export const allowPrivateHosts = () => process.env.PROVIDER_ALLOW_PRIVATE_HOSTS === 'true';

export class ForbiddenTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenTargetError';
  }
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) and NAT64-free forms are judged as the IPv4 address they carry. */
function unmap(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why this address may not be reached, or null when it may. */
export function refusalOf(rawAddress: string): string | null {
  const { address, family } = unmap(rawAddress.replace(/^\[|\]$/g, ''));
  if (!isIP(address)) return `${rawAddress} is not an IP address`;
  // The mapped-prefix form written in hex (::ffff:7f00:1) is caught by the v6 lists through its v4 twin below.
  const hexMapped = family === 'ipv6' && /^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address);
  if (hexMapped) {
    const [hi, lo] = address.slice(7).split(':').map((h) => parseInt(h, 16));
    return refusalOf(`${hi! >> 8}.${hi! & 255}.${lo! >> 8}.${lo! & 255}`);
  }
  if (ALWAYS.check(address, family)) return `${rawAddress} is a link-local, metadata or reserved address and is never reached`;
  if (PRIVATE.check(address, family) && !allowPrivateHosts()) return `${rawAddress} is a loopback or private address (set PROVIDER_ALLOW_PRIVATE_HOSTS=true for an on-premise gateway)`;
  return null;
}

/** Every address a hostname resolves to, each allowed, or ForbiddenTargetError naming the first refused. */
export async function resolveAllowed(host: string): Promise<LookupAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    const refused = refusalOf(bare);
    if (refused) throw new ForbiddenTargetError(refused);
    return [{ address: bare, family: isIP(bare) }];
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true, verbatim: true }, (err, found) => (err ? reject(new ForbiddenTargetError(`${bare} could not be resolved (${err.code ?? err.message})`)) : resolve(found))),
  );
  if (addresses.length === 0) throw new ForbiddenTargetError(`${bare} resolves to no address`);
  for (const a of addresses) {
    const refused = refusalOf(a.address);
    // A name with any forbidden address is refused whole: which one a connection would use is not ours to pick.
    if (refused) throw new ForbiddenTargetError(`${bare} resolves to ${refused}`);
  }
  return addresses;
}

/**
 * A `lookup` for net/http/tls that only ever hands back checked addresses, so the socket connects to exactly what was
 * judged (no second resolution in between).
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean } | number,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  resolveAllowed(hostname).then(
    (addresses) => {
      if (typeof options === 'object' && options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: Error) => callback(Object.assign(error, { code: 'EPROVIDERTARGET' }), ''),
  );
}
