import { describe, expect, it } from 'vitest';
import { makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { bucketPolicyDenyHttp } from '../storage/3.1.1-bucket-policy-deny-http.js';

const BUCKET = 'records';
const ARN = `arn:aws:s3:::${BUCKET}`;

const denyHttp = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  Sid: 'DenyHttp',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...overrides,
});

/** 3.1.1's verdict on the one bucket whose policy holds `statements`, with its detail. */
function judge(...statements: Record<string, unknown>[]): { status: string; detail: string } {
  const snapshot = makeSnapshot([
    ok('s3api', 'ListBuckets', { Buckets: [{ Name: BUCKET, BucketRegion: 'us-east-1' }] }),
    ok('s3api', 'GetBucketPolicy', { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }, { params: { Bucket: BUCKET } }),
  ]);
  const result = run(bucketPolicyDenyHttp, snapshot);
  return { status: result.status, detail: result.findings[0]?.detail ?? '' };
}

describe('principle: conditions that narrow do not count', () => {
  it('fails a deny that something else narrows: another condition, or a principal, action or resource short of all', () => {
    const conditions = [
      { Bool: { 'aws:SecureTransport': 'false' }, NumericLessThan: { 's3:TlsVersion': '1.2' } },
      { Bool: { 'aws:SecureTransport': false }, StringEquals: { 'aws:PrincipalAccount': '111122223333' } },
      { Bool: { 'aws:SecureTransport': 'false', 'aws:ViaAWSService': 'false' } },
      { NumericLessThan: { 's3:TlsVersion': '1.2' }, StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    ];
    const narrower: [Record<string, unknown>, string][] = [
      ...conditions.map((Condition): [Record<string, unknown>, string] => [{ Condition }, 'narrowed by further conditions']),
      [{ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }, 'only to some principals'],
      [{ Principal: { Service: '*' } }, 'only to some principals'],
      [{ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' } }, 'only to some principals'],
      [{ Action: ['s3:GetObject', 's3:PutObject'] }, 'only some actions'],
      [{ Action: 's3:*Object' }, 'only some actions'],
      [{ Action: undefined, NotAction: 's3:GetObject' }, 'only some actions'],
      [{ Resource: ARN }, `do not cover ${ARN}/*`],
      [{ Resource: `${ARN}/public/*` }, `do not cover ${ARN}/*`],
      [{ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' }, `do not cover ${ARN}/*`],
      [{ Resource: 'arn:aws:s3:::Records/*' }, `do not cover ${ARN}/*`],
    ];
    for (const [overrides, reason] of narrower) {
      const verdict = judge(denyHttp(overrides));
      expect(verdict.status, JSON.stringify(overrides)).toBe('fail');
      expect(verdict.detail, JSON.stringify(overrides)).toContain(reason);
    }
  });

  it('counts a deny that applies to every HTTP request, whatever spelling IAM accepts for it', () => {
    const complete: Record<string, unknown>[] = [
      {},
      { Condition: { Bool: { 'aws:SecureTransport': false } } },
      { Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } },
      { Condition: { Bool: { 'AWS:SecureTransport': 'False' } } },
      { Principal: { AWS: '*' } },
      { Principal: { AWS: ['*'] } },
      { Action: '*' },
      { Action: '*:*' },
      { Action: 'S3:*' },
      { Resource: `${ARN}/*` },
      { Resource: 'arn:aws:s3:::rec*' },
      { Resource: '*' },
    ];
    for (const overrides of complete) {
      expect(judge(denyHttp(overrides)).status, JSON.stringify(overrides)).toBe('pass');
    }
    const narrowed = denyHttp({ Sid: 'Narrow', Condition: { Bool: { 'aws:SecureTransport': 'false' }, NumericLessThan: { 's3:TlsVersion': '1.2' } } });
    expect(judge(narrowed, denyHttp({ Sid: 'Whole' })).status).toBe('pass');
  });
});
