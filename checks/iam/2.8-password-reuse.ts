import type { Recommendation } from '../types.js';

interface PasswordPolicyOutput {
  PasswordPolicy?: { PasswordReusePrevention?: number };
}

// IAM remembers at most 24 previous passwords; the recommendation asks for all of them.
const REQUIRED_HISTORY = 24;

export const passwordReuse: Recommendation = {
  id: '2.8',
  section: '2',
  title: 'Ensure IAM password policy prevents password reuse',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'People who must change a password tend to cycle back to an old one, including passwords that have already leaked. Remembering the last 24 passwords stops an IAM user from returning to any of them, so a forced change really retires the old secret.',
    verifyConsole: ['Open IAM and choose Account settings.', 'In the password policy, password reuse prevention must be on and remember 24 passwords.'],
    verifyCli: [
      'aws iam get-account-password-policy',
      'PasswordPolicy.PasswordReusePrevention must be 24. A NoSuchEntity error means there is no policy, so reuse is allowed.',
    ],
    remediation: [
      'In IAM → Account settings, edit the password policy, turn on password reuse prevention and set it to 24.',
      'Or run aws iam update-account-password-policy --password-reuse-prevention 24 together with the other settings you keep (the call replaces the whole policy).',
    ],
  },
  reads: [{ service: 'iam', operation: 'GetAccountPasswordPolicy', scope: 'global' }],
  risk: {
    likelihood: 2,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'A policy setting blocks reuse of retired passwords at almost no cost.',
  },
  evaluate(ctx) {
    const account = ctx.account;
    const result = ctx.outcome<PasswordPolicyOutput>('iam', 'GetAccountPasswordPolicy');
    if (!result.ok) {
      if (result.error.code === 'NoSuchEntity') {
        return [{ resource: account, region: 'global', status: 'fail', detail: 'no account password policy is set, so passwords may be reused' }];
      }
      return [{ resource: account, region: 'global', status: 'error', detail: `iam GetAccountPasswordPolicy failed: ${result.error.code}` }];
    }
    const history = result.output.PasswordPolicy?.PasswordReusePrevention;
    if (history === undefined) {
      return [{ resource: account, region: 'global', status: 'fail', detail: 'the password policy does not prevent password reuse' }];
    }
    return [
      {
        resource: account,
        region: 'global',
        status: history >= REQUIRED_HISTORY ? 'pass' : 'fail',
        detail: `the password policy remembers ${history} previous password(s) (needs ${REQUIRED_HISTORY})`,
      },
    ];
  },
};
