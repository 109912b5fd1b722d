import type { Finding, Recommendation } from '../types.js';
import { credentialReport, hasConsolePassword, reportFlag } from './credential-report.js';

export const consoleUsersMfa: Recommendation = {
  id: '2.9',
  section: '2',
  title: 'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'A console password can be phished, guessed or reused from another breach. When the user also has an MFA device, the password alone does not let anyone sign in. Users who sign in to the console are the ones most exposed to phishing, so every one of them needs a second factor.',
    verifyConsole: [
      'In IAM → Users, show the MFA and Password age columns (gear icon).',
      'Every user with a password age must show an MFA device (virtual, security key or hardware).',
    ],
    verifyCli: [
      'aws iam generate-credential-report, then aws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,4,8',
      'Every row with password_enabled true must have mfa_active true.',
    ],
    remediation: [
      'Ask each listed user to assign an MFA device (IAM → Users → user → Security credentials → Assign MFA device); prefer security keys.',
      'Until they do, consider a policy that denies everything except MFA self-service when aws:MultiFactorAuthPresent is false.',
      'Remove the console password of users who do not need the console (aws iam delete-login-profile --user-name NAME).',
    ],
  },
  reads: [{ service: 'iam', operation: 'GetCredentialReport', scope: 'global' }],
  risk: {
    likelihood: 3,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'MFA makes a stolen console password insufficient to sign in.',
  },
  evaluate(ctx) {
    const report = credentialReport(ctx);
    const findings: Finding[] = report.users
      .filter(hasConsolePassword)
      .map((row) =>
        reportFlag(row.mfa_active) === true
          ? { resource: row.arn, region: 'global', status: 'pass', detail: `${row.user} has a console password and MFA` }
          : { resource: row.arn, region: 'global', status: 'fail', detail: `${row.user} has a console password but no MFA device` },
      );
    if (findings.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'pass', detail: `none of the ${report.users.length} IAM user(s) has a console password` }];
    }
    return findings;
  },
};
