import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT, denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { blockPublicAccess } from './3.1.4-block-public-access.js';

const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const account = (config: Record<string, boolean>) => ok('s3control', 'GetPublicAccessBlock', { PublicAccessBlockConfiguration: config }, { params: { AccountId: TEST_ACCOUNT } });
const bucketBlock = (bucket: string, config: Record<string, boolean>) =>
  ok('s3api', 'GetPublicAccessBlock', { PublicAccessBlockConfiguration: config }, { params: { Bucket: bucket } });
const listBuckets = (...names: string[]) => ok('s3api', 'ListBuckets', { Buckets: names.map((Name) => ({ Name, BucketRegion: 'us-east-1' })) });

describe('3.1.4 Block Public Access', () => {
  it('passes on the account setting alone when all four settings are on', () => {
    const result = run(blockPublicAccess, makeSnapshot([account(ALL_ON)]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([expect.objectContaining({ resource: TEST_ACCOUNT, status: 'pass' })]);
  });

  it('passes when the buckets make up for what the account leaves off', () => {
    const result = run(
      blockPublicAccess,
      makeSnapshot([account({ ...ALL_ON, BlockPublicPolicy: false, RestrictPublicBuckets: false }), listBuckets('a', 'b'), bucketBlock('a', ALL_ON), bucketBlock('b', { BlockPublicPolicy: true, RestrictPublicBuckets: true })]),
    );
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails a bucket with no configuration of its own when the account is not configured either', () => {
    const result = run(
      blockPublicAccess,
      makeSnapshot([
        denied('s3control', 'GetPublicAccessBlock', { params: { AccountId: TEST_ACCOUNT }, code: 'NoSuchPublicAccessBlockConfiguration' }),
        listBuckets('a', 'web'),
        bucketBlock('a', ALL_ON),
        denied('s3api', 'GetPublicAccessBlock', { params: { Bucket: 'web' }, code: 'NoSuchPublicAccessBlockConfiguration' }),
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ status: 'fail', detail: expect.stringContaining('not configured at account level') });
    expect(result.findings[2]).toMatchObject({ resource: 'arn:aws:s3:::web', status: 'fail', detail: expect.stringContaining('BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets') });
  });

  it('fails a bucket that leaves a setting off which the account also leaves off', () => {
    const result = run(blockPublicAccess, makeSnapshot([account({ ...ALL_ON, RestrictPublicBuckets: false }), listBuckets('a'), bucketBlock('a', { ...ALL_ON, RestrictPublicBuckets: false })]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]?.detail).toBe('neither the bucket nor the account sets RestrictPublicBuckets');
  });

  it('is an error naming the call when the account setting was denied', () => {
    const result = run(blockPublicAccess, makeSnapshot([denied('s3control', 'GetPublicAccessBlock', { params: { AccountId: TEST_ACCOUNT } })]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('s3control GetPublicAccessBlock');
  });

  it('is an error when a needed bucket setting was not collected', () => {
    const result = run(blockPublicAccess, makeSnapshot([account({}), listBuckets('a')]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('s3api GetPublicAccessBlock {"Bucket":"a"} was not collected');
  });
});
