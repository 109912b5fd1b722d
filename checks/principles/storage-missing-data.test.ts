import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT, denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { blockPublicAccess } from '../storage/3.1.4-block-public-access.js';

const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const accountBlock = (config: Record<string, boolean>) => ok('s3control', 'GetPublicAccessBlock', { PublicAccessBlockConfiguration: config }, { params: { AccountId: TEST_ACCOUNT } });
const accountDenied = denied('s3control', 'GetPublicAccessBlock', { params: { AccountId: TEST_ACCOUNT } });
const bucketBlock = (bucket: string, config: Record<string, boolean>) => ok('s3api', 'GetPublicAccessBlock', { PublicAccessBlockConfiguration: config }, { params: { Bucket: bucket } });
const listBuckets = (...names: string[]) => ok('s3api', 'ListBuckets', { Buckets: names.map((Name) => ({ Name, BucketRegion: 'us-east-1' })) });

describe('principle: missing data decides only where it could change the verdict', () => {
  describe('a pass that does not depend on the missing data stays pass (3.1.4)', () => {
    it('passes on bucket settings when every bucket blocks all four, whether the account setting was denied or never collected', () => {
      for (const account of [[accountDenied], []]) {
        const result = run(blockPublicAccess, makeSnapshot([...account, listBuckets('a', 'b'), bucketBlock('a', ALL_ON), bucketBlock('b', ALL_ON)]));
        expect(result.status).toBe('pass');
        expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
          [TEST_ACCOUNT, 'pass'],
          ['arn:aws:s3:::a', 'pass'],
          ['arn:aws:s3:::b', 'pass'],
        ]);
        expect(result.findings[0]?.detail).toContain('s3control GetPublicAccessBlock');
      }
    });

    it('passes on the account setting when all four are on there, whatever bucket-level calls are missing or denied', () => {
      const result = run(blockPublicAccess, makeSnapshot([accountBlock(ALL_ON), listBuckets('a', 'b'), denied('s3api', 'GetPublicAccessBlock', { params: { Bucket: 'a' } })]));
      expect(result.status).toBe('pass');
      // A bucket that leaves a setting off, with the account unknown, is what the missing data could change.
      const unknown = run(blockPublicAccess, makeSnapshot([accountDenied, listBuckets('a', 'web'), bucketBlock('a', ALL_ON), bucketBlock('web', { ...ALL_ON, BlockPublicPolicy: false })]));
      expect(unknown.status).toBe('error');
      expect(unknown.findings.map((f) => f.status)).toEqual(['error', 'pass', 'error']);
      expect(unknown.findings[2]?.detail).toContain('BlockPublicPolicy');
      expect(unknown.findings[2]?.detail).toContain('s3control GetPublicAccessBlock');
    });

    it('names both calls when neither the account setting nor the bucket list is there', () => {
      const result = run(blockPublicAccess, makeSnapshot([accountDenied]));
      expect(result.status).toBe('error');
      const details = result.findings.map((f) => f.detail).join(' | ');
      expect(details).toContain('s3control GetPublicAccessBlock');
      expect(details).toContain('s3api ListBuckets');
    });
  });
});
