import { describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/snapshot.js';
import { stepById, type DerivedStep } from '../../src/collect/plan.js';
import { chainSnapshot, LOG_GROUP, TRAIL_ARN } from '../../test/helpers/monitoring-chain.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { CheckContext } from '../context.js';
import { cloudtrailAllRegions } from '../logging/4.1-cloudtrail-all-regions.js';
import { kmsKeyRotation } from '../logging/4.6-kms-key-rotation.js';
import { s3ObjectWriteLogging } from '../logging/4.8-s3-object-write-logging.js';
import { DEFAULT_CLASSIC, describeTrails, trail } from '../logging/trails.fixtures.js';
import { rootUsageMonitored } from '../monitoring/5.3-root-usage.js';

const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const main = trail('main', 'us-east-1');
const inBothRegions = [describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main])];
const allS3Writes = { ReadWriteType: 'All' as const, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] };

/** The trail calls as the benchmark's CLI steps record them: `--name main`, `--trail-name main`. */
const byName = [
  ok('cloudtrail', 'GetTrailStatus', { IsLogging: true, StartLoggingTime: '2025-01-10T08:00:00Z' }, { params: { Name: 'main' } }),
  ok('cloudtrail', 'GetEventSelectors', { TrailARN: main.TrailARN, EventSelectors: [allS3Writes] }, { params: { TrailName: 'main' } }),
];

describe('principle: any identifier AWS accepts finds the call', () => {
  it('finds trail status and event selectors recorded by trail name (4.1, 4.8)', () => {
    const buckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'lake', BucketRegion: 'us-east-1' }] });
    expect(run(cloudtrailAllRegions, makeSnapshot([...inBothRegions, ...byName])).status).toBe('manual');
    expect(run(s3ObjectWriteLogging, makeSnapshot([...inBothRegions, ...byName, buckets])).status).toBe('pass');
  });

  it('finds a multi-region trail\'s status recorded by ARN in a region other than its home (a shadow trail)', () => {
    const shadow = [
      ok('cloudtrail', 'GetTrailStatus', { IsLogging: true }, { region: 'eu-west-1', params: { Name: main.TrailARN } }),
      ok('cloudtrail', 'GetEventSelectors', { EventSelectors: [DEFAULT_CLASSIC] }, { region: 'eu-west-1', params: { TrailName: main.TrailARN } }),
    ];
    expect(run(cloudtrailAllRegions, makeSnapshot([...inBothRegions, ...shadow])).status).toBe('manual');
  });

  it('takes a successful recording under one identifier over a failed one under another', () => {
    const calls = [...inBothRegions, denied('cloudtrail', 'GetTrailStatus', { params: { Name: 'main' }, code: 'TrailNotFoundException' }), ...byName.slice(1)];
    calls.push(ok('cloudtrail', 'GetTrailStatus', { IsLogging: true }, { params: { Name: main.TrailARN } }));
    expect(run(cloudtrailAllRegions, makeSnapshot(calls)).status).toBe('manual');
  });

  it('never takes a call recorded by name for another account\'s trail: the name means the caller\'s own trail', () => {
    // The member's own single-region trail shares its name with the organization trail it sees.
    const orgTrail = trail('audit', 'us-east-1', { TrailARN: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/audit', IsOrganizationTrail: true });
    const ownTrail = trail('audit', 'us-east-1', { IsMultiRegionTrail: false });
    const ownByName = [
      ok('cloudtrail', 'GetTrailStatus', { IsLogging: true }, { params: { Name: 'audit' } }),
      ok('cloudtrail', 'GetEventSelectors', { EventSelectors: [DEFAULT_CLASSIC] }, { params: { TrailName: 'audit' } }),
    ];
    const result = run(cloudtrailAllRegions, makeSnapshot([describeTrails('us-east-1', [orgTrail, ownTrail]), describeTrails('eu-west-1', [orgTrail]), ...ownByName]));
    expect(result.status).toBe('manual');
    const org = result.findings.find((f) => f.resource === orgTrail.TrailARN);
    expect(org?.detail).toContain('an organization trail of account 999988887777');
    expect(org?.detail).toContain('obtain them from that account');
  });

  it('finds the 5.x chain\'s trail calls recorded by name', () => {
    const snapshot = chainSnapshot(ROOT);
    for (const call of snapshot.calls) {
      if (call.operation === 'GetTrailStatus') call.params = { Name: 'main-trail' };
      if (call.operation === 'GetEventSelectors') call.params = { TrailName: 'main-trail' };
    }
    expect(run(rootUsageMonitored, snapshot).status).toBe('manual');
  });

  it('finds KMS calls recorded by key ARN, and DescribeKey recorded by alias (4.6)', () => {
    const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/k1';
    const meta = { KeyId: 'k1', Arn: keyArn, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS' };
    const calls = [
      ok('kms', 'ListKeys', { Keys: [{ KeyId: 'k1', KeyArn: keyArn }] }),
      ok('kms', 'ListAliases', { Aliases: [{ AliasName: 'alias/payments', AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/payments', TargetKeyId: 'k1' }] }),
      ok('kms', 'DescribeKey', { KeyMetadata: meta }, { params: { KeyId: 'alias/payments' } }),
      ok('kms', 'GetKeyRotationStatus', { KeyRotationEnabled: false }, { params: { KeyId: keyArn } }),
      ok('kms', 'ListKeys', { Keys: [] }, { region: 'eu-west-1' }),
    ];
    const result = run(kmsKeyRotation, makeSnapshot(calls));
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: keyArn, detail: expect.stringContaining('without automatic rotation') });
  });

  it('asks DescribeMetricFilters with the model\'s member logGroupName, and still reads snapshots written with LogGroupName', () => {
    const step = stepById('logs.DescribeMetricFilters') as DerivedStep;
    expect(Object.keys(step.params)).toEqual(['logGroupName']);
    const current = chainSnapshot(ROOT);
    expect(current.calls.find((c) => c.operation === 'DescribeMetricFilters')?.params).toEqual({ logGroupName: LOG_GROUP });
    expect(run(rootUsageMonitored, current).status).toBe('manual');
    const older = chainSnapshot(ROOT);
    for (const call of older.calls) if (call.operation === 'DescribeMetricFilters') call.params = { LogGroupName: LOG_GROUP };
    expect(run(rootUsageMonitored, older).status).toBe('manual');
  });

  it('looks a call up by any of the identifiers given for the resource', () => {
    const ctx = new CheckContext(new SnapshotIndex(makeSnapshot([ok('cloudtrail', 'GetTrailStatus', { IsLogging: true }, { params: { Name: 'main-trail' } })])));
    const about = { member: 'Name', ids: [TRAIL_ARN, 'main-trail'] };
    expect(ctx.output('cloudtrail', 'GetTrailStatus', { region: 'us-east-1', about })).toEqual({ IsLogging: true });
    expect(() => ctx.output('cloudtrail', 'GetTrailStatus', { region: 'us-east-1', about: { member: 'Name', ids: ['other'] } })).toThrow(
      'cloudtrail GetTrailStatus {"Name":"other"} was not collected for us-east-1',
    );
  });
});
