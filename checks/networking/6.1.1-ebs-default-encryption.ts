import type { Recommendation } from '../types.js';
import { accountInRegion } from './ec2-data.js';

interface EbsEncryptionByDefault {
  EbsEncryptionByDefault?: boolean;
  SseType?: string;
}

export const ebsDefaultEncryption: Recommendation = {
  id: '6.1.1',
  section: '6',
  subsection: '6.1',
  title: 'Ensure EBS volume encryption is enabled in all regions',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'With encryption by default switched on, every new EBS volume and snapshot copy in the region is encrypted with KMS, whoever creates it and however. Without it, one launch template or script that forgets the flag leaves data readable from a shared or leaked snapshot. The setting is per region, so each region in scope needs it.',
    verifyConsole: [
      'Open the EC2 console, choose the region, and on the dashboard open Account attributes → Data protection and security.',
      'Under EBS encryption, "Always encrypt new EBS volumes" must read Enabled. Repeat for every region in scope.',
    ],
    verifyCli: [
      'aws ec2 get-ebs-encryption-by-default --region <region>, for every region in scope.',
      'EbsEncryptionByDefault must be true; aws ec2 get-ebs-default-kms-key-id --region <region> shows which key new volumes get.',
    ],
    remediation: [
      'In EC2 → Data protection and security → EBS encryption → Manage, tick Enable and save; optionally choose a customer managed key.',
      'Or run aws ec2 enable-ebs-encryption-by-default --region <region> in each region where it is off.',
      'Existing unencrypted volumes stay as they are: copy their snapshots with encryption and replace them where the data matters.',
    ],
  },
  reads: [
    { service: 'ec2', operation: 'GetEbsEncryptionByDefault', scope: 'regional' },
    { service: 'ec2', operation: 'GetEbsDefaultKmsKeyId', scope: 'regional' },
  ],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'A one-time regional setting closes the gap for every future volume at no ongoing cost.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const setting = ctx.output<EbsEncryptionByDefault>('ec2', 'GetEbsEncryptionByDefault', { region, params: {} });
      const key = ctx.optional<{ KmsKeyId?: string }>('ec2', 'GetEbsDefaultKmsKeyId', { region, params: {} })?.KmsKeyId;
      const resource = accountInRegion(ctx, region);
      if (setting.EbsEncryptionByDefault === true) {
        return [{ resource, region, status: 'pass', detail: `new EBS volumes in ${region} are encrypted by default${key ? ` with ${key}` : ''}` }];
      }
      return [{ resource, region, status: 'fail', detail: `EBS encryption by default is off in ${region}: new volumes are unencrypted unless their creator asks` }];
    });
  },
};
