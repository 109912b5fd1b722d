import type { Finding, Recommendation } from '../types.js';
import { day, wholeDays } from './iam-data.js';

interface ListServerCertificatesOutput {
  ServerCertificateMetadataList?: { ServerCertificateName: string; ServerCertificateId?: string; Arn: string; Expiration?: string; UploadDate?: string }[];
}

export const expiredCertificates: Recommendation = {
  id: '2.18',
  section: '2',
  title: 'Ensure that all expired SSL/TLS certificates stored in AWS IAM are removed',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'IAM keeps server certificates for load balancers and CloudFront in regions or setups where ACM is not used, and it never deletes them. An expired one can still be picked by mistake for a listener, breaking HTTPS for customers and teaching them to click through warnings. Removing expired certificates keeps only usable ones on offer.',
    verifyConsole: ['The console does not list IAM server certificates; use the CLI.'],
    verifyCli: ['aws iam list-server-certificates', 'Every entry\'s Expiration must be later than today. An empty list means there are no IAM server certificates at all.'],
    remediation: [
      'Make sure no load balancer or CloudFront distribution still uses the certificate (replace it with a current ACM certificate first).',
      'Delete it: aws iam delete-server-certificate --server-certificate-name NAME.',
    ],
  },
  reads: [{ service: 'iam', operation: 'ListServerCertificates', scope: 'global' }],
  risk: {
    likelihood: 2,
    impact: 4,
    mitigation: 'avoidance',
    mitigationWhy: 'Deleting expired certificates removes the chance of deploying one.',
  },
  evaluate(ctx) {
    const certificates = ctx.output<ListServerCertificatesOutput>('iam', 'ListServerCertificates').ServerCertificateMetadataList ?? [];
    if (certificates.length === 0) return [{ resource: ctx.account, region: 'global', status: 'pass', detail: 'IAM stores no server certificates' }];
    return certificates.map((cert): Finding => {
      const base = { resource: cert.Arn, region: 'global' };
      const expiry = cert.Expiration ? new Date(cert.Expiration) : undefined;
      if (!expiry || Number.isNaN(expiry.getTime())) return { ...base, status: 'error', detail: `${cert.ServerCertificateName} has no readable Expiration (${cert.Expiration ?? 'missing'})` };
      if (expiry.getTime() <= ctx.now.getTime()) {
        return { ...base, status: 'fail', detail: `${cert.ServerCertificateName} expired on ${day(expiry)} (${wholeDays(expiry, ctx.now)} days before collection)` };
      }
      return { ...base, status: 'pass', detail: `${cert.ServerCertificateName} is valid until ${day(expiry)}` };
    });
  },
};
