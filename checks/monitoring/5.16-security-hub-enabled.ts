import type { Recommendation } from '../types.js';

interface DescribeHubOutput {
  HubArn?: string;
  SubscribedAt?: string;
  AutoEnableControls?: boolean;
}

export const securityHubEnabled: Recommendation = {
  id: '5.16',
  section: '5',
  title: 'Ensure AWS Security Hub is enabled',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Security Hub gathers findings from GuardDuty, Inspector, Macie, Config and partner tools into one place and scores the account against security standards. Without it, findings stay scattered across consoles and regions, and a serious one can sit unread. It works per region, so a region without it is a blind spot.',
    verifyConsole: [
      'Open the Security Hub console and choose each region in scope in turn.',
      'A Summary page means the hub is enabled there; a page inviting you to set up or get started means it is not.',
    ],
    verifyCli: [
      'aws securityhub describe-hub --region <region>, for every region in scope.',
      'An answer with HubArn and SubscribedAt means enabled; an InvalidAccessException saying the account is not subscribed means disabled.',
    ],
    remediation: [
      'Make sure AWS Config records in the region first: Security Hub controls depend on it.',
      'In the Security Hub console choose Go to Security Hub, pick the standards to run and enable it; or run aws securityhub enable-security-hub --region <region> --enable-default-standards.',
      'Repeat for every region in scope, or use a delegated administrator with central configuration to enable it across accounts and regions.',
    ],
  },
  reads: [{ service: 'securityhub', operation: 'DescribeHub', scope: 'regional' }],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'A central findings view makes existing detections act sooner; it is a control to add, not a risk to move or accept.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const hubArn = ctx.arn('securityhub', region, 'hub/default');
      const result = ctx.outcome<DescribeHubOutput>('securityhub', 'DescribeHub', { region, params: {} });
      if (!result.ok) {
        if (result.error.code === 'InvalidAccessException') {
          return [{ resource: hubArn, region, status: 'fail', detail: `Security Hub is not enabled in ${region} (DescribeHub: InvalidAccessException)` }];
        }
        return [{ resource: hubArn, region, status: 'error', detail: `securityhub DescribeHub failed in ${region}: ${result.error.code}` }];
      }
      if (!result.output.HubArn && !result.output.SubscribedAt) {
        return [{ resource: hubArn, region, status: 'fail', detail: `DescribeHub in ${region} answered without a hub or subscription date` }];
      }
      const since = result.output.SubscribedAt ? ` since ${result.output.SubscribedAt}` : '';
      return [{ resource: result.output.HubArn ?? hubArn, region, status: 'pass', detail: `Security Hub is enabled in ${region}${since}` }];
    });
  },
};
