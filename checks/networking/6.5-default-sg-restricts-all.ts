import type { Finding, Recommendation } from '../types.js';
import { accountInRegion, ec2Arn, instances, nameTag, portProtocol, portText, securityGroupArn, securityGroups, vpcs, type IpPermission } from './ec2-data.js';

/** A rule in a few words: protocol and ports, then every peer it names. */
function describePermission(p: IpPermission): string {
  const protocol = portProtocol(p.IpProtocol);
  const what = protocol ? portText(protocol, p.FromPort, p.ToPort) : `protocol ${p.IpProtocol}`;
  const peers = [
    ...(p.IpRanges ?? []).map((r) => r.CidrIp),
    ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
    ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId),
    ...(p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? 'another group'),
  ];
  return `${what} ${peers.length ? peers.join(', ') : '(no peer)'}`;
}

export const defaultSecurityGroupRestrictsAll: Recommendation = {
  id: '6.5',
  section: '6',
  title: 'Ensure the default security group of every VPC restricts all traffic',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Anything launched without an explicit security group lands in the VPC\'s default group, which out of the box lets members talk to each other freely and reach anywhere outbound. Emptying its rules means a forgotten group choice fails closed, and pushes teams to build groups that allow only what each workload needs.',
    verifyConsole: [
      'In VPC → Security Groups, in each region, filter on Group name = default: there is one per VPC, the default VPC included.',
      'For each, the Inbound rules and Outbound rules tabs must both be empty.',
      'Then in EC2 → Instances filter on that security group ID to see what still depends on it.',
    ],
    verifyCli: [
      'aws ec2 describe-vpcs --region <region> and aws ec2 describe-security-groups --region <region> --filters Name=group-name,Values=default',
      'For every VPC, its default group must have empty IpPermissions and IpPermissionsEgress; aws ec2 describe-instances --filters Name=instance.group-id,Values=<sg-id> lists its members.',
    ],
    remediation: [
      'Move the members of each default group into purpose-built, least-privilege groups first (VPC flow logs show which traffic they really need).',
      'Then remove every inbound and outbound rule: aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids <rule-ids>, and the same with revoke-security-group-egress.',
      'Tag or describe the group so nobody adds rules to it again.',
    ],
  },
  reads: [
    { service: 'ec2', operation: 'DescribeVpcs', scope: 'regional' },
    { service: 'ec2', operation: 'DescribeSecurityGroups', scope: 'regional' },
    { service: 'ec2', operation: 'DescribeInstances', scope: 'regional' },
  ],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'An empty default group makes a missed group choice fail closed.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const groups = securityGroups(ctx, region);
      const regionVpcs = vpcs(ctx, region);
      // Members are evidence only: the verdict rests on the rules.
      const members = instances(ctx, region, true);
      if (regionVpcs.length === 0) return [{ resource: accountInRegion(ctx, region), region, status: 'pass', detail: `no VPCs in ${region}` }];
      return regionVpcs.map((vpc): Finding => {
        const label = `${vpc.VpcId}${nameTag(vpc.Tags) ? ` (${nameTag(vpc.Tags)})` : vpc.IsDefault ? ' (default VPC)' : ''}`;
        const sg = groups.find((g) => g.GroupName === 'default' && g.VpcId === vpc.VpcId);
        if (!sg) {
          return { resource: ec2Arn(ctx, region, 'vpc', vpc.VpcId, vpc.OwnerId), region, status: 'error', detail: `ec2 DescribeSecurityGroups in ${region} lists no default security group for ${label}` };
        }
        const inbound = sg.IpPermissions ?? [];
        const outbound = sg.IpPermissionsEgress ?? [];
        const resource = securityGroupArn(ctx, region, sg);
        const using = members?.filter((i) => i.State?.Name !== 'terminated' && i.SecurityGroups?.some((g) => g.GroupId === sg.GroupId)).map((i) => i.InstanceId);
        const membersText = using === undefined ? '' : using.length ? `; used by ${using.join(', ')}` : '; no instances use it';
        if (inbound.length === 0 && outbound.length === 0) {
          return { resource, region, status: 'pass', detail: `default group ${sg.GroupId} of ${label} has no inbound or outbound rules${membersText}` };
        }
        const rules = [
          ...(inbound.length ? [`inbound: ${inbound.map(describePermission).join('; ')}`] : []),
          ...(outbound.length ? [`outbound: ${outbound.map(describePermission).join('; ')}`] : []),
        ];
        return { resource, region, status: 'fail', detail: `default group ${sg.GroupId} of ${label} still has rules — ${rules.join(' | ')}${membersText}` };
      });
    });
  },
};
