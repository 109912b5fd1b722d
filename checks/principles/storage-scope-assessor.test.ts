import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { mfaDelete } from '../storage/3.1.2-mfa-delete.js';
import { rdsMultiAz } from '../storage/3.2.4-rds-multi-az.js';
import { dbInstance, describeDbInstances } from '../storage/rds.fixtures.js';

const buckets = (...names: string[]) => ok('s3api', 'ListBuckets', { Buckets: names.map((Name) => ({ Name, BucketRegion: 'eu-west-1' })) });
const versioning = (bucket: string, output: Record<string, string>) => ok('s3api', 'GetBucketVersioning', output, { region: 'eu-west-1', params: { Bucket: bucket } });

// The benchmark asks for MFA Delete on sensitive buckets and Multi-AZ for production databases:
// which ones those are is the assessor's call, so the data is evidence, never a verdict.
describe('principle: scope is the assessor\'s where the benchmark says so', () => {
  it('3.1.2: leaves every bucket to the assessor with its versioning and MFA Delete state, off or on', () => {
    const result = run(
      mfaDelete,
      makeSnapshot([
        buckets('backups', 'lake', 'tmp', 'paused'),
        versioning('backups', { Status: 'Enabled', MFADelete: 'Enabled' }),
        versioning('lake', { Status: 'Enabled', MFADelete: 'Disabled' }),
        versioning('tmp', {}),
        versioning('paused', { Status: 'Suspended' }),
      ]),
    );
    // Manual in the benchmark and in our catalogue (test/catalog.test.ts pins every assessment type).
    expect(mfaDelete.assessment).toBe('manual');
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
      ['arn:aws:s3:::backups', 'manual'],
      ['arn:aws:s3:::lake', 'manual'],
      ['arn:aws:s3:::tmp', 'manual'],
      ['arn:aws:s3:::paused', 'manual'],
    ]);
    expect(result.findings.map((f) => f.detail.split(';')[0])).toEqual([
      'versioning Enabled, MFA Delete Enabled',
      'versioning Enabled, MFA Delete Disabled',
      'versioning never enabled, MFA Delete never configured',
      'versioning Suspended, MFA Delete never configured',
    ]);
    expect(result.findings[1]?.detail).toMatch(/sensitive/);
  });

  it('3.1.2: still reports a bucket whose versioning could not be read as an error', () => {
    const result = run(mfaDelete, makeSnapshot([buckets('lake', 'backups'), denied('s3api', 'GetBucketVersioning', { region: 'eu-west-1', params: { Bucket: 'lake' } }), versioning('backups', { Status: 'Enabled', MFADelete: 'Disabled' })]));
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => f.status)).toEqual(['error', 'manual']);
  });

  it('3.2.4: leaves every DB instance to the assessor with its MultiAZ state, single-AZ included', () => {
    const result = run(
      rdsMultiAz,
      makeSnapshot([
        describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1'), dbInstance('reporting', 'us-east-1', { MultiAZ: false })]),
        describeDbInstances('eu-west-1', [dbInstance('scratch', 'eu-west-1', { MultiAZ: false })]),
      ]),
    );
    expect(rdsMultiAz.assessment).toBe('manual');
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => [f.resource.split(':').pop(), f.status])).toEqual([
      ['orders', 'manual'],
      ['reporting', 'manual'],
      ['scratch', 'manual'],
    ]);
    expect(result.findings[1]?.detail).toContain('MultiAZ false');
    expect(result.findings[1]?.detail).toMatch(/production/);
  });
});
