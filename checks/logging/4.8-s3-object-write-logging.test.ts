import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { s3ObjectWriteLogging } from './4.8-s3-object-write-logging.js';
import { MANAGEMENT_ADVANCED, advancedSelectorsCall, classicSelectorsCall, describeTrails, s3DataAdvanced, trail, trailStatusCall } from './trails.fixtures.js';

const main = trail('main', 'us-east-1');
const legacy = trail('legacy', 'eu-west-1', { IsMultiRegionTrail: false });
const trails = (...list: ReturnType<typeof trail>[]) => [describeTrails('us-east-1', list), describeTrails('eu-west-1', list)];
const buckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'lake', BucketRegion: 'eu-west-1' }, { Name: 'web', BucketRegion: 'us-east-1' }] });

describe('4.8 S3 object-level write logging', () => {
  it('passes a logging multi-region trail recording S3 writes for all buckets (advanced selectors)', () => {
    const result = run(s3ObjectWriteLogging, makeSnapshot([...trails(main), trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 writes', 'false')]), buckets]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([expect.objectContaining({ resource: main.TrailARN, detail: expect.stringContaining('all current and future buckets') })]);
  });

  it('accepts classic selectors that name every existing bucket, and says new buckets are not covered', () => {
    const snapshot = makeSnapshot([
      ...trails(main),
      trailStatusCall(main),
      classicSelectorsCall(main, [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::lake/', 'arn:aws:s3:::web/'] }] }]),
      buckets,
    ]);
    const result = run(s3ObjectWriteLogging, snapshot);
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:s3:::lake', region: 'eu-west-1', detail: expect.stringContaining('new buckets are not covered') });
  });

  it('fails a bucket left out, and does not count a single-region trail or a trail that is not logging', () => {
    const allS3 = [{ ReadWriteType: 'All' as const, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }];
    const result = run(s3ObjectWriteLogging, makeSnapshot([...trails(main, legacy), trailStatusCall(main, false), classicSelectorsCall(main, allS3), buckets]));
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.status)).toEqual(['fail', 'fail']);
    expect(result.findings[0]?.detail).toContain('main is not logging; legacy is single-region and does not count');
  });

  it('fails when S3 data events are recorded for reads only', () => {
    const result = run(s3ObjectWriteLogging, makeSnapshot([...trails(main), trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 reads', 'true')]), buckets]));
    expect(result.status).toBe('fail');
  });

  it('is an error, not a fail, when the selectors of a multi-region trail were denied', () => {
    const result = run(s3ObjectWriteLogging, makeSnapshot([...trails(main), trailStatusCall(main), denied('cloudtrail', 'GetEventSelectors', { region: 'us-east-1', params: { TrailName: main.TrailARN } }), buckets]));
    expect(result.status).toBe('error');
    expect(result.findings.at(-1)?.detail).toContain('cloudtrail GetEventSelectors');
  });

  it('is an error naming ListBuckets when it is needed and missing', () => {
    // The trail records one named bucket, so whether every bucket is covered depends on the bucket list.
    const lakeOnly = { ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::lake/'] }] };
    const result = run(s3ObjectWriteLogging, makeSnapshot([...trails(main), trailStatusCall(main), classicSelectorsCall(main, [lakeOnly])]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('s3api ListBuckets');
  });
});
