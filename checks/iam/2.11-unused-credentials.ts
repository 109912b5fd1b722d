import type { Finding, Recommendation } from '../types.js';
import { credentialReport, hasConsolePassword, reportFlag, reportTime, type CredentialReportRow } from './credential-report.js';
import { day, noUsersFinding, wholeDays } from './iam-data.js';

const UNUSED_DAYS = 45;

interface Verdict {
  stale: string[];
  fresh: string[];
  unknown: string[];
}

/**
 * A credential is stale when its last use is 45 days or more before collection; one never used
 * is judged by its age instead (password last changed, key last rotated), as the benchmark does.
 */
function judge(verdict: Verdict, label: string, lastUsed: string, fallback: string, now: Date): void {
  const used = reportTime(lastUsed);
  const since = used ?? reportTime(fallback);
  if (!since) {
    verdict.unknown.push(`${label}: neither last use nor creation date (${lastUsed}, ${fallback})`);
    return;
  }
  const days = wholeDays(since, now);
  const age = `${days} day${days === 1 ? '' : 's'}`;
  const text = used ? `${label} last used ${day(used)} (${age})` : `${label} never used, set ${day(since)} (${age})`;
  (days >= UNUSED_DAYS ? verdict.stale : verdict.fresh).push(text);
}

function userFinding(row: CredentialReportRow, now: Date): Finding {
  const verdict: Verdict = { stale: [], fresh: [], unknown: [] };
  if (hasConsolePassword(row)) judge(verdict, 'password', row.password_last_used, row.password_last_changed, now);
  for (const n of [1, 2] as const) {
    if (reportFlag(row[`access_key_${n}_active`]) === true) {
      judge(verdict, `access key ${n}`, row[`access_key_${n}_last_used_date`], row[`access_key_${n}_last_rotated`], now);
    }
  }
  const base = { resource: row.arn, region: 'global' };
  if (verdict.stale.length > 0) return { ...base, status: 'fail', detail: `${row.user}: unused for ${UNUSED_DAYS}+ days — ${verdict.stale.join('; ')}` };
  if (verdict.unknown.length > 0) return { ...base, status: 'error', detail: `${row.user}: ${verdict.unknown.join('; ')}` };
  if (verdict.fresh.length === 0) return { ...base, status: 'pass', detail: `${row.user} has no enabled password and no active access key` };
  return { ...base, status: 'pass', detail: `${row.user}: ${verdict.fresh.join('; ')}` };
}

export const unusedCredentials: Recommendation = {
  id: '2.11',
  section: '2',
  title: 'Ensure credentials unused for 45 days or more are disabled',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Passwords and keys that nobody uses belong to people who left, projects that ended or scripts that were retired. Nobody would notice if they were stolen and used, so they are ideal for an attacker. Turning off what has been idle for 45 days shrinks the set of live credentials to the ones somebody depends on.',
    verifyConsole: [
      'In IAM → Users, show Console last sign-in, Access key ID and Access key last used (gear icon).',
      'Flag every console password last used 45 or more days ago, or never used when the password is that old.',
      'Flag every active access key last used 45 or more days ago, or never used and created that long ago.',
    ],
    verifyCli: [
      'aws iam generate-credential-report, then aws iam get-credential-report --query Content --output text | base64 -d',
      'For each user (not <root_account>): with password_enabled true, password_last_used (or password_last_changed when it says no_information) must be under 45 days old.',
      'For each active key n: access_key_n_last_used_date (or access_key_n_last_rotated when it says N/A) must be under 45 days old.',
    ],
    remediation: [
      'Disable idle console access: aws iam delete-login-profile --user-name NAME (or Manage console access → Disable).',
      'Deactivate idle keys: aws iam update-access-key --user-name NAME --access-key-id KEY --status Inactive; delete keys that were never used.',
      'Remove users that no longer have any purpose.',
    ],
  },
  reads: [{ service: 'iam', operation: 'GetCredentialReport', scope: 'global' }],
  risk: {
    likelihood: 2,
    impact: 3,
    mitigation: 'avoidance',
    mitigationWhy: 'Disabling credentials nobody uses removes them from reach at no cost to anyone.',
  },
  evaluate(ctx) {
    const report = credentialReport(ctx);
    if (report.users.length === 0) return noUsersFinding(ctx);
    return report.users.map((row) => userFinding(row, ctx.now));
  },
};
