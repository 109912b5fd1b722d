import type { Finding, Recommendation } from '../types.js';
import { day, judgeKeyHolders, wholeDays, DAY_MS } from './iam-data.js';

const MAX_AGE_DAYS = 90;

export const keyRotation: Recommendation = {
  id: '2.13',
  section: '2',
  title: 'Ensure access keys are rotated every 90 days or less',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Access keys get copied into scripts, CI settings and laptops, and they do not expire on their own. The longer a key lives, the more places it has been and the more likely a copy is in the wrong hands. Replacing keys at least every 90 days puts a limit on how long a leaked copy stays useful.',
    verifyConsole: ['In IAM → Users, open each user\'s Security credentials.', 'Every key with status Active must have been created 90 days ago or less.'],
    verifyCli: [
      'aws iam generate-credential-report, then aws iam get-credential-report --query Content --output text | base64 -d',
      'For each row where access_key_1_active (or _2_) is true, access_key_1_last_rotated (or _2_) must be at most 90 days before today.',
      'aws iam list-access-keys --user-name NAME shows the same CreateDate per key id.',
    ],
    remediation: [
      'Create a second key (aws iam create-access-key --user-name NAME) and move every workload to it.',
      'Deactivate the old key (aws iam update-access-key --user-name NAME --access-key-id OLD_KEY --status Inactive), watch for breakage, then delete it (aws iam delete-access-key --user-name NAME --access-key-id OLD_KEY).',
      'Better still, replace long-lived keys with roles (instance profiles, IAM Roles Anywhere, OIDC federation for CI).',
    ],
  },
  reads: [
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
    { service: 'iam', operation: 'ListUsers', scope: 'global' },
    { service: 'iam', operation: 'ListAccessKeys', scope: 'global', per: 'UserName' },
  ],
  risk: {
    likelihood: 2,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'Regular rotation limits how long a leaked key stays valid.',
  },
  evaluate(ctx) {
    return judgeKeyHolders(ctx, (user): Finding => {
      const active = user.keys.filter((k) => k.active);
      const base = { resource: user.arn, region: 'global' };
      if (active.length === 0) return { ...base, status: 'pass', detail: `${user.userName} has no active access key` };
      const undated = active.filter((k) => !k.created);
      const old = active.filter((k) => k.created && ctx.now.getTime() - k.created.getTime() > MAX_AGE_DAYS * DAY_MS);
      const ages = active.map((k) => (k.created ? `${k.label} created ${day(k.created)} (${wholeDays(k.created, ctx.now)} days)` : `${k.label} creation date unknown`)).join('; ');
      if (old.length > 0) return { ...base, status: 'fail', detail: `${user.userName}: ${old.length} active key(s) older than ${MAX_AGE_DAYS} days — ${ages}` };
      if (undated.length > 0) return { ...base, status: 'error', detail: `${user.userName}: ${ages} (${user.source})` };
      return { ...base, status: 'pass', detail: `${user.userName}: ${ages}` };
    });
  },
};
