import type { Finding, Recommendation } from '../types.js';
import { listTrails } from './trails.js';

export const cloudtrailKmsEncryption: Recommendation = {
  id: '4.5',
  section: '4',
  title: 'Ensure CloudTrail logs are encrypted at rest using KMS CMKs',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'CloudTrail logs reveal a great deal about the account: who works in it, which resources exist and how they are reached. With SSE-KMS, reading a log file needs decrypt permission on a customer managed key as well as read access to the bucket. A leaked bucket policy or an over-broad S3 role then no longer exposes the logs on its own, and every decryption is itself logged.',
    verifyConsole: [
      'Open CloudTrail → Trails and open each trail.',
      'Under General details, Log file SSE-KMS encryption must be Enabled with a KMS key named.',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails --query "trailList[].[Name,KmsKeyId]" in each region in scope.',
      'Every trail must have a KmsKeyId.',
    ],
    remediation: [
      'Create or choose a symmetric customer managed KMS key in the log bucket\'s region.',
      'Add key policy statements that let cloudtrail.amazonaws.com describe the key and generate data keys (with the kms:EncryptionContext:aws:cloudtrail:arn condition), and let the log readers decrypt.',
      'Apply it: aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn-or-alias>',
    ],
  },
  reads: [{ service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional' }],
  risk: { likelihood: 1, impact: 4, mitigation: 'reduction', mitigationWhy: 'A second, separately governed permission guards the audit logs.' },
  evaluate(ctx) {
    const { trails, missing } = listTrails(ctx);
    if (trails.length === 0 && missing.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'fail', detail: 'no CloudTrail trail exists, so no log is encrypted with a KMS key' }];
    }
    return [
      ...trails.map((trail): Finding => ({
        resource: trail.TrailARN,
        region: trail.HomeRegion,
        status: trail.KmsKeyId ? 'pass' : 'fail',
        detail: trail.KmsKeyId ? `${trail.Name}: logs are encrypted with ${trail.KmsKeyId}` : `${trail.Name}: no KMS key is set, so logs use S3-managed encryption only`,
      })),
      ...missing,
    ];
  },
};
