import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { rootAccessKeys } from './2.3-root-access-keys.js';

const summary = (keys: number) => ok('iam', 'GetAccountSummary', { SummaryMap: { AccountAccessKeysPresent: keys, AccountMFAEnabled: 1, Users: 4 } });

describe('2.3 root access keys', () => {
  it('passes when the report and the summary show no root key', () => {
    const result = run(rootAccessKeys, makeSnapshot([credentialReportCall([rootRow()]), summary(0)]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.resource).toBe('arn:aws:iam::111122223333:root');
    expect(result.findings[0]?.detail).toContain('AccountAccessKeysPresent = 0');
  });

  it('fails when the report shows an active root key, naming its last use', () => {
    const report = credentialReportCall([rootRow({ key1: { active: true, rotated: daysAgo(900), lastUsed: daysAgo(3) } })]);
    const result = run(rootAccessKeys, makeSnapshot([report, summary(1)]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('AccountAccessKeysPresent = 1');
    expect(result.findings[0]?.detail).toContain('key 1 active (created 2024-06-08, last used 2026-11-22)');
  });

  it('fails an inactive root key the summary counts, and passes it with a note on the report alone (the console audit reads only the active flags)', () => {
    const report = credentialReportCall([rootRow({ key2: { active: false, rotated: daysAgo(900) } })]);
    const counted = run(rootAccessKeys, makeSnapshot([report, summary(1)]));
    expect(counted.status).toBe('fail');
    expect(counted.findings[0]?.detail).toContain('key 2 inactive');
    const reportOnly = run(rootAccessKeys, makeSnapshot([report]));
    expect(reportOnly.status).toBe('pass');
    expect(reportOnly.findings[0]?.detail).toMatch(/no active root access key; key 2 inactive .* still exists and should be deleted/);
  });

  it('falls back to the account summary when the report is missing', () => {
    expect(run(rootAccessKeys, makeSnapshot([summary(1)])).status).toBe('fail');
    expect(run(rootAccessKeys, makeSnapshot([summary(0), denied('iam', 'GetCredentialReport')])).status).toBe('pass');
  });

  it('uses the report when the summary is denied', () => {
    const report = credentialReportCall([rootRow({ key1: { active: true, rotated: daysAgo(10) } })]);
    expect(run(rootAccessKeys, makeSnapshot([report, denied('iam', 'GetAccountSummary')])).status).toBe('fail');
  });

  it('is an error naming both calls when neither source is there', () => {
    const result = run(rootAccessKeys, makeSnapshot([denied('iam', 'GetAccountSummary')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetCredentialReport');
    expect(result.findings[0]?.detail).toContain('iam GetAccountSummary failed');
  });
});
