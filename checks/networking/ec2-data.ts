import type { CheckContext } from '../context.js';
import type { Finding } from '../types.js';

/** Shapes of the EC2 describe calls as the AWS CLI prints them, and helpers the 6.x checks share. */

export interface Tag {
  Key: string;
  Value: string;
}

export interface IpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6: string; Description?: string }[];
  PrefixListIds?: { PrefixListId: string }[];
  UserIdGroupPairs?: { GroupId?: string; UserId?: string }[];
}

export interface SecurityGroup {
  GroupId: string;
  GroupName: string;
  Description?: string;
  VpcId?: string;
  OwnerId?: string;
  SecurityGroupArn?: string;
  IpPermissions?: IpPermission[];
  IpPermissionsEgress?: IpPermission[];
}

export interface Vpc {
  VpcId: string;
  CidrBlock?: string;
  IsDefault?: boolean;
  OwnerId?: string;
  Tags?: Tag[];
}

export interface Instance {
  InstanceId: string;
  State?: { Code?: number; Name?: string };
  VpcId?: string;
  SecurityGroups?: { GroupId: string; GroupName?: string }[];
  MetadataOptions?: { State?: string; HttpTokens?: string; HttpEndpoint?: string };
  Tags?: Tag[];
}

export function securityGroups(ctx: CheckContext, region: string): SecurityGroup[] {
  return ctx.output<{ SecurityGroups?: SecurityGroup[] }>('ec2', 'DescribeSecurityGroups', { region, params: {} }).SecurityGroups ?? [];
}

export function vpcs(ctx: CheckContext, region: string): Vpc[] {
  return ctx.output<{ Vpcs?: Vpc[] }>('ec2', 'DescribeVpcs', { region, params: {} }).Vpcs ?? [];
}

/** Every instance of the region; `optional` returns undefined instead of throwing when not collected. */
export function instances(ctx: CheckContext, region: string): Instance[];
export function instances(ctx: CheckContext, region: string, optional: true): Instance[] | undefined;
export function instances(ctx: CheckContext, region: string, optional = false): Instance[] | undefined {
  type Output = { Reservations?: { OwnerId?: string; Instances?: Instance[] }[] };
  const query = { region, params: {} };
  const output = optional ? ctx.optional<Output>('ec2', 'DescribeInstances', query) : ctx.output<Output>('ec2', 'DescribeInstances', query);
  return output ? (output.Reservations ?? []).flatMap((r) => r.Instances ?? []) : undefined;
}

export function nameTag(tags: Tag[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}

/** An EC2 resource ARN (`arn:aws:ec2:REGION:OWNER:TYPE/ID`), in the owner's account when known. */
export function ec2Arn(ctx: CheckContext, region: string, type: string, id: string, owner?: string): string {
  return `arn:${ctx.partition}:ec2:${region}:${owner ?? ctx.account}:${type}/${id}`;
}

export function securityGroupArn(ctx: CheckContext, region: string, sg: SecurityGroup): string {
  return sg.SecurityGroupArn ?? ec2Arn(ctx, region, 'security-group', sg.GroupId, sg.OwnerId);
}

export const describeGroup = (sg: SecurityGroup) => `${sg.GroupId} (${sg.GroupName}${sg.VpcId ? `, ${sg.VpcId}` : ''})`;

/**
 * The protocol family a rule's protocol belongs to, for the admin-port checks: `all` (-1), `tcp`
 * (6) or `udp` (17). Other protocols (ICMP, ESP, …) have no ports and cannot carry SSH, RDP or SMB.
 */
export function portProtocol(protocol: string): 'all' | 'tcp' | 'udp' | undefined {
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  return undefined;
}

/** The ports a rule covers; absent ports (protocol all) mean every port. */
export function coversPort(from: number | undefined, to: number | undefined, port: number): boolean {
  if (from === undefined || to === undefined || from === -1) return true;
  return from <= port && port <= to;
}

export function portText(protocol: 'all' | 'tcp' | 'udp', from?: number, to?: number): string {
  if (protocol === 'all') return 'all traffic';
  if (from === undefined || to === undefined || from === -1) return `${protocol} all ports`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

/** A CIDR of prefix length 0: the whole IPv4 or IPv6 internet. */
export function isWholeInternet(cidr: string | undefined): boolean {
  return cidr !== undefined && /\/0$/.test(cidr.trim());
}

export interface OpenRule {
  text: string;
  ports: number[];
}

/**
 * Inbound rules of a group that let `family` traffic from anywhere (a /0 range) reach any of
 * `ports` over TCP, UDP or all protocols.
 */
export function openInbound(sg: SecurityGroup, ports: number[], family: 'ipv4' | 'ipv6'): OpenRule[] {
  const found: OpenRule[] = [];
  for (const perm of sg.IpPermissions ?? []) {
    const protocol = portProtocol(perm.IpProtocol);
    if (!protocol) continue;
    const sources = family === 'ipv4' ? (perm.IpRanges ?? []).map((r) => r.CidrIp) : (perm.Ipv6Ranges ?? []).map((r) => r.CidrIpv6);
    const hit = ports.filter((port) => protocol === 'all' || coversPort(perm.FromPort, perm.ToPort, port));
    for (const cidr of sources.filter(isWholeInternet)) {
      if (hit.length > 0) found.push({ text: `${portText(protocol, perm.FromPort, perm.ToPort)} from ${cidr}`, ports: hit });
    }
  }
  return found;
}

/** The resource name for an account-wide setting of one region (there is no ARN for it). */
export function accountInRegion(ctx: CheckContext, region: string): string {
  return `${ctx.account}:${region}`;
}

export const ADMIN_PORTS = [22, 3389];

/**
 * One finding per security group of the region: fail when an inbound rule lets the whole
 * internet (per `families`) reach one of `ports`, pass otherwise.
 */
export function exposedGroupFindings(ctx: CheckContext, region: string, ports: number[], families: ('ipv4' | 'ipv6')[]): Finding[] {
  const groups = securityGroups(ctx, region);
  const internet = families.map((f) => (f === 'ipv4' ? '0.0.0.0/0' : '::/0')).join(' or ');
  const portList = ports.join(' or ');
  if (groups.length === 0) return [{ resource: accountInRegion(ctx, region), region, status: 'pass', detail: `no security groups in ${region}` }];
  return groups.map((sg): Finding => {
    const open = families.flatMap((family) => openInbound(sg, ports, family));
    const resource = securityGroupArn(ctx, region, sg);
    if (open.length === 0) return { resource, region, status: 'pass', detail: `${describeGroup(sg)}: no inbound rule lets ${internet} reach port ${portList}` };
    const reached = [...new Set(open.flatMap((o) => o.ports))].sort((a, b) => a - b).join(' and ');
    return { resource, region, status: 'fail', detail: `${describeGroup(sg)}: port ${reached} open to the internet — inbound ${open.map((o) => o.text).join('; ')}` };
  });
}
