import type { Finding, Recommendation } from '../types.js';

interface Vpc {
  VpcId: string;
  OwnerId?: string;
  IsDefault?: boolean;
  CidrBlock?: string;
}

interface FlowLog {
  FlowLogId: string;
  ResourceId?: string;
  FlowLogStatus?: string;
  DeliverLogsStatus?: string;
  TrafficType?: 'ACCEPT' | 'REJECT' | 'ALL';
  LogDestinationType?: string;
  LogDestination?: string;
  LogGroupName?: string;
}

/** Flow logs that capture rejected packets, which the benchmark asks for. */
const CAPTURES_REJECTS = new Set(['REJECT', 'ALL']);

function describeFlowLog(log: FlowLog): string {
  const destination = log.LogDestination ?? log.LogGroupName ?? 'unknown destination';
  return `${log.FlowLogId} (${log.TrafficType ?? '?'} to ${log.LogDestinationType ?? 'cloud-watch-logs'} ${destination})`;
}

export const vpcFlowLogs: Recommendation = {
  id: '4.7',
  section: '4',
  title: 'Ensure VPC flow logging is enabled in all VPCs',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Flow logs record which addresses and ports talked to the network interfaces of a VPC, and whether security groups and network ACLs let the traffic through. Rejected traffic reveals scanning and blocked exfiltration attempts; accepted traffic shows where an attacker moved. Without them a network incident in the VPC leaves no trace to analyse.',
    verifyConsole: [
      'Open VPC → Your VPCs in each region in scope.',
      'For each VPC, the Flow logs tab must list a flow log with status Active whose filter is Reject or All.',
    ],
    verifyCli: [
      'For each region: aws ec2 describe-vpcs --region <region> --query "Vpcs[].VpcId"',
      'aws ec2 describe-flow-logs --region <region> --filter Name=resource-id,Values=<vpc-id>: an empty list means the VPC has no flow log.',
      'The flow log must have FlowLogStatus ACTIVE and TrafficType REJECT or ALL.',
    ],
    remediation: [
      'Create an IAM role that vpc-flow-logs.amazonaws.com may assume, allowed to write to CloudWatch Logs (or deliver to an S3 bucket instead).',
      'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type REJECT --log-group-name <group> --deliver-logs-permission-arn <role-arn> (ALL helps while tuning security groups).',
      'Repeat for every VPC in every region, and set a retention period on the log group (a year or more is common).',
    ],
  },
  reads: [
    { service: 'ec2', operation: 'DescribeVpcs', scope: 'regional' },
    { service: 'ec2', operation: 'DescribeFlowLogs', scope: 'regional' },
  ],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Network records make intrusions and data movement inside the VPC detectable and traceable.' },
  evaluate(ctx) {
    return ctx.perRegion((region): Finding[] => {
      const vpcs = ctx.output<{ Vpcs?: Vpc[] }>('ec2', 'DescribeVpcs', { region }).Vpcs ?? [];
      // A region without VPCs passes whatever its flow-log call holds.
      if (vpcs.length === 0) return [{ resource: ctx.account, region, status: 'pass', detail: `no VPCs in ${region}` }];
      const flowLogs = ctx.output<{ FlowLogs?: FlowLog[] }>('ec2', 'DescribeFlowLogs', { region }).FlowLogs ?? [];
      return vpcs.map((vpc): Finding => {
        const resource = `arn:${ctx.partition}:ec2:${region}:${vpc.OwnerId ?? ctx.account}:vpc/${vpc.VpcId}`;
        const label = `${vpc.VpcId}${vpc.IsDefault ? ' (default VPC)' : ''}`;
        const logs = flowLogs.filter((f) => f.ResourceId === vpc.VpcId);
        const active = logs.filter((f) => f.FlowLogStatus === 'ACTIVE');
        const good = active.filter((f) => f.TrafficType !== undefined && CAPTURES_REJECTS.has(f.TrafficType));
        if (good.length > 0) {
          const failing = good.filter((f) => f.DeliverLogsStatus === 'FAILED');
          const warning = failing.length > 0 ? `; delivery is failing for ${failing.map((f) => f.FlowLogId).join(', ')}` : '';
          return { resource, region, status: 'pass', detail: `${label} has an active flow log capturing rejected traffic: ${good.map(describeFlowLog).join(', ')}${warning}` };
        }
        if (logs.length === 0) return { resource, region, status: 'fail', detail: `${label} has no flow log` };
        if (active.length === 0) return { resource, region, status: 'fail', detail: `${label} has no active flow log (${logs.map((f) => `${f.FlowLogId} ${f.FlowLogStatus ?? 'status unknown'}`).join(', ')})` };
        return { resource, region, status: 'fail', detail: `${label} logs accepted traffic only, not rejected packets: ${active.map(describeFlowLog).join(', ')}` };
      });
    });
  },
};
