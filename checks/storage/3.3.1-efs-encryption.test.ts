import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { efsEncryption } from './3.3.1-efs-encryption.js';

const fileSystem = (id: string, region: string, encrypted: boolean) => ({
  OwnerId: '111122223333',
  CreationToken: `token-${id}`,
  FileSystemId: id,
  FileSystemArn: `arn:aws:elasticfilesystem:${region}:111122223333:file-system/${id}`,
  CreationTime: '2025-02-01T08:00:00Z',
  LifeCycleState: 'available',
  Name: `share-${id}`,
  NumberOfMountTargets: 2,
  SizeInBytes: { Value: 6144 },
  PerformanceMode: 'generalPurpose',
  Encrypted: encrypted,
  ...(encrypted ? { KmsKeyId: `arn:aws:kms:${region}:111122223333:key/5e6f7a8b-3333-4c6d-9e0f-cccccccccccc` } : {}),
  ThroughputMode: 'bursting',
  Tags: [],
});
const describeFileSystems = (region: string, systems: unknown[]) => ok('efs', 'DescribeFileSystems', { FileSystems: systems }, { region });

describe('3.3.1 EFS encryption', () => {
  it('passes encrypted file systems', () => {
    const result = run(efsEncryption, makeSnapshot([describeFileSystems('us-east-1', [fileSystem('fs-0a1', 'us-east-1', true)]), describeFileSystems('eu-west-1', [])]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0a1', status: 'pass' });
  });

  it('fails an unencrypted file system', () => {
    const result = run(efsEncryption, makeSnapshot([describeFileSystems('us-east-1', []), describeFileSystems('eu-west-1', [fileSystem('fs-0b2', 'eu-west-1', false)])]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]?.detail).toBe('fs-0b2 (share-fs-0b2) is not encrypted at rest');
  });

  it('is an error naming the call when it was denied or not collected', () => {
    const result = run(efsEncryption, makeSnapshot([denied('efs', 'DescribeFileSystems', { region: 'us-east-1' })]));
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => f.detail)).toEqual([
      expect.stringContaining('efs DescribeFileSystems failed in us-east-1: AccessDenied'),
      expect.stringContaining('efs DescribeFileSystems was not collected for eu-west-1'),
    ]);
  });
});
