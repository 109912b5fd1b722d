import { judgeEach, MissingInput } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { credentialReport, hasConsolePassword, reportTime } from './credential-report.js';
import { day, describeKey, userAccessKeys, wholeDays } from './iam-data.js';

// The console creates the user and the key in one wizard, seconds apart; ten minutes leaves
// room for a slow session without catching keys made later on purpose.
const SETUP_WINDOW_MS = 10 * 60 * 1000;

export const noKeysAtSetup: Recommendation = {
  id: '2.10',
  section: '2',
  title: 'Do not create access keys during initial setup for IAM users with a console password',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'Keys handed out by default when a console user is created are often never used, yet they sit valid and forgotten in a welcome email or a password manager. Making key creation a separate, deliberate step means every key has a purpose and an owner who knows it exists.',
    verifyConsole: [
      'In IAM → Users, pick each user that has both a password age and an access key age.',
      'On Security credentials, compare the user\'s creation time with each access key\'s Created date: a key created in the same minute was made at setup.',
      'A setup key that was never used (Last used: N/A) should not exist.',
    ],
    verifyCli: [
      'aws iam list-users (CreateDate) and aws iam list-access-keys --user-name NAME (CreateDate of each key) for every user.',
      'aws iam get-credential-report: for users with password_enabled true, an access key whose last_used_date is N/A was never used.',
    ],
    remediation: [
      'Delete setup keys that were never used: aws iam delete-access-key --user-name NAME --access-key-id KEY.',
      'Change the onboarding procedure so a console user gets only a password; a key is created later, on request, by the user or through a ticket.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
    { service: 'iam', operation: 'ListAccessKeys', scope: 'global', per: 'UserName' },
  ],
  risk: {
    likelihood: 2,
    impact: 2,
    mitigation: 'avoidance',
    mitigationWhy: 'Deleting unused setup keys removes credentials nobody needs.',
  },
  evaluate(ctx) {
    const report = credentialReport(ctx);
    const consoleUsers = report.users.filter(hasConsolePassword);
    const findings = judgeEach(consoleUsers, (row): Finding[] => {
      const found = userAccessKeys(ctx, row.user, row);
      if (found instanceof MissingInput) throw found;
      if (found.keys.length === 0) return [];
      const userCreated = reportTime(row.user_creation_time);
      const notes = found.keys.map((key) => {
        const atSetup = userCreated !== undefined && key.created !== undefined && Math.abs(key.created.getTime() - userCreated.getTime()) <= SETUP_WINDOW_MS;
        const use = key.lastUsed === 'never' ? 'never used' : key.lastUsed ? `last used ${day(key.lastUsed)}` : 'last use unknown';
        const when = atSetup ? 'created with the user' : userCreated && key.created ? `created ${wholeDays(userCreated, key.created)} day(s) after the user` : 'creation time unknown';
        return { unusedSetupKey: atSetup && key.lastUsed === 'never', text: `${describeKey(key)}: ${when}, ${use}` };
      });
      const failed = notes.some((n) => n.unusedSetupKey);
      return [
        {
          resource: row.arn,
          region: 'global',
          status: failed ? 'fail' : 'manual',
          detail: `${row.user} (console password): ${notes.map((n) => n.text).join('; ')}${failed ? ' — a key made at setup was never used' : ' — confirm each key is needed'}`,
        },
      ];
    }, (row) => row.arn);
    if (findings.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'manual', detail: `none of the ${consoleUsers.length} user(s) with a console password has an access key` }];
    }
    return findings;
  },
};
