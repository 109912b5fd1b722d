import type { Finding, Recommendation } from '../types.js';

interface ListAnalyzersOutput {
  analyzers?: { arn: string; name: string; type: string; status: string; statusReason?: { code?: string } }[];
}

// External access analyzers; the unused-access and internal-access types answer other questions.
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

export const accessAnalyzer: Recommendation = {
  id: '2.19',
  section: '2',
  title: 'Ensure that IAM External Access Analyzer is enabled for all regions',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Buckets, keys, roles, queues and functions can be shared with other accounts or the public through their resource policies, often by accident. An external access analyzer reads those policies continuously and reports every resource reachable from outside the zone of trust. It works per region, so a region without one is a blind spot.',
    verifyConsole: [
      'In IAM → Access analyzer → Analyzer settings, switch through every region in use.',
      'Each region must list an analyzer whose finding type is External access with status Active.',
    ],
    verifyCli: [
      'In every enabled region: aws accessanalyzer list-analyzers --region REGION',
      'At least one analyzer of type ACCOUNT or ORGANIZATION must have status ACTIVE (the benchmark shows --type ORGANIZATION; a standalone account can only have ACCOUNT).',
    ],
    remediation: [
      'In each region without one: aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region REGION (ORGANIZATION from the management or delegated administrator account).',
      'Or deploy it to every region with a CloudFormation StackSet, and review its findings regularly.',
    ],
  },
  reads: [{ service: 'accessanalyzer', operation: 'ListAnalyzers', scope: 'regional' }],
  risk: {
    likelihood: 1,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'An analyzer in every region surfaces unintended sharing before it is abused.',
  },
  evaluate(ctx) {
    return ctx.perRegion((region): Finding[] => {
      const analyzers = ctx.output<ListAnalyzersOutput>('accessanalyzer', 'ListAnalyzers', { region }).analyzers ?? [];
      const active = analyzers.find((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE');
      if (active) return [{ resource: active.arn, region, status: 'pass', detail: `external access analyzer ${active.name} (${active.type}) is active in ${region}` }];
      const others = analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`).join(', ');
      return [{ resource: ctx.account, region, status: 'fail', detail: `no active external access analyzer in ${region}${others ? `; found ${others}` : ''}` }];
    });
  },
};
