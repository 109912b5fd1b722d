import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { peeringRoutesLeastAccess } from '../networking/6.6-peering-least-access.js';

const PCX = 'pcx-0c1d2e3f4a5b6c7d8';
const routeTables = (region: string, peeringDestinations: string[] = []) =>
  ok(
    'ec2',
    'DescribeRouteTables',
    {
      RouteTables: [
        {
          RouteTableId: 'rtb-0f00000000000000a',
          VpcId: 'vpc-0f00000000000000a',
          Associations: [{ Main: true }],
          Routes: [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
            ...peeringDestinations.map((DestinationCidrBlock) => ({ DestinationCidrBlock, VpcPeeringConnectionId: PCX, State: 'active' })),
          ],
        },
      ],
    },
    { region },
  );
const noPeerings = (region: string) => ok('ec2', 'DescribeVpcPeeringConnections', { VpcPeeringConnections: [] }, { region });
const otherRegion = [noPeerings('eu-west-1'), routeTables('eu-west-1')];

describe('principle: missing data decides only where it could change the verdict', () => {
  // The benchmark's command-line audit for 6.6 reads route tables only; a peering connection
  // matters only through the routes that send traffic into it, and only a route taking all
  // traffic there is a proven failure, which the route tables show on their own.
  describe('6.6 is judged from the route tables when peering connections were not read', () => {
    it('is manual, naming the missing call, when no route leads into a peering — denied or never collected', () => {
      for (const peerings of [[denied('ec2', 'DescribeVpcPeeringConnections')], []]) {
        const result = run(peeringRoutesLeastAccess, makeSnapshot([...peerings, routeTables('us-east-1'), ...otherRegion]));
        expect(result.status).toBe('manual');
        expect(result.findings.map((f) => [f.region, f.status])).toEqual([
          ['us-east-1', 'manual'],
          ['eu-west-1', 'manual'],
        ]);
        expect(result.findings[0]?.detail).toContain('ec2 DescribeVpcPeeringConnections');
      }
    });

    it('still fails a route that sends all traffic into a peering, and leaves a narrower one to the assessor', () => {
      const wide = run(peeringRoutesLeastAccess, makeSnapshot([routeTables('us-east-1', ['0.0.0.0/0']), ...otherRegion]));
      expect(wide.status).toBe('fail');
      expect(wide.findings[0]).toMatchObject({ resource: `arn:aws:ec2:us-east-1:111122223333:vpc-peering-connection/${PCX}`, status: 'fail' });
      expect(wide.findings[0]?.detail).toContain('ec2 DescribeVpcPeeringConnections was not collected for us-east-1');
      const narrow = run(peeringRoutesLeastAccess, makeSnapshot([routeTables('us-east-1', ['10.1.4.0/24']), ...otherRegion]));
      expect(narrow.status).toBe('manual');
      expect(narrow.findings[0]?.detail).toContain('10.1.4.0/24 → peer CIDR unknown');
    });

    it('is an error when the route tables themselves are missing, which could hide such a route', () => {
      const result = run(peeringRoutesLeastAccess, makeSnapshot([noPeerings('us-east-1'), ...otherRegion]));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('ec2 DescribeRouteTables was not collected for us-east-1');
    });
  });
});
