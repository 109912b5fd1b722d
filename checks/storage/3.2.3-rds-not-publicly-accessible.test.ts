import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { rdsNotPubliclyAccessible } from './3.2.3-rds-not-publicly-accessible.js';
import { dbInstance, describeDbInstances } from './rds.fixtures.js';

const VPC = 'vpc-0a1b2c3d4e5f60001';

const mainTable = (routes: Record<string, string>[]) => ({
  RouteTableId: 'rtb-main',
  VpcId: VPC,
  Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-main', RouteTableId: 'rtb-main', AssociationState: { State: 'associated' } }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }, ...routes],
  OwnerId: '111122223333',
});

const subnetTable = (subnet: string, routes: Record<string, string>[]) => ({
  RouteTableId: `rtb-${subnet}`,
  VpcId: VPC,
  Associations: [{ Main: false, SubnetId: subnet, RouteTableAssociationId: `rtbassoc-${subnet}`, RouteTableId: `rtb-${subnet}`, AssociationState: { State: 'associated' } }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }, ...routes],
  OwnerId: '111122223333',
});

const routeTables = (region: string, tables: unknown[]) => ok('ec2', 'DescribeRouteTables', { RouteTables: tables }, { region });
const toIgw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0abc', Origin: 'CreateRoute', State: 'active' };
const toNat = { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0abc', Origin: 'CreateRoute', State: 'active' };

describe('3.2.3 RDS not publicly accessible', () => {
  it('passes a private instance whose subnet routes out only through NAT', () => {
    const result = run(
      rdsNotPubliclyAccessible,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), routeTables('us-east-1', [mainTable([toIgw]), subnetTable('subnet-0aa1', [toNat])]), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('no route to an internet gateway');
  });

  it('fails an instance flagged publicly accessible', () => {
    const result = run(
      rdsNotPubliclyAccessible,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('sandbox', 'us-east-1', { PubliclyAccessible: true })]), routeTables('us-east-1', [mainTable([toIgw])]), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toMatch(/flagged publicly accessible, and its subnets route to the internet: subnet-0aa1 \(rtb-main: 0\.0\.0\.0\/0 → igw-0abc\)/);
  });

  it('fails a private-flagged instance whose subnet falls back to a main route table with an internet gateway route', () => {
    const result = run(
      rdsNotPubliclyAccessible,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), routeTables('us-east-1', [mainTable([toIgw])]), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('sits in public subnets');
  });

  it('fails a flagged instance even when the route tables are missing, and names nothing it did not need', () => {
    const result = run(rdsNotPubliclyAccessible, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('sandbox', 'us-east-1', { PubliclyAccessible: true })]), describeDbInstances('eu-west-1', [])]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toBe('sandbox (postgres) is flagged publicly accessible');
  });

  it('is an error naming DescribeRouteTables when a private-flagged instance cannot be placed', () => {
    const result = run(
      rdsNotPubliclyAccessible,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), denied('ec2', 'DescribeRouteTables', { region: 'us-east-1' }), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('error');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:rds:us-east-1:111122223333:db:orders', detail: expect.stringContaining('ec2 DescribeRouteTables failed in us-east-1') });
  });

  it('is an error when no route table applies to the subnet', () => {
    const result = run(rdsNotPubliclyAccessible, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), routeTables('us-east-1', []), describeDbInstances('eu-west-1', [])]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('no route table for subnet subnet-0aa1');
  });

  it('is an error naming DescribeDBInstances when it was not collected', () => {
    const result = run(rdsNotPubliclyAccessible, makeSnapshot([describeDbInstances('us-east-1', [])]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('rds DescribeDBInstances was not collected for eu-west-1');
  });
});
