import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { rootAccessKeys } from '../iam/2.3-root-access-keys.js';
import { rootMfa } from '../iam/2.4-root-mfa.js';
import { rootHardwareMfa } from '../iam/2.5-root-hardware-mfa.js';

const summary = (map: Record<string, number>) => ok('iam', 'GetAccountSummary', { SummaryMap: { AccountMFAEnabled: 1, AccountPasswordPresent: 1, Users: 4, ...map } });

// GetAccountSummary is what the benchmark's CLI audit reads and is answered live; the credential
// report is generated up to hours earlier, so it supports the verdict but never overrides it.
describe('principle: the strongest source wins for root credentials', () => {
  it('2.3: fails on AccountAccessKeysPresent = 1 even when the earlier report shows no root key, and says they disagree', () => {
    const result = run(rootAccessKeys, makeSnapshot([summary({ AccountAccessKeysPresent: 1 }), credentialReportCall([rootRow()])]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('AccountAccessKeysPresent = 1');
    expect(result.findings[0]?.detail).toMatch(/credential report \(generated [^)]+\) shows no root access key/);
  });

  it('2.3: fails on AccountAccessKeysPresent = 1 when the report shows the key inactive: the key still exists', () => {
    const report = credentialReportCall([rootRow({ key2: { active: false, rotated: daysAgo(900) } })]);
    const result = run(rootAccessKeys, makeSnapshot([summary({ AccountAccessKeysPresent: 1 }), report]));
    expect(result.status).toBe('fail');
    const detail = result.findings[0]?.detail ?? '';
    // What each source shows, and when: the summary at collection, the report as of its generation.
    expect(detail).toContain('GetAccountSummary at collection reports AccountAccessKeysPresent = 1: a root access key exists, active or inactive');
    expect(detail).toMatch(/the credential report \(generated \d{4}-\d\d-\d\dT\d\d:\d\dZ, 2 h before collection\) shows key 2 inactive \(created \d{4}-\d\d-\d\d, no use recorded \(N\/A\)\)/);
    expect(detail).toContain('no active root key as of its generation');
    expect(detail).toContain('only deleting the key clears the summary');
    expect(detail).not.toMatch(/last used|is unused|never used/);
  });

  it('2.3: passes on AccountAccessKeysPresent = 0 though an earlier report still shows an active key, saying so', () => {
    const report = credentialReportCall([rootRow({ key1: { active: true, rotated: daysAgo(900), lastUsed: daysAgo(30) } })]);
    const result = run(rootAccessKeys, makeSnapshot([summary({ AccountAccessKeysPresent: 0 }), report]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('AccountAccessKeysPresent = 0');
    expect(result.findings[0]?.detail).toMatch(/disagrees.*key 1 active/);
  });

  it('2.3: claims no last use the report does not show', () => {
    const report = credentialReportCall([rootRow({ key1: { active: true, rotated: daysAgo(900) } })]);
    const withSummary = run(rootAccessKeys, makeSnapshot([summary({ AccountAccessKeysPresent: 1 }), report])).findings[0]?.detail ?? '';
    const reportOnly = run(rootAccessKeys, makeSnapshot([denied('iam', 'GetAccountSummary'), report])).findings[0]?.detail ?? '';
    for (const detail of [withSummary, reportOnly]) {
      expect(detail).toContain('key 1 active');
      expect(detail).toContain('no use recorded (N/A)');
      expect(detail).not.toMatch(/last used never/);
    }
    const used = credentialReportCall([rootRow({ key1: { active: true, rotated: daysAgo(900), lastUsed: daysAgo(3) } })]);
    expect(run(rootAccessKeys, makeSnapshot([summary({ AccountAccessKeysPresent: 1 }), used])).findings[0]?.detail).toContain('last used 2026-11-22');
  });

  it('2.4 and 2.5: the summary decides root MFA, and a report that disagrees is named', () => {
    const report = credentialReportCall([rootRow({ mfa: true })]);
    const snapshot = makeSnapshot([summary({ AccountMFAEnabled: 0, AccountPasswordPresent: 1 }), report]);
    for (const rec of [rootMfa, rootHardwareMfa]) {
      const result = run(rec, snapshot);
      expect(result.status, rec.id).toBe('fail');
      expect(result.findings[0]?.detail, rec.id).toMatch(/credential report \(generated [^)]+\) says mfa_active = true/);
    }
    const reportBehind = run(rootMfa, makeSnapshot([summary({ AccountMFAEnabled: 1 }), credentialReportCall([rootRow({ mfa: false })])]));
    expect(reportBehind.status).toBe('pass');
    expect(reportBehind.findings[0]?.detail).toContain('says mfa_active = false');
  });
});
