import { MissingInput } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { attempt } from '../requirements.js';
import { iamUsers, missingFor, noUsersFinding } from './iam-data.js';

interface ListAttachedUserPoliciesOutput {
  AttachedPolicies?: { PolicyName: string; PolicyArn: string }[];
}
interface ListUserPoliciesOutput {
  PolicyNames?: string[];
}

export const permissionsViaGroups: Recommendation = {
  id: '2.14',
  section: '2',
  title: 'Ensure IAM users receive permissions only through groups',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Permissions given to one user at a time drift: each exception is easy to add and hard to find again, and nobody reviews them as a set. Granting rights only through groups ties them to job functions that can be reviewed, and removing a person from a group takes away exactly what the job gave.',
    verifyConsole: [
      'In IAM → Users, open each user\'s Permissions tab.',
      'Every policy listed must say it is attached via a group; none may be attached directly or be an inline (customer inline) policy of the user.',
    ],
    verifyCli: [
      'aws iam list-users --query "Users[*].UserName" --output text',
      'For each user: aws iam list-attached-user-policies --user-name NAME and aws iam list-user-policies --user-name NAME must both return empty lists.',
    ],
    remediation: [
      'Create (or pick) a group for the job function and attach the needed policies to it: aws iam attach-group-policy --group-name GROUP --policy-arn ARN.',
      'Add the user to the group: aws iam add-user-to-group --user-name NAME --group-name GROUP.',
      'Remove the direct grants: aws iam detach-user-policy --user-name NAME --policy-arn ARN and aws iam delete-user-policy --user-name NAME --policy-name POLICY.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'ListUsers', scope: 'global' },
    { service: 'iam', operation: 'ListAttachedUserPolicies', scope: 'global', per: 'UserName' },
    { service: 'iam', operation: 'ListUserPolicies', scope: 'global', per: 'UserName' },
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
  ],
  risk: {
    likelihood: 1,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'Moving grants into groups makes permissions reviewable by job function.',
  },
  evaluate(ctx) {
    const users = iamUsers(ctx);
    if (users.length === 0) return noUsersFinding(ctx);
    return users.map((user): Finding => {
      const params = { UserName: user.userName };
      // Either list alone can prove a grant of the user's own, so one missing list does not hide the other.
      const attached = attempt(() => ctx.output<ListAttachedUserPoliciesOutput>('iam', 'ListAttachedUserPolicies', { params }).AttachedPolicies ?? []);
      const inline = attempt(() => ctx.output<ListUserPoliciesOutput>('iam', 'ListUserPolicies', { params }).PolicyNames ?? []);
      const missing = [attached, inline].filter((r): r is MissingInput => r instanceof MissingInput);
      const grants = [
        ...(attached instanceof MissingInput ? [] : attached.map((p) => `attached policy ${p.PolicyName}`)),
        ...(inline instanceof MissingInput ? [] : inline.map((name) => `inline policy ${name}`)),
      ];
      if (grants.length > 0) {
        const unread = missing.length > 0 ? ` (not known: ${missing.map((m) => m.message).join('; ')})` : '';
        return { resource: user.arn, region: 'global', status: 'fail', detail: `${user.userName} has permissions of its own: ${grants.join(', ')}${unread}` };
      }
      if (missing.length > 0) return missingFor(user.arn, ...missing);
      return { resource: user.arn, region: 'global', status: 'pass', detail: `${user.userName} has no directly attached or inline policies` };
    });
  },
};
