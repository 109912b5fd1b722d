import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from './cidr.js';

const contains = (outer: string, inner: string) => cidrContains(parseCidr(outer)!, parseCidr(inner)!);

describe('CIDR blocks', () => {
  it('parses IPv4 and IPv6 blocks and masks host bits', () => {
    expect(parseCidr('10.1.4.7/24')).toEqual({ version: 4, network: (10n << 24n) | (1n << 16n) | (4n << 8n), prefix: 24 });
    expect(parseCidr('2001:db8::/32')).toEqual({ version: 6, network: 0x20010db8n << 96n, prefix: 32 });
    expect(parseCidr('::/0')).toEqual({ version: 6, network: 0n, prefix: 0 });
  });

  it('rejects what is not a CIDR block', () => {
    for (const bad of ['10.0.0.0', '10.0.0.256/8', '10.0.0/8', '10.0.0.0/33', '1::2::3/64', 'fe80::1::/64', 'pl-12345678', '2001:db8:0:0:0:0:0:0:1/64']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('tells whether one block lies inside another', () => {
    expect(contains('10.0.0.0/8', '10.1.0.0/16')).toBe(true);
    expect(contains('10.1.0.0/16', '10.1.0.0/16')).toBe(true);
    expect(contains('10.1.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(contains('10.2.0.0/16', '10.1.4.0/24')).toBe(false);
    expect(contains('0.0.0.0/0', '192.168.1.1/32')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db8:1200::/40')).toBe(true);
    expect(contains('0.0.0.0/0', '::/0')).toBe(false);
  });
});
