import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { kmsKeyRotation } from './4.6-kms-key-rotation.js';

const arn = (region: string, id: string) => `arn:aws:kms:${region}:111122223333:key/${id}`;
const listKeys = (region: string, ids: string[]) => ok('kms', 'ListKeys', { Keys: ids.map((KeyId) => ({ KeyId, KeyArn: arn(region, KeyId) })) }, { region });
const describeKey = (region: string, id: string, meta: Record<string, unknown> = {}) =>
  ok(
    'kms',
    'DescribeKey',
    {
      KeyMetadata: {
        AWSAccountId: '111122223333',
        KeyId: id,
        Arn: arn(region, id),
        CreationDate: '2024-02-01T10:00:00Z',
        Enabled: true,
        Description: `key ${id}`,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
        ...meta,
      },
    },
    { region, params: { KeyId: id } },
  );
const rotation = (region: string, id: string, enabled: boolean) =>
  ok('kms', 'GetKeyRotationStatus', { KeyRotationEnabled: enabled, KeyId: arn(region, id), ...(enabled ? { RotationPeriodInDays: 365, NextRotationDate: '2027-02-01T10:00:00Z' } : {}) }, { region, params: { KeyId: id } });

describe('4.6 KMS key rotation', () => {
  it('passes a customer managed symmetric key with rotation on, skipping the keys the benchmark leaves out', () => {
    const result = run(
      kmsKeyRotation,
      makeSnapshot([
        listKeys('us-east-1', ['k1', 'aws1', 'rsa1', 'gone1']),
        describeKey('us-east-1', 'k1'),
        rotation('us-east-1', 'k1', true),
        describeKey('us-east-1', 'aws1', { KeyManager: 'AWS', Description: 'Default key for S3' }),
        describeKey('us-east-1', 'rsa1', { KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }),
        describeKey('us-east-1', 'gone1', { KeyState: 'PendingDeletion', Enabled: false }),
        listKeys('eu-west-1', ['aws2']),
        describeKey('eu-west-1', 'aws2', { KeyManager: 'AWS' }),
      ]),
    );
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      expect.objectContaining({ resource: arn('us-east-1', 'k1'), status: 'pass', detail: expect.stringContaining('every 365 days') }),
      expect.objectContaining({ region: 'eu-west-1', status: 'pass', detail: 'no customer managed symmetric keys in eu-west-1 (skipped: 1 AWS managed)' }),
    ]);
  });

  it('fails a customer managed symmetric key without rotation', () => {
    const result = run(kmsKeyRotation, makeSnapshot([listKeys('us-east-1', ['k1']), describeKey('us-east-1', 'k1'), rotation('us-east-1', 'k1', false), listKeys('eu-west-1', [])]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('without automatic rotation');
  });

  it('leaves keys with imported material to the assessor', () => {
    const result = run(kmsKeyRotation, makeSnapshot([listKeys('us-east-1', ['ext']), describeKey('us-east-1', 'ext', { Origin: 'EXTERNAL' }), listKeys('eu-west-1', [])]));
    expect(result.status).toBe('manual');
  });

  it('is an error naming the call when one key\'s rotation status was denied, while other keys are judged', () => {
    const result = run(
      kmsKeyRotation,
      makeSnapshot([
        listKeys('us-east-1', ['k1', 'k2']),
        describeKey('us-east-1', 'k1'),
        denied('kms', 'GetKeyRotationStatus', { region: 'us-east-1', params: { KeyId: 'k1' } }),
        describeKey('us-east-1', 'k2'),
        rotation('us-east-1', 'k2', true),
        listKeys('eu-west-1', []),
      ]),
    );
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('kms GetKeyRotationStatus {"KeyId":"k1"} failed in us-east-1');
    expect(result.findings[1]?.status).toBe('pass');
  });

  it('is an error when ListKeys was not collected for a region', () => {
    const result = run(kmsKeyRotation, makeSnapshot([listKeys('us-east-1', [])]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('kms ListKeys was not collected for eu-west-1');
  });
});
