import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { s3DataDiscovery } from './3.1.3-s3-data-discovery.js';

const session = (region: string, status: 'ENABLED' | 'PAUSED') =>
  ok('macie2', 'GetMacieSession', { createdAt: '2025-03-01T10:00:00Z', findingPublishingFrequency: 'FIFTEEN_MINUTES', serviceRole: 'arn:aws:iam::111122223333:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie', status, updatedAt: '2025-03-01T10:00:00Z' }, { region });

describe('3.1.3 S3 data discovery', () => {
  it('is manual with Macie status per region as evidence', () => {
    const result = run(s3DataDiscovery, makeSnapshot([session('us-east-1', 'ENABLED'), session('eu-west-1', 'PAUSED')]));
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => [f.region, f.status])).toEqual([
      ['us-east-1', 'manual'],
      ['eu-west-1', 'manual'],
    ]);
    expect(result.findings[0]?.detail).toContain('Macie is enabled since 2025-03-01T10:00:00Z');
    expect(result.findings[1]?.detail).toContain('PAUSED');
  });

  it('reads "Macie is not enabled" as evidence, not as a denied call: another tool may do the work', () => {
    const notEnabled = { ...denied('macie2', 'GetMacieSession', { region: 'eu-west-1', code: 'AccessDeniedException' }), error: { code: 'AccessDeniedException', message: 'Macie is not enabled.' } };
    const result = run(s3DataDiscovery, makeSnapshot([session('us-east-1', 'ENABLED'), notEnabled]));
    expect(result.status).toBe('manual');
    expect(result.findings[1]?.detail).toContain('not enabled in this region');
  });

  it('is an error naming the call and region when GetMacieSession was denied', () => {
    const result = run(s3DataDiscovery, makeSnapshot([session('us-east-1', 'ENABLED'), denied('macie2', 'GetMacieSession', { region: 'eu-west-1', code: 'AccessDeniedException' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'error', detail: 'macie2 GetMacieSession failed in eu-west-1: AccessDeniedException' });
  });

  it('is an error for a region where the call was not collected', () => {
    const result = run(s3DataDiscovery, makeSnapshot([session('us-east-1', 'ENABLED')]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('macie2 GetMacieSession was not collected for eu-west-1');
  });
});
