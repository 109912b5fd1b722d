import { MissingInput } from '../context.js';
import type { Recommendation } from '../types.js';
import { reportKeySlots } from './credential-report.js';
import { attempt, day, missingFor, rootArn } from './iam-data.js';
import { accountSummary, rootReportRow } from './root-user.js';

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
      'It must print 0. It counts inactive keys too: when it prints 1, check the credential report (aws iam get-credential-report) to see whether the root key is active.',
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

    if (!(row instanceof MissingInput)) {
      const slots = reportKeySlots(row);
      const active = slots.filter((s) => s.active);
      if (active.length > 0) {
        const keys = active.map((s) => `key ${s.slot} (last used ${s.lastUsed ? day(s.lastUsed) : 'never'})`).join(', ');
        return [{ resource, region: 'global', status: 'fail', detail: `the root user has ${active.length} active access key(s): ${keys}` }];
      }
      // The benchmark treats an inactive root key as compliant, though the summary still counts it.
      if ((present ?? 0) > 0 || slots.length > 0) {
        return [{ resource, region: 'global', status: 'pass', detail: 'the root user has no active access key; an inactive root key still exists and should be deleted' }];
      }
      const summaryNote = present === undefined ? '' : '; GetAccountSummary AccountAccessKeysPresent = 0';
      return [{ resource, region: 'global', status: 'pass', detail: `the credential report shows no root access key${summaryNote}` }];
    }
    if (present !== undefined) {
      return [
        present > 0
          ? { resource, region: 'global', status: 'fail', detail: `GetAccountSummary reports AccountAccessKeysPresent = ${present}: the root user has an access key (the credential report, which tells active from inactive, is missing)` }
          : { resource, region: 'global', status: 'pass', detail: 'GetAccountSummary reports AccountAccessKeysPresent = 0' },
      ];
    }
    const summaryMissing = summary instanceof MissingInput ? summary : new MissingInput('iam GetAccountSummary', 'global', { code: 'NoAccountAccessKeysPresent', message: 'SummaryMap has no AccountAccessKeysPresent' });
    return [missingFor(resource, row, summaryMissing)];
  },
};
