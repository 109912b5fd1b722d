import { describe, expect, it } from 'vitest';
import { makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { s3ObjectReadLogging } from './4.9-s3-object-read-logging.js';
import { MANAGEMENT_ADVANCED, advancedSelectorsCall, classicSelectorsCall, describeTrails, s3DataAdvanced, trail, trailStatusCall } from './trails.fixtures.js';

const main = trail('main', 'us-east-1');
const trails = [describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main])];
const buckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'lake', BucketRegion: 'eu-west-1' }, { Name: 'web', BucketRegion: 'us-east-1' }] });

describe('4.9 S3 object-level read logging', () => {
  it('passes the classic "all buckets" form with ReadWriteType All', () => {
    const result = run(
      s3ObjectReadLogging,
      makeSnapshot([
        ...trails,
        trailStatusCall(main),
        classicSelectorsCall(main, [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }], ExcludeManagementEventSources: [] }]),
      ]),
    );
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('read data events for all current and future buckets');
  });

  it('passes an advanced S3 selector without a readOnly field (the "log all events" template)', () => {
    const result = run(s3ObjectReadLogging, makeSnapshot([...trails, trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 all events')])]));
    expect(result.status).toBe('pass');
  });

  it('fails every bucket when the trail records S3 writes only', () => {
    const result = run(s3ObjectReadLogging, makeSnapshot([...trails, trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 writes', 'false')]), buckets]));
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
      ['arn:aws:s3:::lake', 'fail'],
      ['arn:aws:s3:::web', 'fail'],
    ]);
  });

  it('fails when a selector only records some event names, and explains it', () => {
    const getsOnly = { Name: 'gets', FieldSelectors: [...(s3DataAdvanced('x').FieldSelectors ?? []), { Field: 'eventName', Equals: ['GetObject'] }] };
    const result = run(s3ObjectReadLogging, makeSnapshot([...trails, trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, getsOnly]), buckets]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('eventName Equals ["GetObject"]');
  });

  it('is an error naming GetTrailStatus when it was not collected', () => {
    const result = run(s3ObjectReadLogging, makeSnapshot([...trails, advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 all events')]), buckets]));
    expect(result.status).toBe('error');
    expect(result.findings.some((f) => f.detail.includes('cloudtrail GetTrailStatus'))).toBe(true);
  });
});
