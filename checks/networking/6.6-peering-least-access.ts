import { MissingInput } from '../context.js';
import { attempt } from '../requirements.js';
import type { Finding, Recommendation } from '../types.js';
import { cidrContains, parseCidr, type Cidr } from './cidr.js';
import { accountInRegion, ec2Arn, nameTag, type Tag } from './ec2-data.js';

interface PeeringVpcInfo {
  VpcId?: string;
  OwnerId?: string;
  Region?: string;
  CidrBlock?: string;
  CidrBlockSet?: { CidrBlock?: string }[];
  Ipv6CidrBlockSet?: { Ipv6CidrBlock?: string }[];
}

interface PeeringConnection {
  VpcPeeringConnectionId: string;
  RequesterVpcInfo?: PeeringVpcInfo;
  AccepterVpcInfo?: PeeringVpcInfo;
  Status?: { Code?: string };
  Tags?: Tag[];
}

interface Route {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  VpcPeeringConnectionId?: string;
  GatewayId?: string;
  State?: string;
}

interface RouteTable {
  RouteTableId: string;
  VpcId?: string;
  Routes?: Route[];
  Associations?: { Main?: boolean; SubnetId?: string }[];
}

const peeringOf = (r: Route) => r.VpcPeeringConnectionId ?? (r.GatewayId?.startsWith('pcx-') ? r.GatewayId : undefined);

function cidrsOf(info: PeeringVpcInfo | undefined): string[] {
  if (!info) return [];
  const v4 = new Set([info.CidrBlock, ...(info.CidrBlockSet ?? []).map((c) => c.CidrBlock)].filter((c): c is string => Boolean(c)));
  const v6 = (info.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock).filter((c): c is string => Boolean(c));
  return [...v4, ...v6];
}

const describeSide = (info: PeeringVpcInfo | undefined) =>
  info ? `${info.VpcId ?? '?'} (${cidrsOf(info).join(', ') || 'CIDR unknown'}; account ${info.OwnerId ?? '?'}, ${info.Region ?? '?'})` : 'an unknown VPC';

/** How much of the peer a route's destination reaches; `all` (a /0) is a proven failure. */
function reach(destination: string, peerCidrs: string[]): { text: string; all: boolean } {
  const dest = parseCidr(destination);
  if (!dest) return { text: 'destination not readable', all: false };
  if (dest.prefix === 0) return { text: 'every address — far more than the peer VPC', all: true };
  const peers = peerCidrs.map(parseCidr).filter((c): c is Cidr => c !== undefined && c.version === dest.version);
  if (peers.length === 0) return { text: 'peer CIDR unknown', all: false };
  const whole = peers.filter((p) => cidrContains(dest, p));
  if (whole.length > 0) {
    const exact = whole.some((p) => p.prefix === dest.prefix);
    return { text: exact ? 'the whole peer CIDR' : 'wider than the peer CIDR it contains', all: false };
  }
  if (peers.some((p) => cidrContains(p, dest))) return { text: 'part of the peer VPC', all: false };
  return { text: 'outside the peer VPC', all: false };
}

export const peeringRoutesLeastAccess: Recommendation = {
  id: '6.6',
  section: '6',
  title: 'Ensure routing tables for VPC peering are "least access"',
  level: 2,
  assessment: 'manual',
  guidance: {
    protects:
      'A peering connection only carries traffic that route tables send into it. Routing just the subnets or hosts that must talk keeps the rest of each VPC unreachable from the other side, so a compromise in one VPC does not spread freely into the other.',
    verifyConsole: [
      'In VPC → Peering connections (each region), note each connection and the CIDRs of both VPCs.',
      'In VPC → Route tables, find the routes whose target is a pcx- connection and the subnets each table serves.',
      'For each such route decide whether its destination is as narrow as the purpose of the peering allows; a route to the peer\'s whole CIDR needs a reason, and a 0.0.0.0/0 or ::/0 route to a peering never has one.',
    ],
    verifyCli: [
      'aws ec2 describe-vpc-peering-connections --region <region>',
      'aws ec2 describe-route-tables --region <region>: routes with VpcPeeringConnectionId pcx-…; compare DestinationCidrBlock with the peer VPC\'s CIDR and note Associations (which subnets use the table).',
    ],
    remediation: [
      'Replace broad routes with routes to just the subnets or hosts that need to be reached: aws ec2 delete-route --route-table-id <rtb-id> --destination-cidr-block <broad-cidr>, then aws ec2 create-route --route-table-id <rtb-id> --destination-cidr-block <narrow-cidr> --vpc-peering-connection-id <pcx-id>.',
      'Put the route only in the route tables of subnets that need the peer, and delete peering connections nobody uses.',
    ],
  },
  reads: [
    { service: 'ec2', operation: 'DescribeVpcPeeringConnections', scope: 'regional' },
    { service: 'ec2', operation: 'DescribeRouteTables', scope: 'regional' },
  ],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Narrower routes shrink what one VPC can reach in the other if it is compromised.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const tables = ctx.output<{ RouteTables?: RouteTable[] }>('ec2', 'DescribeRouteTables', { region, params: {} }).RouteTables ?? [];
      // Missing data decides only where it could change the verdict: only a route taking all traffic
      // into a peering fails, and the route tables show that alone (they are all the benchmark's CLI
      // audit reads). The peering listing adds the peer's CIDRs and peerings no route uses, which carry nothing.
      const listed = attempt(() => ctx.output<{ VpcPeeringConnections?: PeeringConnection[] }>('ec2', 'DescribeVpcPeeringConnections', { region, params: {} }).VpcPeeringConnections ?? []);
      const peerings = listed instanceof MissingInput ? [] : listed;
      const ids = new Set([...peerings.map((p) => p.VpcPeeringConnectionId), ...tables.flatMap((t) => (t.Routes ?? []).map(peeringOf).filter((id): id is string => Boolean(id)))]);
      if (ids.size === 0) {
        const detail =
          listed instanceof MissingInput
            ? `no routes to a VPC peering connection in ${region}; peering connections themselves are unknown (${listed.message}), and one without routes carries no traffic`
            : `no VPC peering connections and no routes to one in ${region}`;
        return [{ resource: accountInRegion(ctx, region), region, status: 'manual', detail }];
      }
      return [...ids].sort().map((id): Finding => {
        const pcx = peerings.find((p) => p.VpcPeeringConnectionId === id);
        const owner = pcx?.RequesterVpcInfo?.OwnerId;
        const resource = ec2Arn(ctx, region, 'vpc-peering-connection', id, owner);
        const routes: string[] = [];
        let proven = false;
        for (const table of tables) {
          const served = (table.Associations ?? []).map((a) => (a.Main ? 'main table' : a.SubnetId)).filter(Boolean).join(', ') || 'no subnets';
          for (const route of (table.Routes ?? []).filter((r) => peeringOf(r) === id)) {
            const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? '?';
            const peer = !pcx ? undefined : pcx.AccepterVpcInfo?.VpcId === table.VpcId ? pcx.RequesterVpcInfo : pcx.AccepterVpcInfo;
            const judged = route.DestinationPrefixListId ? { text: 'a prefix list — check its entries', all: false } : reach(destination, cidrsOf(peer));
            proven ||= judged.all;
            const state = route.State && route.State !== 'active' ? `, ${route.State}` : '';
            routes.push(`${table.RouteTableId} (${table.VpcId}; ${served}): ${destination} → ${judged.text}${state}`);
          }
        }
        const name = pcx && nameTag(pcx.Tags) ? ` "${nameTag(pcx.Tags)}"` : '';
        const head = pcx
          ? `${id}${name} (${pcx.Status?.Code ?? 'status unknown'}) joins ${describeSide(pcx.RequesterVpcInfo)} and ${describeSide(pcx.AccepterVpcInfo)}`
          : listed instanceof MissingInput
            ? `${id}, whose peer VPC is unknown (${listed.message})`
            : `${id} is not listed by DescribeVpcPeeringConnections in ${region}`;
        const body = routes.length ? `routes: ${routes.join('; ')}` : 'no route table in this region sends traffic to it';
        const verdict = proven ? ' — a route sends all traffic into the peering, which is never least access' : ' — confirm each route is as narrow as the peering\'s purpose allows';
        return { resource, region, status: proven ? 'fail' : 'manual', detail: `${head}; ${body}${verdict}` };
      });
    });
  },
};
