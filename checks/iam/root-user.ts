import { MissingInput, type CheckContext } from '../context.js';
import { credentialReport, reportFlag, reportLabel, type CredentialReportRow } from './credential-report.js';
import { attempt } from '../requirements.js';
import type { AccountSummaryOutput } from './iam-data.js';

/**
 * What the data says about the root user's sign-in protection. A root user without a password
 * (credentials removed, e.g. under centralized root access in AWS Organizations) needs no MFA:
 * it cannot sign in at all.
 */
export type RootSignIn =
  | { kind: 'mfa'; evidence: string }
  | { kind: 'no-password'; evidence: string }
  | { kind: 'password-without-mfa'; evidence: string }
  | { kind: 'unknown'; detail: string };

export function accountSummary(ctx: CheckContext): Record<string, number> {
  return ctx.output<AccountSummaryOutput>('iam', 'GetAccountSummary').SummaryMap ?? {};
}

/** The root row of the credential report, or the MissingInput explaining why there is none. */
export function rootReportRow(ctx: CheckContext): CredentialReportRow | MissingInput {
  const report = attempt(() => credentialReport(ctx));
  if (report instanceof MissingInput) return report;
  return report.root ?? new MissingInput('iam GetCredentialReport', 'global', { code: 'NoRootRow', message: 'the report has no <root_account> row' });
}

/**
 * GetAccountSummary is read first (it is live, the report can be hours old); the credential
 * report's root row fills in what the summary lacks or stands in when the summary is missing.
 */
export function rootSignIn(ctx: CheckContext): RootSignIn {
  const summary = attempt(() => accountSummary(ctx));
  const row = rootReportRow(ctx);
  // For root the report usually says `not_supported` here; `false` appears once root's password is removed.
  const reportPassword = row instanceof MissingInput ? undefined : reportFlag(row.password_enabled);
  const fromReport = row instanceof MissingInput ? undefined : `credential report password_enabled = ${row.password_enabled}`;

  if (!(summary instanceof MissingInput) && summary.AccountMFAEnabled !== undefined) {
    const password = summary.AccountPasswordPresent;
    // The summary decides; a report that says otherwise is named, since it may predate a change.
    const reportRow = row instanceof MissingInput ? undefined : row;
    const reportMfa = reportRow ? reportFlag(reportRow.mfa_active) : undefined;
    const disagreement =
      reportRow && reportMfa !== undefined && reportMfa !== summary.AccountMFAEnabled >= 1
        ? `; the ${reportLabel(ctx)} says mfa_active = ${reportRow.mfa_active}, but the summary, which the benchmark's CLI audit reads, decides`
        : '';
    if (summary.AccountMFAEnabled >= 1) return { kind: 'mfa', evidence: `GetAccountSummary AccountMFAEnabled = 1${disagreement}` };
    if (password === 0) return { kind: 'no-password', evidence: `GetAccountSummary AccountMFAEnabled = 0, AccountPasswordPresent = 0${disagreement}` };
    if (password !== undefined) return { kind: 'password-without-mfa', evidence: `GetAccountSummary AccountMFAEnabled = 0, AccountPasswordPresent = ${password}${disagreement}` };
    if (reportPassword === false) return { kind: 'no-password', evidence: `GetAccountSummary AccountMFAEnabled = 0; ${fromReport}` };
    if (reportPassword === true) return { kind: 'password-without-mfa', evidence: `GetAccountSummary AccountMFAEnabled = 0; ${fromReport}` };
    return {
      kind: 'unknown',
      detail: 'GetAccountSummary says AccountMFAEnabled = 0 but has no AccountPasswordPresent, and the credential report does not say whether root has a password',
    };
  }
  if (!(row instanceof MissingInput)) {
    if (reportFlag(row.mfa_active) === true) return { kind: 'mfa', evidence: 'credential report mfa_active = true for <root_account>' };
    if (reportPassword === false) return { kind: 'no-password', evidence: `${fromReport} and mfa_active = false for <root_account>` };
    if (reportPassword === true) return { kind: 'password-without-mfa', evidence: `${fromReport} and mfa_active = false for <root_account>` };
    const why = summary instanceof MissingInput ? summary.message : 'its SummaryMap has no AccountMFAEnabled';
    return {
      kind: 'unknown',
      detail: `the credential report shows no root MFA but cannot tell whether root has a password (password_enabled = ${row.password_enabled}); iam GetAccountSummary is needed: ${why}`,
    };
  }
  const summaryWhy = summary instanceof MissingInput ? summary.message : 'iam GetAccountSummary has no AccountMFAEnabled';
  return { kind: 'unknown', detail: `input missing — ${summaryWhy}; ${row.message}` };
}
