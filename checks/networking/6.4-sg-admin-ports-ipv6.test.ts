import { describe, expect, it } from 'vitest';
import { describeSecurityGroups, securityGroup, sgRule } from '../../test/helpers/ec2-fixtures.js';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { securityGroupAdminPortsIpv6 } from './6.4-sg-admin-ports-ipv6.js';

describe('6.4 security groups closed to ::/0 on admin ports', () => {
  it('passes groups whose IPv6 rules avoid 22 and 3389 or name a narrower range', () => {
    const web = securityGroup('sg-0c00000000000001a', 'web', [sgRule('tcp', 443, 443, [], ['::/0']), sgRule('tcp', 22, 22, [], ['2001:db8::/32'])]);
    const result = run(securityGroupAdminPortsIpv6, makeSnapshot([describeSecurityGroups('us-east-1', web), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toBe('sg-0c00000000000001a (web, vpc-0a1b2c3d4e5f60001): no inbound rule lets ::/0 reach port 22 or 3389');
  });

  it('fails RDP from ::/0 and ignores the same rule over IPv4 (that is 6.3)', () => {
    const rdp = securityGroup('sg-0c00000000000002a', 'rdp', [sgRule('tcp', 3389, 3389, ['0.0.0.0/0'], ['::/0'])]);
    const v4only = securityGroup('sg-0c00000000000003a', 'ssh-v4', [sgRule('tcp', 22, 22, ['0.0.0.0/0'])]);
    const result = run(securityGroupAdminPortsIpv6, makeSnapshot([describeSecurityGroups('us-east-1', rdp, v4only), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('fail');
    expect(result.findings.filter((f) => f.region === 'us-east-1').map((f) => [f.status, f.detail])).toEqual([
      ['fail', 'sg-0c00000000000002a (rdp, vpc-0a1b2c3d4e5f60001): port 3389 open to the internet — inbound tcp 3389 from ::/0'],
      ['pass', 'sg-0c00000000000003a (ssh-v4, vpc-0a1b2c3d4e5f60001): no inbound rule lets ::/0 reach port 22 or 3389'],
    ]);
  });

  it('is an error naming the call when it was denied', () => {
    const result = run(securityGroupAdminPortsIpv6, makeSnapshot([denied('ec2', 'DescribeSecurityGroups'), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('ec2 DescribeSecurityGroups failed in us-east-1: AccessDenied');
  });
});
