import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { bucketPolicyDenyHttp } from './3.1.1-bucket-policy-deny-http.js';

const listBuckets = (...names: string[]) => ok('s3api', 'ListBuckets', { Buckets: names.map((Name) => ({ Name, CreationDate: '2024-01-01T00:00:00Z', BucketRegion: 'us-east-1' })) });

const policy = (bucket: string, statements: unknown[]) =>
  ok('s3api', 'GetBucketPolicy', { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }, { params: { Bucket: bucket } });

const denyHttp = (bucket: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

describe('3.1.1 bucket policy denies HTTP', () => {
  it('passes a bucket whose policy denies requests without TLS', () => {
    const result = run(bucketPolicyDenyHttp, makeSnapshot([listBuckets('logs'), policy('logs', [denyHttp('logs')])]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([expect.objectContaining({ resource: 'arn:aws:s3:::logs', region: 'us-east-1', status: 'pass' })]);
  });

  it('passes the TLS-version form the benchmark accepts, and says what it leaves open', () => {
    const tls = { ...denyHttp('logs'), Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } };
    const result = run(bucketPolicyDenyHttp, makeSnapshot([listBuckets('logs'), policy('logs', [tls])]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('below 1.2');
  });

  it('fails a bucket without any policy (NoSuchBucketPolicy)', () => {
    const result = run(
      bucketPolicyDenyHttp,
      makeSnapshot([listBuckets('logs', 'lake'), policy('logs', [denyHttp('logs')]), denied('s3api', 'GetBucketPolicy', { params: { Bucket: 'lake' }, code: 'NoSuchBucketPolicy' })]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
      ['arn:aws:s3:::logs', 'pass'],
      ['arn:aws:s3:::lake', 'fail'],
    ]);
    expect(result.findings[1]?.detail).toContain('no bucket policy');
  });

  it('fails a policy that only allows HTTPS without denying HTTP', () => {
    const allowOnly = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::tmp/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    const result = run(bucketPolicyDenyHttp, makeSnapshot([listBuckets('tmp'), policy('tmp', [allowOnly])]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('does not refuse HTTP');
  });

  it('fails a deny that covers only some actions, and explains why', () => {
    const narrow = { ...denyHttp('logs'), Action: ['s3:PutObject'] };
    const result = run(bucketPolicyDenyHttp, makeSnapshot([listBuckets('logs'), policy('logs', [narrow])]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('only some actions');
  });

  it('is an error naming the call when a bucket policy read was denied, while other buckets are still judged', () => {
    const result = run(
      bucketPolicyDenyHttp,
      makeSnapshot([listBuckets('logs', 'lake'), policy('logs', [denyHttp('logs')]), denied('s3api', 'GetBucketPolicy', { params: { Bucket: 'lake' } })]),
    );
    expect(result.status).toBe('error');
    expect(result.findings[1]).toMatchObject({ status: 'error', detail: expect.stringContaining('s3api GetBucketPolicy {"Bucket":"lake"} failed: AccessDenied') });
  });

  it('is an error when a bucket policy was not collected, and a proven failure elsewhere still fails', () => {
    const result = run(
      bucketPolicyDenyHttp,
      makeSnapshot([listBuckets('logs', 'lake'), denied('s3api', 'GetBucketPolicy', { params: { Bucket: 'lake' }, code: 'NoSuchBucketPolicy' })]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ status: 'error', detail: expect.stringContaining('s3api GetBucketPolicy {"Bucket":"logs"} was not collected') });
  });

  it('is an error naming ListBuckets when the bucket list is missing', () => {
    const result = run(bucketPolicyDenyHttp, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('s3api ListBuckets');
  });
});
