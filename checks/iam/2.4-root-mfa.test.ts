import { describe, expect, it } from 'vitest';
import { credentialReportCall, rootRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { rootMfa } from './2.4-root-mfa.js';

const summary = (map: Record<string, number>) => ok('iam', 'GetAccountSummary', { SummaryMap: { AccountAccessKeysPresent: 0, Users: 3, ...map } });

describe('2.4 root MFA', () => {
  it('passes when root has MFA', () => {
    const result = run(rootMfa, makeSnapshot([summary({ AccountMFAEnabled: 1, AccountPasswordPresent: 1 })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('AccountMFAEnabled = 1');
  });

  it('fails when root has a password and no MFA', () => {
    const result = run(rootMfa, makeSnapshot([summary({ AccountMFAEnabled: 0, AccountPasswordPresent: 1 })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.resource).toBe('arn:aws:iam::111122223333:root');
  });

  it('passes a root user without any credentials (centralized root access): no password, nothing to protect', () => {
    const snapshot = makeSnapshot([summary({ AccountMFAEnabled: 0, AccountPasswordPresent: 0 }), credentialReportCall([rootRow({ mfa: false, passwordEnabled: 'false' })])]);
    const result = run(rootMfa, snapshot);
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toMatch(/no password.*needs no MFA/);
  });

  it('falls back to the report when the summary is denied', () => {
    expect(run(rootMfa, makeSnapshot([denied('iam', 'GetAccountSummary'), credentialReportCall([rootRow({ mfa: true })])])).status).toBe('pass');
    expect(run(rootMfa, makeSnapshot([credentialReportCall([rootRow({ mfa: false, passwordEnabled: 'true' })])])).status).toBe('fail');
    expect(run(rootMfa, makeSnapshot([credentialReportCall([rootRow({ mfa: false, passwordEnabled: 'false' })])])).status).toBe('pass');
  });

  it('is an error when the report alone cannot tell whether root has a password', () => {
    const result = run(rootMfa, makeSnapshot([credentialReportCall([rootRow({ mfa: false, passwordEnabled: 'not_supported' })])]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetAccountSummary');
  });

  it('uses the report when the summary has no AccountPasswordPresent', () => {
    const snapshot = makeSnapshot([summary({ AccountMFAEnabled: 0 }), credentialReportCall([rootRow({ mfa: false, passwordEnabled: 'false' })])]);
    expect(run(rootMfa, snapshot).status).toBe('pass');
    expect(run(rootMfa, makeSnapshot([summary({ AccountMFAEnabled: 0 })])).status).toBe('error');
  });

  it('is an error naming both calls when neither is there', () => {
    const result = run(rootMfa, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetAccountSummary');
    expect(result.findings[0]?.detail).toContain('iam GetCredentialReport');
  });
});
