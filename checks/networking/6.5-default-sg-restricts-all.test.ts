import { describe, expect, it } from 'vitest';
import { describeSecurityGroups, securityGroup, sgRule } from '../../test/helpers/ec2-fixtures.js';
import { makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { defaultSecurityGroupRestrictsAll } from './6.5-default-sg-restricts-all.js';

const VPC = 'vpc-0a1b2c3d4e5f60001';
const describeVpcs = (region: string, ...ids: string[]) =>
  ok('ec2', 'DescribeVpcs', { Vpcs: ids.map((VpcId, i) => ({ CidrBlock: `10.${i}.0.0/16`, State: 'available', VpcId, OwnerId: '111122223333', IsDefault: false, Tags: [{ Key: 'Name', Value: 'prod' }] })) }, { region });
const describeInstances = (region: string, groupId: string) =>
  ok(
    'ec2',
    'DescribeInstances',
    {
      Reservations: [
        {
          ReservationId: 'r-0a0000000000000a1',
          OwnerId: '111122223333',
          Groups: [],
          Instances: [
            { InstanceId: 'i-0a11111111111111a', State: { Code: 16, Name: 'running' }, VpcId: VPC, SecurityGroups: [{ GroupId: groupId, GroupName: 'default' }] },
            { InstanceId: 'i-0a99999999999999f', State: { Code: 48, Name: 'terminated' }, VpcId: VPC, SecurityGroups: [{ GroupId: groupId, GroupName: 'default' }] },
          ],
        },
      ],
    },
    { region },
  );
const emptyDefault = securityGroup('sg-0d00000000000001a', 'default', [], { outbound: [] });
const other = (region: string) => [describeVpcs(region), describeSecurityGroups(region)];

describe('6.5 default security group restricts all traffic', () => {
  it('passes a default group without rules and says who still uses it', () => {
    const result = run(defaultSecurityGroupRestrictsAll, makeSnapshot([describeVpcs('us-east-1', VPC), describeSecurityGroups('us-east-1', emptyDefault), describeInstances('us-east-1', 'sg-0d00000000000001a'), ...other('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toEqual({
      resource: 'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0d00000000000001a',
      region: 'us-east-1',
      status: 'pass',
      detail: 'default group sg-0d00000000000001a of vpc-0a1b2c3d4e5f60001 (prod) has no inbound or outbound rules; used by i-0a11111111111111a',
    });
    expect(result.findings[1]).toMatchObject({ status: 'pass', detail: 'no VPCs in eu-west-1' });
  });

  it('fails a default group that keeps the AWS starting rules, listing them', () => {
    const stock = securityGroup('sg-0d00000000000002a', 'default', [sgRule('-1', undefined, undefined, [], [], ['sg-0d00000000000002a'])]);
    const result = run(defaultSecurityGroupRestrictsAll, makeSnapshot([describeVpcs('us-east-1', VPC), describeSecurityGroups('us-east-1', stock), ...other('eu-west-1')]));
    expect(result.status).toBe('fail');
    // DescribeInstances was not collected: the verdict stands, only the member list is missing.
    expect(result.findings[0]?.detail).toBe(
      'default group sg-0d00000000000002a of vpc-0a1b2c3d4e5f60001 (prod) still has rules — inbound: all traffic sg-0d00000000000002a | outbound: all traffic 0.0.0.0/0',
    );
  });

  it('fails a default group with only an outbound rule', () => {
    const outOnly = securityGroup('sg-0d00000000000003a', 'default', [], {});
    const result = run(defaultSecurityGroupRestrictsAll, makeSnapshot([describeVpcs('us-east-1', VPC), describeSecurityGroups('us-east-1', outOnly), ...other('eu-west-1')]));
    expect(result.status).toBe('fail');
  });

  it('is an error when a VPC has no default group in the data, or the groups were not collected', () => {
    const named = securityGroup('sg-0d00000000000004a', 'web', []);
    const result = run(defaultSecurityGroupRestrictsAll, makeSnapshot([describeVpcs('us-east-1', VPC), describeSecurityGroups('us-east-1', named), ...other('eu-west-1')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0a1b2c3d4e5f60001', detail: 'ec2 DescribeSecurityGroups in us-east-1 lists no default security group for vpc-0a1b2c3d4e5f60001 (prod)' });
    const missing = run(defaultSecurityGroupRestrictsAll, makeSnapshot([describeVpcs('us-east-1', VPC), ...other('eu-west-1')]));
    expect(missing.status).toBe('error');
    expect(missing.findings[0]?.detail).toContain('ec2 DescribeSecurityGroups was not collected for us-east-1');
  });
});
