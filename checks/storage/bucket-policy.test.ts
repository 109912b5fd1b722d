import { describe, expect, it } from 'vitest';
import { hasAllowOnlyHttps, parsePolicyDocument, reviewHttpDenials, wildcardMatch, type PolicyStatement } from './bucket-policy.js';

const BUCKET = 'arn:aws:s3:::logs';

const denyHttp = (overrides: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Sid: 'DenyHttp',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [BUCKET, `${BUCKET}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...overrides,
});

describe('parsePolicyDocument', () => {
  it('reads the JSON string the CLI prints, a decoded object and a URL-encoded string', () => {
    const doc = { Version: '2012-10-17', Statement: [denyHttp()] };
    for (const form of [JSON.stringify(doc), doc, encodeURIComponent(JSON.stringify(doc))]) {
      const parsed = parsePolicyDocument(form);
      expect(parsed.ok && parsed.statements).toHaveLength(1);
    }
  });

  it('accepts a single statement object instead of a list', () => {
    const parsed = parsePolicyDocument({ Statement: denyHttp() });
    expect(parsed.ok && parsed.statements[0]?.Sid).toBe('DenyHttp');
  });

  it('names what is wrong with a broken document', () => {
    expect(parsePolicyDocument('{not json')).toEqual({ ok: false, problem: 'the policy is not valid JSON' });
    expect(parsePolicyDocument('[1]')).toEqual({ ok: false, problem: 'the policy is not a JSON object' });
  });
});

describe('wildcardMatch', () => {
  it('treats * and ? as IAM wildcards and everything else literally', () => {
    expect(wildcardMatch('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/a/b')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::log?/*', 'arn:aws:s3:::logs/x')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::logs.x', 'arn:aws:s3:::logsax')).toBe(false);
  });
});

describe('reviewHttpDenials', () => {
  it('accepts the aws:SecureTransport false form on the objects (benchmark form one)', () => {
    const review = reviewHttpDenials([denyHttp({ Resource: `${BUCKET}/*` })], BUCKET);
    expect(review.denials).toEqual([{ kind: 'secure-transport', sid: 'DenyHttp' }]);
  });

  it('accepts a boolean false, BoolIfExists, Principal {"AWS": "*"} and a bucket-wide wildcard resource', () => {
    const statement = denyHttp({ Principal: { AWS: '*' }, Action: ['s3:*'], Resource: `${BUCKET}*`, Condition: { BoolIfExists: { 'aws:securetransport': false } } });
    expect(reviewHttpDenials([statement], BUCKET).denials).toHaveLength(1);
  });

  it('accepts the s3:TlsVersion NumericLessThan form (benchmark form two) and keeps the version', () => {
    const review = reviewHttpDenials([denyHttp({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })], BUCKET);
    expect(review.denials).toEqual([{ kind: 'tls-version', belowVersion: '1.2', sid: 'DenyHttp' }]);
  });

  it('does not count a deny limited to some actions, principals or the bucket itself', () => {
    const review = reviewHttpDenials(
      [
        denyHttp({ Sid: 'OnlyGets', Action: 's3:GetObject' }),
        denyHttp({ Sid: 'OnlyOne', Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
        denyHttp({ Sid: 'BucketOnly', Resource: BUCKET }),
        denyHttp({ Sid: 'OtherBucket', Resource: 'arn:aws:s3:::other/*' }),
      ],
      BUCKET,
    );
    expect(review.denials).toEqual([]);
    expect(review.narrower).toHaveLength(4);
    expect(review.narrower[0]).toContain('only some actions');
    expect(review.narrower[1]).toContain('only to some principals');
    expect(review.narrower[2]).toContain(`do not cover ${BUCKET}/*`);
  });

  it('does not count a deny narrowed by a further condition', () => {
    const statement = denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } });
    const review = reviewHttpDenials([statement], BUCKET);
    expect(review.denials).toEqual([]);
    expect(review.narrower[0]).toContain('StringNotEquals aws:SourceVpce');
  });

  it('ignores Allow statements and denies on other conditions', () => {
    const review = reviewHttpDenials(
      [denyHttp({ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })],
      BUCKET,
    );
    expect(review).toEqual({ denials: [], narrower: [] });
  });
});

describe('hasAllowOnlyHttps', () => {
  it('spots an Allow conditioned on aws:SecureTransport true', () => {
    expect(hasAllowOnlyHttps([denyHttp({ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })])).toBe(true);
    expect(hasAllowOnlyHttps([denyHttp()])).toBe(false);
  });
});
