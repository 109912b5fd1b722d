import type { Recommendation } from '../types.js';
import { awsManagedPolicyArn, entityNames, type ListEntitiesForPolicyOutput } from './iam-data.js';

export const supportRole: Recommendation = {
  id: '2.16',
  section: '2',
  title: 'Ensure a support role has been created to manage incidents with AWS Support',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'During an incident someone has to open and follow cases with AWS Support quickly. If only administrators (or root) can do that, the team either waits or hands out broad rights under pressure. A role that carries the AWSSupportAccess policy lets the right people work with Support without any other privilege.',
    verifyConsole: [
      'In IAM → Policies, search for AWSSupportAccess and open it.',
      'On Entities attached, at least one role must be listed.',
    ],
    verifyCli: [
      'aws iam list-entities-for-policy --query PolicyRoles --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
      'The list of roles it prints must not be empty.',
    ],
    remediation: [
      'Create a role that the incident responders may assume (trust policy naming their group, users or identity provider), e.g. aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json.',
      'Attach the policy: aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess.',
    ],
  },
  reads: [{ service: 'iam', operation: 'ListEntitiesForPolicy', scope: 'global', params: { PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' } }],
  risk: {
    likelihood: 1,
    impact: 2,
    mitigation: 'reduction',
    mitigationWhy: 'A ready support role shortens incident response without widening anyone\'s rights.',
  },
  evaluate(ctx) {
    const policyArn = awsManagedPolicyArn(ctx, 'AWSSupportAccess');
    const result = ctx.outcome<ListEntitiesForPolicyOutput>('iam', 'ListEntitiesForPolicy', { params: { PolicyArn: policyArn } });
    if (!result.ok) {
      if (result.error.code === 'NoSuchEntity') {
        return [{ resource: policyArn, region: 'global', status: 'fail', detail: 'the AWSSupportAccess policy does not exist in this partition, so no role carries it' }];
      }
      return [{ resource: policyArn, region: 'global', status: 'error', detail: `iam ListEntitiesForPolicy {"PolicyArn":"${policyArn}"} failed: ${result.error.code}` }];
    }
    const roles = result.output.PolicyRoles ?? [];
    const holders = entityNames(result.output);
    if (roles.length === 0) {
      const others = holders.length > 0 ? ` (held only by ${holders.join(', ')})` : '';
      return [{ resource: policyArn, region: 'global', status: 'fail', detail: `no role has AWSSupportAccess attached${others}` }];
    }
    return [{ resource: policyArn, region: 'global', status: 'pass', detail: `AWSSupportAccess is attached to ${holders.join(', ')}` }];
  },
};
