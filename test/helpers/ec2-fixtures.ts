import type { SnapshotCall } from '../../src/snapshot.js';
import { ok, TEST_ACCOUNT } from './snapshot.js';

/** Security groups and their rules in the AWS CLI's DescribeSecurityGroups shape. */

export const sgRule = (IpProtocol: string, FromPort: number | undefined, ToPort: number | undefined, v4: string[], v6: string[] = [], groups: string[] = []) => ({
  IpProtocol,
  ...(FromPort === undefined ? {} : { FromPort, ToPort }),
  IpRanges: v4.map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: v6.map((CidrIpv6) => ({ CidrIpv6 })),
  PrefixListIds: [],
  UserIdGroupPairs: groups.map((GroupId) => ({ GroupId, UserId: TEST_ACCOUNT })),
});

export const ALLOW_ALL_OUT = sgRule('-1', undefined, undefined, ['0.0.0.0/0']);

export const securityGroup = (
  id: string,
  name: string,
  inbound: unknown[],
  options: { vpc?: string; region?: string; outbound?: unknown[] } = {},
) => ({
  Description: name === 'default' ? 'default VPC security group' : `${name} group`,
  GroupName: name,
  IpPermissions: inbound,
  OwnerId: TEST_ACCOUNT,
  GroupId: id,
  IpPermissionsEgress: options.outbound ?? [ALLOW_ALL_OUT],
  VpcId: options.vpc ?? 'vpc-0a1b2c3d4e5f60001',
  SecurityGroupArn: `arn:aws:ec2:${options.region ?? 'us-east-1'}:${TEST_ACCOUNT}:security-group/${id}`,
});

export const describeSecurityGroups = (region: string, ...groups: unknown[]): Partial<SnapshotCall> =>
  ok('ec2', 'DescribeSecurityGroups', { SecurityGroups: groups }, { region });
