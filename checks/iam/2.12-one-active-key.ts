import type { Recommendation } from '../types.js';
import { describeKey, judgeKeyHolders } from './iam-data.js';

export const oneActiveKey: Recommendation = {
  id: '2.12',
  section: '2',
  title: 'Ensure there is only one active access key for any single IAM user',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'IAM allows two keys per user so that a key can be rotated without downtime. When both stay active after the rotation, the old key lives on in forgotten places and doubles what can leak. One active key per user keeps it clear which key is in use and which should be gone.',
    verifyConsole: ['In IAM → Users, open each user\'s Security credentials.', 'Under Access keys, at most one key may have the status Active.'],
    verifyCli: [
      'aws iam list-users --query "Users[*].UserName"',
      'For each user: aws iam list-access-keys --user-name NAME — at most one entry may have Status Active.',
    ],
    remediation: [
      'Decide which key the user\'s workloads use (check each key\'s last use with aws iam get-access-key-last-used --access-key-id KEY).',
      'Deactivate the other: aws iam update-access-key --user-name NAME --access-key-id KEY --status Inactive, then delete it once nothing breaks.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'ListUsers', scope: 'global' },
    { service: 'iam', operation: 'ListAccessKeys', scope: 'global', per: 'UserName' },
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
  ],
  risk: {
    likelihood: 2,
    impact: 2,
    mitigation: 'avoidance',
    mitigationWhy: 'Deactivating the spare key removes a credential that serves no purpose.',
  },
  evaluate(ctx) {
    return judgeKeyHolders(ctx, (user) => {
      const active = user.keys.filter((k) => k.active);
      const keys = user.keys.length > 0 ? user.keys.map(describeKey).join(', ') : 'no access keys';
      return {
        resource: user.arn,
        region: 'global',
        status: active.length > 1 ? 'fail' : 'pass',
        detail: `${user.userName}: ${active.length} active key(s) — ${keys} (from ${user.source})`,
      };
    });
  },
};
