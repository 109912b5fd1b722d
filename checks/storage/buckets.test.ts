import { describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/snapshot.js';
import { makeSnapshot, ok } from '../../test/helpers/snapshot.js';
import { CheckContext, MissingInput } from '../context.js';
import { bucketCall, bucketNamed, listBuckets } from './buckets.js';

const contextOf = (calls: Parameters<typeof makeSnapshot>[0]) => new CheckContext(new SnapshotIndex(makeSnapshot(calls)));

describe('listBuckets', () => {
  it('takes each bucket region from ListBuckets, else from GetBucketLocation', () => {
    const ctx = contextOf([
      ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'a', BucketRegion: 'eu-west-1' }, { Name: 'b' }, { Name: 'c' }, { Name: 'd' }] }),
      ok('s3api', 'GetBucketLocation', { LocationConstraint: null }, { params: { Bucket: 'b' } }),
      ok('s3api', 'GetBucketLocation', { LocationConstraint: 'EU' }, { params: { Bucket: 'c' } }),
    ]);
    expect(listBuckets(ctx)).toEqual([
      { name: 'a', arn: 'arn:aws:s3:::a', region: 'eu-west-1' },
      { name: 'b', arn: 'arn:aws:s3:::b', region: 'us-east-1' },
      { name: 'c', arn: 'arn:aws:s3:::c', region: 'eu-west-1' },
      { name: 'd', arn: 'arn:aws:s3:::d' },
    ]);
  });

  it('throws MissingInput naming ListBuckets when it was not collected', () => {
    expect(() => listBuckets(contextOf([]))).toThrow(MissingInput);
  });
});

describe('bucketNamed', () => {
  it('finds the region of a listed bucket, and leaves it open for a bucket of another account', () => {
    const ctx = contextOf([ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'a', BucketRegion: 'eu-west-1' }] })]);
    expect(bucketNamed(ctx, 'a')).toEqual({ name: 'a', arn: 'arn:aws:s3:::a', region: 'eu-west-1' });
    expect(bucketNamed(ctx, 'central-logs')).toEqual({ name: 'central-logs', arn: 'arn:aws:s3:::central-logs' });
  });
});

describe('bucketCall', () => {
  it('finds the call in the bucket region, or wherever it was recorded when the region is unknown', () => {
    const ctx = contextOf([ok('s3api', 'GetBucketPolicy', { Policy: '{}' }, { region: 'eu-west-1', params: { Bucket: 'a' } })]);
    expect(bucketCall(ctx, 'GetBucketPolicy', { name: 'a', region: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(bucketCall(ctx, 'GetBucketPolicy', { name: 'a' }).outcome).toEqual({ ok: true, output: { Policy: '{}' } });
  });

  // The benchmark's CLI steps send every bucket call to one region and S3 redirects: that region is not the bucket's.
  it('claims no region for a bucket whose region the snapshot does not show', () => {
    const ctx = contextOf([ok('s3api', 'GetBucketPolicy', { Policy: '{}' }, { region: 'us-east-1', params: { Bucket: 'a' } })]);
    expect(bucketCall(ctx, 'GetBucketPolicy', { name: 'a' }).region).toBe('global');
  });

  it('throws MissingInput naming the call and bucket when nothing was recorded', () => {
    expect(() => bucketCall(contextOf([]), 'GetBucketPolicy', { name: 'a', region: 'us-east-1' })).toThrow(/s3api GetBucketPolicy \{"Bucket":"a"\}/);
  });
});
