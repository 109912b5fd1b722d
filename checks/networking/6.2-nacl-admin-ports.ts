import type { Finding, Recommendation } from '../types.js';
import { accountInRegion, ADMIN_PORTS, coversPort, ec2Arn, isWholeInternet, nameTag, portProtocol, portText, type Tag } from './ec2-data.js';

interface NaclEntry {
  RuleNumber: number;
  Protocol: string;
  RuleAction: 'allow' | 'deny';
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From?: number; To?: number };
}

interface NetworkAcl {
  NetworkAclId: string;
  VpcId?: string;
  IsDefault?: boolean;
  OwnerId?: string;
  Associations?: { SubnetId?: string }[];
  Entries?: NaclEntry[];
  Tags?: Tag[];
}

/** The protocols over which an entry lets a port through: TCP and UDP carry SSH and RDP. */
function carried(entry: NaclEntry): Set<'tcp' | 'udp'> {
  const p = portProtocol(entry.Protocol);
  if (p === 'all') return new Set(['tcp', 'udp']);
  return p ? new Set([p]) : new Set();
}

const family = (e: NaclEntry) => (isWholeInternet(e.CidrBlock) ? 'ipv4' : isWholeInternet(e.Ipv6CidrBlock) ? 'ipv6' : undefined);

interface Offence {
  entry: NaclEntry;
  ports: number[];
  /** Lower-numbered deny entries already stop this traffic: AWS evaluates entries in number order. */
  shadowed: boolean;
}

function offences(acl: NetworkAcl): Offence[] {
  const inbound = (acl.Entries ?? []).filter((e) => !e.Egress).sort((a, b) => a.RuleNumber - b.RuleNumber);
  const found: Offence[] = [];
  for (const entry of inbound) {
    const fam = family(entry);
    const protocols = carried(entry);
    if (entry.RuleAction !== 'allow' || !fam || protocols.size === 0) continue;
    const ports = ADMIN_PORTS.filter((port) => portProtocol(entry.Protocol) === 'all' || coversPort(entry.PortRange?.From, entry.PortRange?.To, port));
    if (ports.length === 0) continue;
    const earlierDenies = inbound.filter((d) => d.RuleNumber < entry.RuleNumber && d.RuleAction === 'deny' && family(d) === fam);
    const blocked = (port: number, protocol: 'tcp' | 'udp') =>
      earlierDenies.some((d) => carried(d).has(protocol) && (portProtocol(d.Protocol) === 'all' || coversPort(d.PortRange?.From, d.PortRange?.To, port)));
    const shadowed = ports.every((port) => [...protocols].every((protocol) => blocked(port, protocol)));
    found.push({ entry, ports, shadowed });
  }
  return found;
}

function describeEntry(o: Offence): string {
  const e = o.entry;
  const protocol = portProtocol(e.Protocol) ?? 'all';
  const text = `rule ${e.RuleNumber} allows ${portText(protocol, e.PortRange?.From, e.PortRange?.To)} from ${e.CidrBlock ?? e.Ipv6CidrBlock} (port ${o.ports.join(' and ')})`;
  return o.shadowed ? `${text}, though a lower-numbered deny rule stops that traffic first` : text;
}

export const naclAdminPorts: Recommendation = {
  id: '6.2',
  section: '6',
  title: 'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'A network ACL is the subnet-wide filter in front of every security group. If it lets SSH (22) or RDP (3389) in from anywhere, a single loose security group is enough to expose a server; if it blocks them, that mistake is caught at the subnet edge. Default ACLs allow all traffic, so they need attention too.',
    verifyConsole: [
      'In VPC → Network ACLs (each region), select each ACL that is associated with subnets and open Inbound rules.',
      'No ALLOW rule with source 0.0.0.0/0 or ::/0 may cover port 22 or 3389 over TCP (6), UDP (17) or All (-1). Port ALL or ranges such as 0-3389 count. An ACL with no subnets has no effect until it is attached.',
    ],
    verifyCli: [
      'aws ec2 describe-network-acls --region <region>, for every region in scope.',
      'For each ACL with Associations, check Entries with Egress false and RuleAction allow: CidrBlock 0.0.0.0/0 or Ipv6CidrBlock ::/0, Protocol -1, 6 or 17, and a PortRange including 22 or 3389 (no PortRange means all ports).',
    ],
    remediation: [
      'Edit the ACL\'s inbound rules: narrow the source of the offending ALLOW rule to trusted ranges, or delete it. Rules are evaluated lowest number first, so a DENY for 22 and 3389 numbered below a broad ALLOW also works, but the ALLOW itself should go.',
      'aws ec2 replace-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number <n> --protocol tcp --port-range From=22,To=22 --cidr-block <trusted-cidr> --rule-action allow',
    ],
  },
  reads: [{ service: 'ec2', operation: 'DescribeNetworkAcls', scope: 'regional' }],
  risk: { likelihood: 3, impact: 3, mitigation: 'reduction', mitigationWhy: 'Tightening the subnet filter adds a second barrier in front of the security groups.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const acls = ctx.output<{ NetworkAcls?: NetworkAcl[] }>('ec2', 'DescribeNetworkAcls', { region, params: {} }).NetworkAcls ?? [];
      if (acls.length === 0) return [{ resource: accountInRegion(ctx, region), region, status: 'pass', detail: `no network ACLs in ${region}` }];
      return acls.map((acl): Finding => {
        const resource = ec2Arn(ctx, region, 'network-acl', acl.NetworkAclId, acl.OwnerId);
        const name = `${acl.NetworkAclId} (${[nameTag(acl.Tags), acl.IsDefault ? 'default' : undefined, acl.VpcId].filter(Boolean).join(', ')})`;
        const found = offences(acl);
        const subnets = (acl.Associations ?? []).map((a) => a.SubnetId).filter(Boolean);
        if (found.length === 0) return { resource, region, status: 'pass', detail: `${name}: no inbound ALLOW rule opens port 22 or 3389 to 0.0.0.0/0 or ::/0` };
        const rules = found.map(describeEntry).join('; ');
        if (subnets.length === 0) {
          return { resource, region, status: 'pass', detail: `${name} is associated with no subnet, so it filters nothing; if attached it would expose admin ports: ${rules}` };
        }
        return { resource, region, status: 'fail', detail: `${name}, used by ${subnets.length} subnet${subnets.length > 1 ? 's' : ''}: ${rules}` };
      });
    });
  },
};
