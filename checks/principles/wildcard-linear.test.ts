import { describe, expect, it } from 'vitest';
import { makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { actionMatches } from '../iam/policy-document.js';
import { globMatch } from '../iam/wildcard.js';
import { bucketPolicyDenyHttp } from '../storage/3.1.1-bucket-policy-deny-http.js';
import { wildcardMatch } from '../storage/bucket-policy.js';

// Eleven `*?` pairs before a character the value lacks: a regex translation backtracks through
// every way of splitting the value among the stars (minutes at this size, growing fivefold per pair).
const ADVERSARIAL = `arn:aws:s3:::${'*?'.repeat(11)}z*`;
const LONG_BUCKET = 'a'.repeat(40);

describe('principle: wildcard matching is linear', () => {
  it('decides adversarial resource and action patterns at once, through the exported matchers', () => {
    expect(wildcardMatch(ADVERSARIAL, `arn:aws:s3:::${LONG_BUCKET}/`)).toBe(false);
    expect(wildcardMatch(ADVERSARIAL, `arn:aws:s3:::${LONG_BUCKET}z/key`)).toBe(true);
    expect(actionMatches(`s3:${'*?'.repeat(11)}Z`, `s3:${'a'.repeat(40)}`)).toBe(false);
    expect(globMatch('*'.repeat(500) + 'b', 'a'.repeat(5000))).toBe(false);
    expect(globMatch('?*'.repeat(200), 'a'.repeat(5000))).toBe(true);
  });

  it('lets 3.1.1 judge a bucket policy whose resource has many wildcards', () => {
    const policy = JSON.stringify({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ADVERSARIAL, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
    });
    const snapshot = makeSnapshot([
      ok('s3api', 'ListBuckets', { Buckets: [{ Name: LONG_BUCKET, BucketRegion: 'us-east-1' }] }),
      ok('s3api', 'GetBucketPolicy', { Policy: policy }, { params: { Bucket: LONG_BUCKET } }),
    ]);
    const result = run(bucketPolicyDenyHttp, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain(`do not cover arn:aws:s3:::${LONG_BUCKET}/*`);
  });
});

describe('wildcard semantics as IAM has them', () => {
  it('lets * match any run of characters, none and slashes included', () => {
    expect(globMatch('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/')).toBe(true);
    expect(globMatch('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/a/b/c')).toBe(true);
    expect(globMatch('arn:*:s3:::logs', 'arn:aws-us-gov:s3:::logs')).toBe(true);
    expect(globMatch('a*b*c', 'abc')).toBe(true);
    expect(globMatch('a*b*c', 'aXbYbZc')).toBe(true);
    expect(globMatch('a*b*c', 'aXbYc!')).toBe(false);
    expect(globMatch('***', '')).toBe(true);
    expect(globMatch('', '')).toBe(true);
    expect(globMatch('', 'a')).toBe(false);
  });

  it('lets ? match exactly one character, never none', () => {
    expect(globMatch('log?', 'logs')).toBe(true);
    expect(globMatch('log?', 'log')).toBe(false);
    expect(globMatch('log?', 'logss')).toBe(false);
    expect(globMatch('??', '€😀')).toBe(true);
  });

  it('takes every other character literally, regex metacharacters included', () => {
    for (const literal of ['.', '+', '(', ')', '[', ']', '{', '}', '^', '$', '|', '\\']) {
      expect(globMatch(`a${literal}b`, `a${literal}b`), literal).toBe(true);
      expect(globMatch(`a${literal}b`, 'axb'), literal).toBe(false);
    }
    expect(wildcardMatch('arn:aws:s3:::logs.x', 'arn:aws:s3:::logsax')).toBe(false);
  });

  it('agrees with a backtracking reference on every short pattern and value over a small alphabet', () => {
    // Exhaustive over patterns of up to 4 symbols from `a b * ?` and values of up to 4 letters from `a b`.
    const words = (alphabet: string[], max: number): string[] => {
      let level = [''];
      const all = [''];
      for (let n = 0; n < max; n++) {
        level = level.flatMap((w) => alphabet.map((c) => w + c));
        all.push(...level);
      }
      return all;
    };
    const reference = (p: string, v: string): boolean =>
      p === '' ? v === '' : p[0] === '*' ? reference(p.slice(1), v) || (v !== '' && reference(p, v.slice(1))) : v !== '' && (p[0] === '?' || p[0] === v[0]) && reference(p.slice(1), v.slice(1));
    for (const pattern of words(['a', 'b', '*', '?'], 4)) {
      for (const value of words(['a', 'b'], 4)) expect(globMatch(pattern, value), `${pattern} ~ ${value}`).toBe(reference(pattern, value));
    }
  });

  it('compares actions case-insensitively and ARNs case-sensitively', () => {
    expect(actionMatches('S3:get*', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get?bject', 'S3:GETOBJECT')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::Logs/*', 'arn:aws:s3:::logs/a')).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/A')).toBe(true);
  });
});
