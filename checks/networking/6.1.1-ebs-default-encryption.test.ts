import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { ebsDefaultEncryption } from './6.1.1-ebs-default-encryption.js';

const setting = (region: string, on: boolean) => ok('ec2', 'GetEbsEncryptionByDefault', { EbsEncryptionByDefault: on, SseType: on ? 'sse-ebs' : undefined }, { region });
const key = (region: string) => ok('ec2', 'GetEbsDefaultKmsKeyId', { KmsKeyId: 'alias/aws/ebs' }, { region });

describe('6.1.1 EBS encryption by default', () => {
  it('passes when every region in scope encrypts new volumes, naming the default key', () => {
    const result = run(ebsDefaultEncryption, makeSnapshot([setting('us-east-1', true), key('us-east-1'), setting('eu-west-1', true)]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      { resource: '111122223333:us-east-1', region: 'us-east-1', status: 'pass', detail: 'new EBS volumes in us-east-1 are encrypted by default with alias/aws/ebs' },
      { resource: '111122223333:eu-west-1', region: 'eu-west-1', status: 'pass', detail: 'new EBS volumes in eu-west-1 are encrypted by default' },
    ]);
  });

  it('fails for the one region where it is off', () => {
    const result = run(ebsDefaultEncryption, makeSnapshot([setting('us-east-1', true), setting('eu-west-1', false)]));
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => [f.region, f.status])).toEqual([
      ['us-east-1', 'pass'],
      ['eu-west-1', 'fail'],
    ]);
  });

  it('is an error naming the call for a denied region, without hiding another region’s failure', () => {
    const deniedRegion = run(ebsDefaultEncryption, makeSnapshot([setting('us-east-1', true), denied('ec2', 'GetEbsEncryptionByDefault', { region: 'eu-west-1', code: 'UnauthorizedOperation' })]));
    expect(deniedRegion.status).toBe('error');
    expect(deniedRegion.findings[1]).toMatchObject({ status: 'error', region: 'eu-west-1', detail: expect.stringContaining('ec2 GetEbsEncryptionByDefault failed in eu-west-1: UnauthorizedOperation') });
    const mixed = run(ebsDefaultEncryption, makeSnapshot([setting('us-east-1', false)]));
    expect(mixed.status).toBe('fail');
    expect(mixed.findings[1]?.detail).toContain('ec2 GetEbsEncryptionByDefault was not collected for eu-west-1');
  });
});
