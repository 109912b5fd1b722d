import { describe, expect, it } from 'vitest';
import { describeSecurityGroups, securityGroup, sgRule } from '../../test/helpers/ec2-fixtures.js';
import { makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { securityGroupAdminPortsIpv4 } from './6.3-sg-admin-ports-ipv4.js';

describe('6.3 security groups closed to 0.0.0.0/0 on admin ports', () => {
  it('passes groups open to the internet only on web ports, or open on 22 only to a private range', () => {
    const web = securityGroup('sg-0b00000000000001a', 'web', [sgRule('tcp', 443, 443, ['0.0.0.0/0']), sgRule('tcp', 22, 22, ['10.0.0.0/16'])]);
    const result = run(securityGroupAdminPortsIpv4, makeSnapshot([describeSecurityGroups('us-east-1', web), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toBe('sg-0b00000000000001a (web, vpc-0a1b2c3d4e5f60001): no inbound rule lets 0.0.0.0/0 reach port 22 or 3389');
  });

  it('fails SSH from 0.0.0.0/0, wide ranges, UDP and all-protocol rules', () => {
    const ssh = securityGroup('sg-0b00000000000002a', 'bastion', [sgRule('tcp', 22, 22, ['0.0.0.0/0'])]);
    const range = securityGroup('sg-0b00000000000003a', 'range', [sgRule('tcp', 0, 3389, ['0.0.0.0/0'])]);
    const udp = securityGroup('sg-0b00000000000004a', 'udp', [sgRule('udp', 3389, 3389, ['0.0.0.0/0'])]);
    const all = securityGroup('sg-0b00000000000005a', 'all', [sgRule('-1', undefined, undefined, ['0.0.0.0/0'])]);
    const result = run(securityGroupAdminPortsIpv4, makeSnapshot([describeSecurityGroups('us-east-1', ssh, range, udp, all), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('fail');
    expect(result.findings.filter((f) => f.region === 'us-east-1').map((f) => f.detail)).toEqual([
      'sg-0b00000000000002a (bastion, vpc-0a1b2c3d4e5f60001): port 22 open to the internet — inbound tcp 22 from 0.0.0.0/0',
      'sg-0b00000000000003a (range, vpc-0a1b2c3d4e5f60001): port 22 and 3389 open to the internet — inbound tcp 0-3389 from 0.0.0.0/0',
      'sg-0b00000000000004a (udp, vpc-0a1b2c3d4e5f60001): port 3389 open to the internet — inbound udp 3389 from 0.0.0.0/0',
      'sg-0b00000000000005a (all, vpc-0a1b2c3d4e5f60001): port 22 and 3389 open to the internet — inbound all traffic from 0.0.0.0/0',
    ]);
  });

  it('leaves ::/0 rules to 6.4: IPv4 and IPv6 are reported separately', () => {
    const v6only = securityGroup('sg-0b00000000000006a', 'rdp-v6', [sgRule('tcp', 3389, 3389, [], ['::/0'])]);
    expect(run(securityGroupAdminPortsIpv4, makeSnapshot([describeSecurityGroups('us-east-1', v6only), describeSecurityGroups('eu-west-1')])).status).toBe('pass');
  });

  it('is an error naming the call when a region was not collected, still showing a proven failure', () => {
    const ssh = securityGroup('sg-0b00000000000002a', 'bastion', [sgRule('tcp', 22, 22, ['0.0.0.0/0'])]);
    const result = run(securityGroupAdminPortsIpv4, makeSnapshot([describeSecurityGroups('us-east-1', ssh)]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ status: 'error', detail: expect.stringContaining('ec2 DescribeSecurityGroups was not collected for eu-west-1') });
    expect(run(securityGroupAdminPortsIpv4, makeSnapshot([describeSecurityGroups('us-east-1')])).status).toBe('error');
  });
});
