import { judgeEach, type CheckContext } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { ATTACHED_POLICIES, attachedPolicies, defaultVersionDocument, entityNames, type ListEntitiesForPolicyOutput, type ManagedPolicy } from './iam-data.js';
import { grantsFullAdmin, parsePolicyDocument, PolicyDocumentError, statementName, statementsOf } from './policy-document.js';

function attachedTo(ctx: CheckContext, policy: ManagedPolicy): string {
  const entities = ctx.optional<ListEntitiesForPolicyOutput>('iam', 'ListEntitiesForPolicy', { params: { PolicyArn: policy.Arn } });
  if (entities) {
    const names = entityNames(entities);
    return names.length > 0 ? `attached to ${names.join(', ')}` : 'attached to no entity';
  }
  return `attached to ${policy.AttachmentCount ?? 'an unknown number of'} entit${policy.AttachmentCount === 1 ? 'y' : 'ies'}`;
}

export const noFullAdminPolicies: Recommendation = {
  id: '2.15',
  section: '2',
  title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'A policy that allows every action on every resource makes whoever holds it an administrator of the whole account, usually far beyond what the job needs. A compromised holder, or a simple mistake, then reaches everything. Scoped policies limit how far one stolen credential or bad command can go.',
    verifyConsole: [
      'In IAM → Policies, filter by Used as: Permissions policy.',
      'Open each policy\'s default version (Permissions → JSON): no statement may have Effect Allow with Action "*" and Resource "*".',
      'On Entities attached, note who holds any such policy.',
    ],
    verifyCli: [
      'aws iam list-policies --only-attached',
      'For each policy: aws iam get-policy-version --policy-arn ARN --version-id DEFAULT_VERSION_ID and look for a statement with "Effect": "Allow", "Action": "*" and "Resource": "*" (either may also be a list containing "*").',
      'aws iam list-entities-for-policy --policy-arn ARN shows the groups, users and roles that hold it.',
    ],
    remediation: [
      'Replace the policy with one scoped to the services and resources the holders need (IAM Access Analyzer can generate one from CloudTrail activity).',
      'Detach it from every holder: aws iam detach-group-policy --group-name GROUP --policy-arn ARN, aws iam detach-user-policy --user-name NAME --policy-arn ARN, aws iam detach-role-policy --role-name ROLE --policy-arn ARN.',
      'Keep any genuine break-glass administrator access in one well-guarded role with MFA and alerting.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'ListPolicies', scope: 'global', params: ATTACHED_POLICIES },
    { service: 'iam', operation: 'GetPolicyVersion', scope: 'global', per: 'PolicyArn, VersionId' },
    { service: 'iam', operation: 'ListEntitiesForPolicy', scope: 'global', per: 'PolicyArn' },
  ],
  risk: {
    likelihood: 3,
    impact: 4,
    mitigation: 'reduction',
    mitigationWhy: 'Scoping the policy shrinks what a compromised holder can reach.',
  },
  evaluate(ctx) {
    const policies = attachedPolicies(ctx);
    if (policies.length === 0) return [{ resource: ctx.account, region: 'global', status: 'pass', detail: 'no managed policy is attached to any user, group or role' }];
    return judgeEach(policies, (policy): Finding[] => {
      const base = { resource: policy.Arn, region: 'global' };
      let statements;
      try {
        statements = statementsOf(parsePolicyDocument(defaultVersionDocument(ctx, policy)));
      } catch (err) {
        if (err instanceof PolicyDocumentError) return [{ ...base, status: 'error', detail: `${policy.PolicyName} ${policy.DefaultVersionId}: ${err.message}` }];
        throw err;
      }
      const admin = statements.flatMap((s, i) => (grantsFullAdmin(s) ? [statementName(s, i) + (s.Condition ? ' (with a Condition)' : '')] : []));
      if (admin.length === 0) return [{ ...base, status: 'pass', detail: `${policy.PolicyName} (${policy.DefaultVersionId}) allows no "*" action on "*"` }];
      return [
        {
          ...base,
          status: 'fail',
          detail: `${policy.PolicyName} (${policy.DefaultVersionId}) allows every action on every resource in ${admin.join(', ')}; ${attachedTo(ctx, policy)}`,
        },
      ];
    }, (p) => p.Arn);
  },
};
