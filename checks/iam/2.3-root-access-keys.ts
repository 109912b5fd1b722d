import { MissingInput } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { reportKeySlots, reportLabel, type CredentialReportRow, type ReportKeySlot } from './credential-report.js';
import { attempt } from '../requirements.js';
import { day, missingFor, rootArn } from './iam-data.js';
import { accountSummary, rootReportRow } from './root-user.js';

/** `key 1 active (created 2024-02-01, last used 2026-11-20)`, or the report's own marker where it records no use. */
function describeSlot(row: CredentialReportRow, slot: ReportKeySlot): string {
  const recorded = slot.slot === 1 ? row.access_key_1_last_used_date : row.access_key_2_last_used_date;
  const created = slot.lastRotated ? `created ${day(slot.lastRotated)}, ` : '';
  const use = slot.lastUsed ? `last used ${day(slot.lastUsed)}` : `no use recorded (${recorded || 'empty'})`;
  return `key ${slot.slot} ${slot.active ? 'active' : 'inactive'} (${created}${use})`;
}

export const rootAccessKeys: Recommendation = {
  id: '2.3',
  section: '2',
  title: "Ensure no 'root' user account access key exists",
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'An access key of the root user signs API calls with unlimited power that no IAM policy or permission boundary can narrow. Such a key leaked from a laptop, a script or a repository gives the finder the whole account. Without root keys, programmatic work has to go through roles and users whose rights can be limited and audited.',
    verifyConsole: [
      'In IAM, open Credential report and download it.',
      'On the <root_account> row, access_key_1_active and access_key_2_active must both be false.',
    ],
    verifyCli: [
      'aws iam get-account-summary --query SummaryMap.AccountAccessKeysPresent',
      'It must print 0. It counts inactive keys too: 1 means a root key exists, active or not, and must be deleted; the credential report (aws iam get-credential-report) shows whether it is active and when it was last used.',
    ],
    remediation: [
      'Sign in as root, open Security credentials from the account menu and delete every access key under Access keys (deleting, not deactivating, clears the summary count).',
      'Before deleting, find what still uses the key (its last-used date and service in the credential report) and move that work to an IAM role.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
    { service: 'iam', operation: 'GetAccountSummary', scope: 'global' },
  ],
  risk: {
    likelihood: 3,
    impact: 4,
    mitigation: 'avoidance',
    mitigationWhy: 'Deleting the root keys removes the exposure outright; nothing needs them that a role cannot do.',
  },
  evaluate(ctx) {
    const resource = rootArn(ctx);
    const row = rootReportRow(ctx);
    const summary = attempt(() => accountSummary(ctx));
    const present = summary instanceof MissingInput ? undefined : summary.AccountAccessKeysPresent;
    const finding = (status: 'pass' | 'fail', detail: string): Finding[] => [{ resource, region: 'global', status, detail }];
    const report = reportLabel(ctx);
    const keys = row instanceof MissingInput ? undefined : reportKeySlots(row).map((slot) => ({ active: slot.active, text: describeSlot(row, slot) }));
    const listed = (list: { text: string }[]) => list.map((k) => k.text).join(', ');

    // The summary is what the benchmark's CLI audit reads, answered live at collection: it decides.
    // The report only shows keys as they were when it was generated, so it is named with its time.
    if (present !== undefined) {
      const counted = `GetAccountSummary at collection reports AccountAccessKeysPresent = ${present}`;
      if (present > 0) {
        const exists = `${counted}: a root access key exists, active or inactive (the summary counts both)`;
        if (row instanceof MissingInput) return finding('fail', `${exists}; the credential report, which would show which, is missing (${row.message})`);
        if (!keys || keys.length === 0) return finding('fail', `${exists}; the ${report} shows no root access key, as it would for a key created after it was generated`);
        // The benchmark notes its CLI audit flags an inactive key too; only deleting it clears the count.
        const inactiveOnly = keys.every((k) => !k.active)
          ? '. The report shows no active root key as of its generation, but the benchmark\'s CLI audit counts inactive keys as well, and only deleting the key clears the summary'
          : '';
        return finding('fail', `${exists}; the ${report} shows ${listed(keys)}${inactiveOnly}`);
      }
      if (keys && keys.length > 0) {
        return finding(
          'pass',
          `${counted}; the ${report} disagrees, showing ${listed(keys)}, as it would for a key deleted after it was generated — the summary decides: confirm in the console that no root key is left`,
        );
      }
      return finding('pass', `${counted}${keys ? `; the ${report} shows no root access key either` : ''}`);
    }
    if (!keys) {
      const summaryMissing = summary instanceof MissingInput ? summary : new MissingInput('iam GetAccountSummary', 'global', { code: 'NoAccountAccessKeysPresent', message: 'SummaryMap has no AccountAccessKeysPresent' });
      return [missingFor(resource, ...(row instanceof MissingInput ? [row] : []), summaryMissing)];
    }
    // Without the summary the report decides as the benchmark's console audit reads it: active keys fail.
    const active = keys.filter((k) => k.active);
    if (active.length > 0) return finding('fail', `the ${report} shows ${active.length} active root access key(s): ${listed(active)}`);
    if (keys.length > 0) return finding('pass', `the ${report} shows no active root access key; ${listed(keys)} still exists and should be deleted`);
    return finding('pass', `the ${report} shows no root access key`);
  },
};
