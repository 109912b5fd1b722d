import type { Finding, Recommendation } from '../types.js';

interface MacieSessionOutput {
  status?: 'ENABLED' | 'PAUSED';
  createdAt?: string;
  updatedAt?: string;
  findingPublishingFrequency?: string;
}

/** Macie answers GetMacieSession with this AccessDeniedException when it was never enabled in the region. */
const NOT_ENABLED = /macie is not enabled/i;

export const s3DataDiscovery: Recommendation = {
  id: '3.1.3',
  section: '3',
  subsection: '3.1',
  title: 'Ensure all data in Amazon S3 has been discovered, classified, and secured when necessary',
  level: 2,
  assessment: 'manual',
  guidance: {
    protects:
      'You cannot protect data you do not know you hold: personal or payment data tends to land in buckets nobody reviewed. Continuous discovery, with Amazon Macie or a comparable third-party tool, inventories the buckets and flags sensitive content so its access and encryption can be tightened. Without it, a leak is often found by someone outside the company first.',
    verifyConsole: [
      'Open Amazon Macie in each region in scope.',
      'The Summary page must load (Macie enabled, not suspended), and under Jobs (or automated sensitive data discovery) the account\'s buckets must be covered.',
      'If another tool does this work, collect its configuration or a recent report as evidence instead.',
    ],
    verifyCli: [
      'For each region: aws macie2 get-macie-session --region <region>',
      '"status": "ENABLED" means Macie runs there; "PAUSED" means it is suspended; the error "Macie is not enabled" means it was never turned on.',
      'aws macie2 list-classification-jobs --region <region> shows whether discovery jobs exist for the buckets.',
    ],
    remediation: [
      'Enable Macie in each region (console: Get started → Enable Macie, or aws macie2 enable-macie --region <region>).',
      'Configure a repository for discovery results: an S3 bucket with public access blocked, encrypted with a symmetric customer managed KMS key in the same region.',
      'Turn on automated sensitive data discovery or create a classification job covering the buckets, then review the findings and act on them.',
      'Where a third-party tool is used instead, record it as the compensating control.',
    ],
  },
  reads: [{ service: 'macie2', operation: 'GetMacieSession', scope: 'regional' }],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Knowing where sensitive data sits lets the other storage controls be applied where they matter most.' },
  evaluate(ctx) {
    return ctx.perRegion((region): Finding[] => {
      const resource = ctx.account;
      const result = ctx.outcome<MacieSessionOutput>('macie2', 'GetMacieSession', { region });
      if (!result.ok) {
        if (result.error.code.startsWith('AccessDenied') && NOT_ENABLED.test(result.error.message ?? '')) {
          return [{ resource, region, status: 'manual', detail: 'Macie is not enabled in this region; show that another tool discovers and classifies the S3 data here' }];
        }
        return [{ resource, region, status: 'error', detail: `macie2 GetMacieSession failed in ${region}: ${result.error.code}` }];
      }
      if (result.output.status === 'ENABLED') {
        const since = result.output.createdAt ? ` since ${result.output.createdAt}` : '';
        return [{ resource, region, status: 'manual', detail: `Macie is enabled${since}; confirm that discovery jobs or automated discovery cover the buckets and that findings are acted on` }];
      }
      const changed = result.output.updatedAt ? ` (status last changed ${result.output.updatedAt})` : '';
      return [{ resource, region, status: 'manual', detail: `Macie is ${result.output.status ?? 'in an unknown state'}${changed}, so it discovers nothing here; show another tool covers this region` }];
    });
  },
};
