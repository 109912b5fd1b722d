import type { Recommendation } from '../types.js';

interface PasswordPolicyOutput {
  PasswordPolicy?: { MinimumPasswordLength?: number };
}

const REQUIRED_LENGTH = 14;

export const passwordMinLength: Recommendation = {
  id: '2.7',
  section: '2',
  title: 'Ensure IAM password policy requires minimum length of 14 or greater',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Short passwords fall quickly to guessing and credential-stuffing. A floor of 14 characters makes each console password of an IAM user far more expensive to crack, even when people pick phrases rather than random strings.',
    verifyConsole: ['Open IAM and choose Account settings.', 'Read the password policy: the minimum length shown must be 14 or more.'],
    verifyCli: ['aws iam get-account-password-policy', 'Read PasswordPolicy.MinimumPasswordLength: it must be 14 or more. A NoSuchEntity error means the account has no policy at all.'],
    remediation: [
      'In IAM → Account settings, edit the password policy and set the minimum length to 14 or more.',
      'Or run: aws iam update-account-password-policy --minimum-password-length 14 (add the other policy flags you rely on: the call replaces the whole policy).',
    ],
  },
  reads: [{ service: 'iam', operation: 'GetAccountPasswordPolicy', scope: 'global' }],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'A stricter policy setting lowers the chance of a guessed password at almost no cost.' },
  evaluate(ctx) {
    const account = ctx.account;
    const result = ctx.outcome<PasswordPolicyOutput>('iam', 'GetAccountPasswordPolicy');
    if (!result.ok) {
      if (result.error.code === 'NoSuchEntity') {
        return [{ resource: account, region: 'global', status: 'fail', detail: 'no account password policy is set, so any length of 6 or more is accepted' }];
      }
      return [{ resource: account, region: 'global', status: 'error', detail: `iam GetAccountPasswordPolicy failed: ${result.error.code}` }];
    }
    const length = result.output.PasswordPolicy?.MinimumPasswordLength;
    if (length === undefined) {
      return [{ resource: account, region: 'global', status: 'fail', detail: 'the password policy sets no minimum length' }];
    }
    return [
      {
        resource: account,
        region: 'global',
        status: length >= REQUIRED_LENGTH ? 'pass' : 'fail',
        detail: `minimum password length is ${length} (needs ${REQUIRED_LENGTH} or more)`,
      },
    ];
  },
};
