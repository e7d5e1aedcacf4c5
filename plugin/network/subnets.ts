// The generated VPC's address plan: the VPC's block split in four equal parts, one per private
// subnet (two or three used), so a VPC /16 gives subnets of /18 (16,379 usable addresses each:
// Lambda takes one per function and subnet, a cache a few).
import { StatefulConfigError } from '../errors';

export const defaultCidr = '10.0.0.0/16';
const minPrefix = 16; // AWS's largest VPC block
const maxPrefix = 24; // keeps subnets at /26 or larger: room for Lambda's interfaces

const where = 'state.network.cidr';

function parseCidr(cidr: string): { address: number; prefix: number } {
  const [address = '', prefixText = ''] = cidr.split('/');
  const octets = address.split('.').map(Number);
  const prefix = Number(prefixText);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) {
    throw new StatefulConfigError('STATE_NETWORK_CIDR_INVALID', `${where}: "${cidr}" is not an IPv4 CIDR block.`);
  }
  if (!Number.isInteger(prefix) || prefix < minPrefix || prefix > maxPrefix) {
    throw new StatefulConfigError(
      'STATE_NETWORK_CIDR_INVALID',
      `${where}: "${cidr}" has the prefix /${prefixText}; use /${minPrefix} to /${maxPrefix} (AWS allows VPCs from /16, and the four subnets need room for Lambda's network interfaces).`,
    );
  }
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (value % size !== 0) {
    const start = value - (value % size);
    throw new StatefulConfigError(
      'STATE_NETWORK_CIDR_INVALID',
      `${where}: "${cidr}" has bits set after its prefix; the block it lies in is ${formatAddress(start)}/${prefix}.`,
    );
  }
  return { address: value, prefix };
}

function formatAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The CIDR blocks of `count` private subnets of VPC block `cidr`. */
export function subnetCidrs(cidr: string, count: number): string[] {
  const { address, prefix } = parseCidr(cidr);
  const subnetPrefix = prefix + 2;
  const size = 2 ** (32 - subnetPrefix);
  return Array.from({ length: count }, (_, index) => `${formatAddress(address + index * size)}/${subnetPrefix}`);
}
