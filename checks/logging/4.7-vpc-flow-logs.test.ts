import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { vpcFlowLogs } from './4.7-vpc-flow-logs.js';

const vpcs = (region: string, ids: string[]) =>
  ok('ec2', 'DescribeVpcs', { Vpcs: ids.map((VpcId, i) => ({ VpcId, CidrBlock: `10.${i}.0.0/16`, State: 'available', OwnerId: '111122223333', IsDefault: false })) }, { region });
const flowLog = (vpc: string, overrides: Record<string, unknown> = {}) => ({
  CreationTime: '2025-06-01T10:00:00Z',
  DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/vpc-flow-logs',
  DeliverLogsStatus: 'SUCCESS',
  FlowLogId: `fl-${vpc}`,
  FlowLogStatus: 'ACTIVE',
  LogGroupName: `vpc-flow-logs/${vpc}`,
  ResourceId: vpc,
  TrafficType: 'REJECT',
  LogDestinationType: 'cloud-watch-logs',
  LogDestination: `arn:aws:logs:us-east-1:111122223333:log-group:vpc-flow-logs/${vpc}`,
  LogFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
  MaxAggregationInterval: 600,
  ...overrides,
});
const flowLogs = (region: string, logs: unknown[]) => ok('ec2', 'DescribeFlowLogs', { FlowLogs: logs }, { region });

describe('4.7 VPC flow logs', () => {
  it('passes VPCs with an active flow log capturing rejected traffic', () => {
    const result = run(vpcFlowLogs, makeSnapshot([vpcs('us-east-1', ['vpc-1']), flowLogs('us-east-1', [flowLog('vpc-1')]), vpcs('eu-west-1', []), flowLogs('eu-west-1', [])]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1', status: 'pass' });
  });

  it('fails VPCs with no flow log, an inactive one, or one that logs accepted traffic only', () => {
    const result = run(
      vpcFlowLogs,
      makeSnapshot([
        vpcs('us-east-1', ['vpc-1', 'vpc-2', 'vpc-3']),
        flowLogs('us-east-1', [flowLog('vpc-2', { FlowLogStatus: 'INACTIVE' }), flowLog('vpc-3', { TrafficType: 'ACCEPT' }), flowLog('subnet-9')]),
        vpcs('eu-west-1', []),
        flowLogs('eu-west-1', []),
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'vpc-1 has no flow log',
      'vpc-2 has no active flow log (fl-vpc-2 INACTIVE)',
      expect.stringContaining('vpc-3 logs accepted traffic only'),
      'no VPCs in eu-west-1',
    ]);
  });

  it('is an error naming DescribeFlowLogs when it was denied, and still fails proven regions', () => {
    const result = run(vpcFlowLogs, makeSnapshot([vpcs('us-east-1', ['vpc-1']), flowLogs('us-east-1', []), vpcs('eu-west-1', ['vpc-2']), denied('ec2', 'DescribeFlowLogs', { region: 'eu-west-1' })]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]?.detail).toContain('ec2 DescribeFlowLogs failed in eu-west-1');
  });

  it('is an error when DescribeVpcs was not collected', () => {
    const result = run(vpcFlowLogs, makeSnapshot([flowLogs('us-east-1', []), vpcs('eu-west-1', []), flowLogs('eu-west-1', [])]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('ec2 DescribeVpcs was not collected for us-east-1');
  });
});
