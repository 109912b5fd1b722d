import type { CheckContext } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { dbLabel, judgeDbInstances, type DbInstance } from './rds.js';

interface RouteTable {
  RouteTableId: string;
  VpcId?: string;
  Associations?: { Main?: boolean; SubnetId?: string }[];
  Routes?: { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string; GatewayId?: string; State?: string }[];
}

interface DescribeRouteTablesOutput {
  RouteTables?: RouteTable[];
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
function routeTableFor(tables: readonly RouteTable[], subnetId: string, vpcId: string | undefined): RouteTable | undefined {
  return (
    tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
    tables.find((t) => t.VpcId === vpcId && t.Associations?.some((a) => a.Main === true))
  );
}

/** Default routes to an internet gateway: what makes a subnet public. */
function internetRoutes(table: RouteTable): string[] {
  return (table.Routes ?? [])
    .filter((r) => r.GatewayId?.startsWith('igw-') && r.State !== 'blackhole' && (r.DestinationCidrBlock === '0.0.0.0/0' || r.DestinationIpv6CidrBlock === '::/0'))
    .map((r) => `${r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock} → ${r.GatewayId}`);
}

/** Subnets of the instance's subnet group that route to the internet, described; throws MissingInput without route tables. */
function publicSubnets(ctx: CheckContext, region: string, db: DbInstance): { described: string[]; unresolved: string[] } {
  const tables = ctx.output<DescribeRouteTablesOutput>('ec2', 'DescribeRouteTables', { region }).RouteTables ?? [];
  const described: string[] = [];
  const unresolved: string[] = [];
  for (const subnet of db.DBSubnetGroup?.Subnets ?? []) {
    const table = routeTableFor(tables, subnet.SubnetIdentifier, db.DBSubnetGroup?.VpcId);
    if (!table) {
      unresolved.push(subnet.SubnetIdentifier);
      continue;
    }
    const routes = internetRoutes(table);
    if (routes.length > 0) described.push(`${subnet.SubnetIdentifier} (${table.RouteTableId}: ${routes.join(', ')})`);
  }
  return { described, unresolved };
}

export const rdsNotPubliclyAccessible: Recommendation = {
  id: '3.2.3',
  section: '3',
  subsection: '3.2',
  title: 'Ensure that RDS instances are not publicly accessible',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'A publicly accessible DB instance gets an address reachable from the internet, leaving only its security group and password between attackers and the data. Databases exposed that way attract brute-force logins and exploits against the engine within hours. Keeping the flag off and the instance in subnets without a route to an internet gateway keeps the database reachable only from inside the network.',
    verifyConsole: [
      'Open RDS → Databases in each region in scope and select each DB instance.',
      'On Connectivity & security, Publicly accessible must read No.',
      'Follow each subnet of the instance to its route table (the subnet\'s own association, or the VPC main table): no route may send 0.0.0.0/0 to an internet gateway (igw-…).',
    ],
    verifyCli: [
      'For each region: aws rds describe-db-instances --region <region> --query "DBInstances[].[DBInstanceIdentifier,PubliclyAccessible,DBSubnetGroup.VpcId,DBSubnetGroup.Subnets[].SubnetIdentifier]"',
      'Every instance must show PubliclyAccessible false.',
      'For each subnet: aws ec2 describe-route-tables --region <region> --filters Name=association.subnet-id,Values=<subnet-id>; if nothing comes back, use the VPC main table (Name=vpc-id,Values=<vpc-id> Name=association.main,Values=true).',
      'No route of that table may have DestinationCidrBlock 0.0.0.0/0 with a GatewayId starting igw-.',
    ],
    remediation: [
      'Console: Modify the instance, under Connectivity → Additional configuration choose Not publicly accessible, and apply it.',
      'CLI: aws rds modify-db-instance --region <region> --db-instance-identifier <id> --no-publicly-accessible (with --apply-immediately if a change now is acceptable).',
      'Move the instance to a DB subnet group made of private subnets whose route tables have no internet gateway route, and restrict its security group to the application tier.',
    ],
  },
  reads: [
    { service: 'rds', operation: 'DescribeDBInstances', scope: 'regional' },
    { service: 'ec2', operation: 'DescribeRouteTables', scope: 'regional' },
  ],
  risk: { likelihood: 3, impact: 4, mitigation: 'avoidance', mitigationWhy: 'Taking the database off the internet removes the exposure instead of defending it.' },
  evaluate(ctx) {
    return judgeDbInstances(ctx, (db, region, arn): Finding => {
      const finding = (status: Finding['status'], detail: string): Finding => ({ resource: arn, region, status, detail });
      if (db.PubliclyAccessible === true) {
        const routes = ctx.optional<DescribeRouteTablesOutput>('ec2', 'DescribeRouteTables', { region }) ? publicSubnets(ctx, region, db).described : [];
        const where = routes.length > 0 ? `, and its subnets route to the internet: ${routes.join('; ')}` : '';
        return finding('fail', `${dbLabel(db)} is flagged publicly accessible${where}`);
      }
      if ((db.DBSubnetGroup?.Subnets ?? []).length === 0) {
        return finding('manual', `${dbLabel(db)} is not flagged publicly accessible, but no subnet group is recorded, so its routes cannot be checked`);
      }
      const { described, unresolved } = publicSubnets(ctx, region, db);
      if (described.length > 0) {
        return finding('fail', `${dbLabel(db)} is not flagged publicly accessible but sits in public subnets: ${described.join('; ')}`);
      }
      if (unresolved.length > 0) {
        return finding('error', `ec2 DescribeRouteTables in ${region} shows no route table for subnet ${unresolved.join(', ')} nor a main table for ${db.DBSubnetGroup?.VpcId ?? 'its VPC'}`);
      }
      return finding('pass', `${dbLabel(db)} is not publicly accessible and its subnets have no route to an internet gateway`);
    });
  },
};
