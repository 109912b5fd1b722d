import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { cloudtrailBucketAccessLogging } from './4.4-cloudtrail-bucket-access-logging.js';
import { describeTrails, trail } from './trails.fixtures.js';

const main = trail('main', 'us-east-1', { S3BucketName: 'trail-logs' });
const legacy = trail('legacy', 'eu-west-1', { IsMultiRegionTrail: false, S3BucketName: 'legacy-logs' });
const trails = [describeTrails('us-east-1', [main, legacy]), describeTrails('eu-west-1', [main, legacy])];
const buckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'trail-logs', BucketRegion: 'us-east-1' }, { Name: 'legacy-logs', BucketRegion: 'eu-west-1' }] });
const logging = (bucket: string, region: string, output: unknown) => ok('s3api', 'GetBucketLogging', output, { region, params: { Bucket: bucket } });

describe('4.4 CloudTrail bucket access logging', () => {
  it('is manual with the target as evidence when access logging is on', () => {
    const result = run(
      cloudtrailBucketAccessLogging,
      makeSnapshot([...trails, buckets, logging('trail-logs', 'us-east-1', { LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: 'trail-logs/' } }), logging('legacy-logs', 'eu-west-1', { LoggingEnabled: { TargetBucket: 'legacy-logs', TargetPrefix: 'access/' } })]),
    );
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:s3:::trail-logs', region: 'us-east-1', status: 'manual', detail: expect.stringContaining('delivers to access-logs/trail-logs/') });
    expect(result.findings[1]?.detail).toContain('same bucket');
  });

  it('fails a trail bucket whose access logging is off (empty output)', () => {
    const result = run(cloudtrailBucketAccessLogging, makeSnapshot([...trails, buckets, logging('trail-logs', 'us-east-1', { LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: '' } }), logging('legacy-logs', 'eu-west-1', {})]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ resource: 'arn:aws:s3:::legacy-logs', region: 'eu-west-1', status: 'fail', detail: 'server access logging is off on this bucket of legacy' });
  });

  it('leaves a bucket in another account that could not be read to the assessor', () => {
    const org = trail('org', 'us-east-1', { S3BucketName: 'central-audit-logs' });
    const result = run(
      cloudtrailBucketAccessLogging,
      makeSnapshot([describeTrails('us-east-1', [org]), describeTrails('eu-west-1', [org]), buckets, denied('s3api', 'GetBucketLogging', { params: { Bucket: 'central-audit-logs' } })]),
    );
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('obtain its server access logging from the account that owns it');
  });

  it('is an error when the bucket logging was not collected', () => {
    const result = run(cloudtrailBucketAccessLogging, makeSnapshot([...trails, buckets, logging('trail-logs', 'us-east-1', {})]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ status: 'error', detail: expect.stringContaining('s3api GetBucketLogging {"Bucket":"legacy-logs"} was not collected') });
  });
});
