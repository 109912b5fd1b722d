import { describe, expect, it } from 'vitest';
import { makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { cloudtrailKmsEncryption } from './4.5-cloudtrail-kms-encryption.js';
import { describeTrails, trail } from './trails.fixtures.js';

const main = trail('main', 'us-east-1');
const legacy = trail('legacy', 'eu-west-1', { IsMultiRegionTrail: false, KmsKeyId: undefined });

describe('4.5 CloudTrail KMS encryption', () => {
  it('passes a trail with a KMS key', () => {
    const result = run(cloudtrailKmsEncryption, makeSnapshot([describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main])]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain(main.KmsKeyId);
  });

  it('fails a trail without a KMS key', () => {
    const result = run(cloudtrailKmsEncryption, makeSnapshot([describeTrails('us-east-1', [main, legacy]), describeTrails('eu-west-1', [main, legacy])]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ resource: legacy.TrailARN, status: 'fail' });
  });

  it('is an error naming DescribeTrails when a region was not collected', () => {
    const result = run(cloudtrailKmsEncryption, makeSnapshot([describeTrails('us-east-1', [main])]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('cloudtrail DescribeTrails was not collected for eu-west-1');
  });
});
