import { describe, expect, it } from 'vitest';
import { chainSnapshot, metricAlarm } from '../../test/helpers/monitoring-chain.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { SnapshotIndex } from '../../src/snapshot.js';
import { CheckContext, judgeEach } from '../context.js';
import { evaluateOne } from '../evaluate.js';
import { HeldByOtherAccount } from '../ownership.js';
import { cloudtrailAllRegions } from '../logging/4.1-cloudtrail-all-regions.js';
import { cloudtrailBucketAccessLogging } from '../logging/4.4-cloudtrail-bucket-access-logging.js';
import { s3ObjectWriteLogging } from '../logging/4.8-s3-object-write-logging.js';
import { describeTrails, trail, trailStatusCall } from '../logging/trails.fixtures.js';
import { rootUsageMonitored } from '../monitoring/5.3-root-usage.js';

const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const MANAGEMENT_ACCOUNT = '999988887777';
const ORG_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT_ACCOUNT}:trail/org-trail`;
const ORG_GROUP_ARN = `arn:aws:logs:us-east-1:${MANAGEMENT_ACCOUNT}:log-group:aws-controltower/CloudTrailLogs:*`;

/** An organization trail as a member account sees it: owned, and logging into, the management account. */
const orgTrail = trail('org-trail', 'us-east-1', {
  TrailARN: ORG_TRAIL_ARN,
  IsOrganizationTrail: true,
  S3BucketName: 'org-audit-logs',
  CloudWatchLogsLogGroupArn: ORG_GROUP_ARN,
});
const seenFromMember = [describeTrails('us-east-1', [orgTrail]), describeTrails('eu-west-1', [orgTrail])];
const memberBuckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'app-data', BucketRegion: 'us-east-1' }] });

describe("principle: other accounts' resources are recognised", () => {
  it('5.x: an organization trail\'s log group in the management account is not "the log group does not exist"', () => {
    const snapshot = chainSnapshot(ROOT, {
      trail: { TrailARN: ORG_TRAIL_ARN, IsOrganizationTrail: true, CloudWatchLogsLogGroupArn: ORG_GROUP_ARN },
      replace: {
        GetTrailStatus: ok('cloudtrail', 'GetTrailStatus', { IsLogging: true }, { params: { Name: ORG_TRAIL_ARN } }),
        GetEventSelectors: ok('cloudtrail', 'GetEventSelectors', { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }, { params: { TrailName: ORG_TRAIL_ARN } }),
        // What a member account's own DescribeMetricFilters answers for a group it does not own.
        DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { logGroupName: 'aws-controltower/CloudTrailLogs' }, code: 'ResourceNotFoundException' }),
      },
    });
    const result = run(rootUsageMonitored, snapshot);
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toMatchObject({ resource: ORG_GROUP_ARN.replace(/:\*$/, ''), status: 'manual' });
    expect(result.findings[0]?.detail).toContain(`log group aws-controltower/CloudTrailLogs is in account ${MANAGEMENT_ACCOUNT}`);
    expect(result.findings[0]?.detail).toContain('aws logs describe-metric-filters --log-group-name aws-controltower/CloudTrailLogs');
  });

  it('5.x: an alarm notifying a topic of another account is left to the assessor, not failed as a missing topic', () => {
    const centralTopic = `arn:aws:sns:us-east-1:${MANAGEMENT_ACCOUNT}:org-security-alerts`;
    const snapshot = chainSnapshot(ROOT, {
      alarms: [metricAlarm({ AlarmActions: [centralTopic] })],
      replace: { ListSubscriptionsByTopic: denied('sns', 'ListSubscriptionsByTopic', { params: { TopicArn: centralTopic }, code: 'NotFound' }) },
    });
    const result = run(rootUsageMonitored, snapshot);
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toMatchObject({ resource: centralTopic, status: 'manual' });
    expect(result.findings[0]?.detail).toContain(`the topic is in account ${MANAGEMENT_ACCOUNT}`);
  });

  it('4.4: a trail bucket that is not among the account\'s buckets goes to manual, naming what to obtain', () => {
    const result = run(cloudtrailBucketAccessLogging, makeSnapshot([...seenFromMember, memberBuckets]));
    expect(result.status).toBe('manual');
    expect(result.findings).toEqual([
      expect.objectContaining({ resource: 'arn:aws:s3:::org-audit-logs', status: 'manual', detail: expect.stringContaining(`account ${MANAGEMENT_ACCOUNT}`) }),
    ]);
    expect(result.findings[0]?.detail).toContain('aws s3api get-bucket-logging --bucket org-audit-logs');
  });

  it('4.4: a denied GetBucketLogging on a bucket the account does not own is manual, not error', () => {
    const central = trail('main', 'us-east-1', { S3BucketName: 'central-audit-logs' });
    const calls = [describeTrails('us-east-1', [central]), describeTrails('eu-west-1', [central]), memberBuckets, denied('s3api', 'GetBucketLogging', { params: { Bucket: 'central-audit-logs' } })];
    const result = run(cloudtrailBucketAccessLogging, makeSnapshot(calls));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('not among the buckets of this account');
  });

  it('4.1 and 4.8: an organization trail whose selectors the member account cannot read goes to manual', () => {
    const selectorsDenied = denied('cloudtrail', 'GetEventSelectors', { params: { TrailName: ORG_TRAIL_ARN } });
    const calls = [...seenFromMember, trailStatusCall(orgTrail), selectorsDenied, memberBuckets];
    const trailResult = run(cloudtrailAllRegions, makeSnapshot(calls));
    expect(trailResult.status).toBe('manual');
    expect(trailResult.findings[0]?.detail).toContain(`aws cloudtrail get-event-selectors --trail-name ${ORG_TRAIL_ARN}`);
    expect(trailResult.findings[0]?.detail).toContain(`account ${MANAGEMENT_ACCOUNT}`);
    expect(run(s3ObjectWriteLogging, makeSnapshot(calls)).status).toBe('manual');
  });

  it('every place that weighs missing input gives data held by another account to the assessor, never an error or a crash', () => {
    const held = new HeldByOtherAccount('cloudtrail GetTrailStatus', ORG_TRAIL_ARN, 'us-east-1', `obtain it from account ${MANAGEMENT_ACCOUNT}`);
    const ctx = new CheckContext(new SnapshotIndex(makeSnapshot([])));
    const result = evaluateOne({ ...cloudtrailAllRegions, evaluate: () => { throw held; } }, ctx);
    expect(result).toMatchObject({ status: 'manual', findings: [{ resource: ORG_TRAIL_ARN, region: 'us-east-1', status: 'manual', detail: `obtain it from account ${MANAGEMENT_ACCOUNT}` }] });
    expect(judgeEach(['org-trail'], () => { throw held; })).toEqual([expect.objectContaining({ status: 'manual', resource: ORG_TRAIL_ARN })]);
  });
});
