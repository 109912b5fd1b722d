import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { mfaDelete } from './3.1.2-mfa-delete.js';

const listBuckets = (...names: string[]) => ok('s3api', 'ListBuckets', { Buckets: names.map((Name) => ({ Name, BucketRegion: 'eu-west-1' })) });
const versioning = (bucket: string, output: Record<string, string>) => ok('s3api', 'GetBucketVersioning', output, { region: 'eu-west-1', params: { Bucket: bucket } });

describe('3.1.2 MFA Delete', () => {
  it('is manual with the evidence when versioning and MFA Delete are both enabled', () => {
    const result = run(mfaDelete, makeSnapshot([listBuckets('backups'), versioning('backups', { Status: 'Enabled', MFADelete: 'Enabled' })]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:s3:::backups', region: 'eu-west-1', status: 'manual' });
    expect(result.findings[0]?.detail).toContain('versioning Enabled, MFA Delete Enabled');
  });

  it('leaves buckets without MFA Delete to the assessor, including never-versioned ones (sensitive buckets are theirs to name)', () => {
    const result = run(
      mfaDelete,
      makeSnapshot([
        listBuckets('backups', 'lake', 'tmp'),
        versioning('backups', { Status: 'Enabled', MFADelete: 'Enabled' }),
        versioning('lake', { Status: 'Enabled', MFADelete: 'Disabled' }),
        versioning('tmp', {}),
      ]),
    );
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => f.status)).toEqual(['manual', 'manual', 'manual']);
    expect(result.findings[2]?.detail).toContain('versioning never enabled, MFA Delete never configured');
  });

  it('is an error naming the call when versioning could not be read', () => {
    const result = run(mfaDelete, makeSnapshot([listBuckets('lake'), denied('s3api', 'GetBucketVersioning', { region: 'eu-west-1', params: { Bucket: 'lake' } })]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('s3api GetBucketVersioning {"Bucket":"lake"} failed: AccessDenied');
  });

  it('is an error when the call was not collected', () => {
    const result = run(mfaDelete, makeSnapshot([listBuckets('lake')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('s3api GetBucketVersioning');
  });
});
