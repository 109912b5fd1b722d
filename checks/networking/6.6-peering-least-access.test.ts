import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { peeringRoutesLeastAccess } from './6.6-peering-least-access.js';

const PCX = 'pcx-0a1b2c3d4e5f6a7b8';
const peering = (region: string) =>
  ok(
    'ec2',
    'DescribeVpcPeeringConnections',
    {
      VpcPeeringConnections: [
        {
          AccepterVpcInfo: { CidrBlock: '10.1.0.0/16', CidrBlockSet: [{ CidrBlock: '10.1.0.0/16' }], OwnerId: '111122223333', VpcId: 'vpc-0e1f2a3b4c5d60003', Region: 'eu-west-1' },
          RequesterVpcInfo: { CidrBlock: '10.0.0.0/16', CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }], OwnerId: '111122223333', VpcId: 'vpc-0a1b2c3d4e5f60001', Region: 'us-east-1' },
          Status: { Code: 'active', Message: 'Active' },
          Tags: [{ Key: 'Name', Value: 'prod-to-prod-eu' }],
          VpcPeeringConnectionId: PCX,
        },
      ],
    },
    { region },
  );
const routeTable = (region: string, id: string, vpc: string, destinations: string[], subnets: string[] = ['subnet-0a0000000000000a1']) => ({
  Associations: subnets.map((SubnetId) => ({ Main: false, RouteTableAssociationId: `rtbassoc-${SubnetId}`, RouteTableId: id, SubnetId, AssociationState: { State: 'associated' } })),
  PropagatingVgws: [],
  RouteTableId: id,
  Routes: [
    { DestinationCidrBlock: vpc === 'vpc-0a1b2c3d4e5f60001' ? '10.0.0.0/16' : '10.1.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
    ...destinations.map((DestinationCidrBlock) => ({ DestinationCidrBlock, Origin: 'CreateRoute', State: 'active', VpcPeeringConnectionId: PCX })),
  ],
  Tags: [],
  VpcId: vpc,
  OwnerId: '111122223333',
});
const tables = (region: string, ...list: unknown[]) => ok('ec2', 'DescribeRouteTables', { RouteTables: list }, { region });
const emptyRegion = [ok('ec2', 'DescribeVpcPeeringConnections', { VpcPeeringConnections: [] }, { region: 'eu-west-1' }), tables('eu-west-1')];

describe('6.6 peering routes are least access', () => {
  it('is manual, describing each route into the peering and how much of the peer it reaches', () => {
    const result = run(
      peeringRoutesLeastAccess,
      makeSnapshot([peering('us-east-1'), tables('us-east-1', routeTable('us-east-1', 'rtb-0a000000000000001', 'vpc-0a1b2c3d4e5f60001', ['10.1.0.0/16', '10.1.4.0/24'])), ...emptyRegion]),
    );
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toEqual({
      resource: `arn:aws:ec2:us-east-1:111122223333:vpc-peering-connection/${PCX}`,
      region: 'us-east-1',
      status: 'manual',
      detail:
        `${PCX} "prod-to-prod-eu" (active) joins vpc-0a1b2c3d4e5f60001 (10.0.0.0/16; account 111122223333, us-east-1) and vpc-0e1f2a3b4c5d60003 (10.1.0.0/16; account 111122223333, eu-west-1); ` +
        'routes: rtb-0a000000000000001 (vpc-0a1b2c3d4e5f60001; subnet-0a0000000000000a1): 10.1.0.0/16 → the whole peer CIDR; rtb-0a000000000000001 (vpc-0a1b2c3d4e5f60001; subnet-0a0000000000000a1): 10.1.4.0/24 → part of the peer VPC' +
        ' — confirm each route is as narrow as the peering\'s purpose allows',
    });
    expect(result.findings[1]).toMatchObject({ status: 'manual', detail: 'no VPC peering connections and no routes to one in eu-west-1' });
  });

  it('fails when a route sends all traffic (0.0.0.0/0) into the peering', () => {
    const result = run(peeringRoutesLeastAccess, makeSnapshot([peering('us-east-1'), tables('us-east-1', routeTable('us-east-1', 'rtb-0a000000000000002', 'vpc-0a1b2c3d4e5f60001', ['0.0.0.0/0'])), ...emptyRegion]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('0.0.0.0/0 → every address — far more than the peer VPC');
    expect(result.findings[0]?.detail).toContain('a route sends all traffic into the peering');
  });

  it('notes a route wider than the peer VPC without failing it', () => {
    const result = run(peeringRoutesLeastAccess, makeSnapshot([peering('us-east-1'), tables('us-east-1', routeTable('us-east-1', 'rtb-0a000000000000003', 'vpc-0a1b2c3d4e5f60001', ['10.0.0.0/8'])), ...emptyRegion]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('10.0.0.0/8 → wider than the peer CIDR it contains');
  });

  it('is an error naming the call when route tables are missing, and names a denied peering listing it could do without', () => {
    const result = run(peeringRoutesLeastAccess, makeSnapshot([peering('us-east-1'), ...emptyRegion]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('ec2 DescribeRouteTables was not collected for us-east-1');
    const deniedPeering = run(peeringRoutesLeastAccess, makeSnapshot([denied('ec2', 'DescribeVpcPeeringConnections'), tables('us-east-1'), ...emptyRegion]));
    // No route leads into a peering, so the denied listing cannot change the verdict (checks/principles/networking-missing-data.test.ts).
    expect(deniedPeering.findings[0]?.status).toBe('manual');
    expect(deniedPeering.findings[0]?.detail).toContain('ec2 DescribeVpcPeeringConnections failed in us-east-1: AccessDenied');
  });
});
