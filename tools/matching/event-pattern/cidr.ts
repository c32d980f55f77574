/**
 * IP address matching for `{"cidr": "10.0.0.0/24"}`. EventBridge documents IPv4 and IPv6 blocks
 * ("IP address matching", Content filtering in Amazon EventBridge event patterns); addresses are
 * compared as integers so that every textual IPv6 form of one address matches alike.
 */

/** An address as an integer plus its width in bits (32 for IPv4, 128 for IPv6). */
interface IpAddress {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

/** A parsed CIDR block. */
export interface CidrBlock {
  readonly bits: 32 | 128;
  readonly network: bigint;
  readonly prefixLength: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseHextets(text: string): bigint[] | undefined {
  if (text === "") return [];
  const groups = text.split(":");
  const values: bigint[] = [];
  for (const [index, group] of groups.entries()) {
    // The last group may be an embedded IPv4 address, as in "::ffff:192.0.2.1".
    if (index === groups.length - 1 && group.includes(".")) {
      const ipv4 = parseIpv4(group);
      if (ipv4 === undefined) return undefined;
      values.push(ipv4 >> 16n, ipv4 & 0xffffn);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      values.push(BigInt(`0x${group}`));
    }
  }
  return values;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = parseHextets(halves[0]);
  const tail = halves.length === 2 ? parseHextets(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

function parseIp(text: string): IpAddress | undefined {
  if (text.includes(":")) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { bits: 128, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { bits: 32, value };
}

/** Parses "address/prefix-length"; undefined when the text is not a CIDR block. */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(lengthText)) return undefined;
  const prefixLength = Number(lengthText);
  if (prefixLength > address.bits) return undefined;
  return { bits: address.bits, network: address.value, prefixLength };
}

/** True when `value` is an IP address of the block's family inside the block. */
export function cidrContains(block: CidrBlock, value: string): boolean {
  const address = parseIp(value);
  if (address === undefined || address.bits !== block.bits) return false;
  const hostBits = BigInt(block.bits - block.prefixLength);
  return address.value >> hostBits === block.network >> hostBits;
}
