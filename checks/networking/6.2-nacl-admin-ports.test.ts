import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { naclAdminPorts } from './6.2-nacl-admin-ports.js';

type Entry = Record<string, unknown>;
const entry = (RuleNumber: number, Protocol: string, RuleAction: 'allow' | 'deny', cidr: string, ports?: [number, number], Egress = false): Entry => ({
  RuleNumber,
  Protocol,
  RuleAction,
  Egress,
  ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const DENY_REST = [entry(32767, '-1', 'deny', '0.0.0.0/0'), entry(32767, '-1', 'deny', '0.0.0.0/0', undefined, true)];
const acl = (id: string, entries: Entry[], options: { subnets?: string[]; isDefault?: boolean; name?: string } = {}) => ({
  Associations: (options.subnets ?? ['subnet-0a0000000000000a1']).map((SubnetId, i) => ({ NetworkAclAssociationId: `aclassoc-0000000${i}`, NetworkAclId: id, SubnetId })),
  Entries: [...entries, ...DENY_REST],
  IsDefault: options.isDefault ?? false,
  NetworkAclId: id,
  Tags: options.name ? [{ Key: 'Name', Value: options.name }] : [],
  VpcId: 'vpc-0a1b2c3d4e5f60001',
  OwnerId: '111122223333',
});
const acls = (region: string, ...list: unknown[]) => ok('ec2', 'DescribeNetworkAcls', { NetworkAcls: list }, { region });
const judge = (...list: unknown[]) => run(naclAdminPorts, makeSnapshot([acls('us-east-1', ...list), acls('eu-west-1')]));

describe('6.2 network ACLs closed to admin ports from anywhere', () => {
  it('passes an ACL that opens only web and high ephemeral ports to the internet, and ignores ICMP and egress', () => {
    const web = acl('acl-0a00000000000000a', [
      entry(100, '6', 'allow', '0.0.0.0/0', [443, 443]),
      entry(110, '6', 'allow', '0.0.0.0/0', [32768, 65535]),
      entry(120, '1', 'allow', '0.0.0.0/0'),
      entry(130, '6', 'allow', '10.0.0.0/16', [22, 22]),
      entry(100, '-1', 'allow', '0.0.0.0/0', undefined, true),
    ], { name: 'prod-public' });
    const result = judge(web);
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toEqual({
      resource: 'arn:aws:ec2:us-east-1:111122223333:network-acl/acl-0a00000000000000a',
      region: 'us-east-1',
      status: 'pass',
      detail: 'acl-0a00000000000000a (prod-public, vpc-0a1b2c3d4e5f60001): no inbound ALLOW rule opens port 22 or 3389 to 0.0.0.0/0 or ::/0',
    });
  });

  it('fails a default ACL that allows everything, a rule for port 22, a wide range and an IPv6 rule', () => {
    const defaults = acl('acl-0a00000000000000b', [entry(100, '-1', 'allow', '0.0.0.0/0')], { isDefault: true, subnets: ['subnet-1', 'subnet-2'] });
    const ssh = acl('acl-0a00000000000000c', [entry(100, '6', 'allow', '0.0.0.0/0', [22, 22])]);
    const wide = acl('acl-0a00000000000000d', [entry(100, '17', 'allow', '0.0.0.0/0', [1024, 65535])]);
    const v6 = acl('acl-0a00000000000000e', [entry(101, '6', 'allow', '::/0', [3389, 3389])]);
    const result = judge(defaults, ssh, wide, v6);
    expect(result.status).toBe('fail');
    expect(result.findings.filter((f) => f.region === 'us-east-1').map((f) => f.detail)).toEqual([
      'acl-0a00000000000000b (default, vpc-0a1b2c3d4e5f60001), used by 2 subnets: rule 100 allows all traffic from 0.0.0.0/0 (port 22 and 3389)',
      'acl-0a00000000000000c (vpc-0a1b2c3d4e5f60001), used by 1 subnet: rule 100 allows tcp 22 from 0.0.0.0/0 (port 22)',
      'acl-0a00000000000000d (vpc-0a1b2c3d4e5f60001), used by 1 subnet: rule 100 allows udp 1024-65535 from 0.0.0.0/0 (port 3389)',
      'acl-0a00000000000000e (vpc-0a1b2c3d4e5f60001), used by 1 subnet: rule 101 allows tcp 3389 from ::/0 (port 3389)',
    ]);
  });

  it('still fails an ALLOW rule that an earlier DENY shadows, as the benchmark asks, and says so', () => {
    const shadowed = acl('acl-0a00000000000000f', [entry(50, '6', 'deny', '0.0.0.0/0', [22, 22]), entry(60, '6', 'deny', '0.0.0.0/0', [3389, 3389]), entry(100, '6', 'allow', '0.0.0.0/0', [0, 65535])]);
    const partly = acl('acl-0a000000000000010', [entry(50, '6', 'deny', '0.0.0.0/0', [22, 22]), entry(100, '-1', 'allow', '0.0.0.0/0')]);
    const result = judge(shadowed, partly);
    expect(result.findings[0]?.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('rule 100 allows tcp 0-65535 from 0.0.0.0/0 (port 22 and 3389), though a lower-numbered deny rule stops that traffic first');
    // A TCP-only deny leaves UDP open, so it does not shadow an all-protocol allow.
    expect(result.findings[1]?.detail).not.toContain('though');
  });

  it('does not fail an ACL associated with no subnet, but shows what it would expose', () => {
    const spare = acl('acl-0a000000000000011', [entry(100, '-1', 'allow', '0.0.0.0/0')], { subnets: [] });
    const result = judge(spare);
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('is associated with no subnet, so it filters nothing; if attached it would expose admin ports: rule 100 allows all traffic');
  });

  it('is an error naming the call when a region was denied', () => {
    const result = run(naclAdminPorts, makeSnapshot([acls('us-east-1'), denied('ec2', 'DescribeNetworkAcls', { region: 'eu-west-1', code: 'UnauthorizedOperation' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('ec2 DescribeNetworkAcls failed in eu-west-1: UnauthorizedOperation');
  });
});
