import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { rootDailyUse } from './2.6-root-daily-use.js';

describe('2.6 root daily use', () => {
  it('is manual with root\'s last password and key use, counted from collection time', () => {
    const report = credentialReportCall([rootRow({ passwordLastUsed: daysAgo(12), key1: { active: false, rotated: daysAgo(800), lastUsed: daysAgo(400) } }), userRow({ name: 'x' })]);
    const result = run(rootDailyUse, makeSnapshot([report]));
    expect(result.status).toBe('manual');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.detail).toContain('password last used 2026-11-13 (12 days before collection)');
    expect(result.findings[0]?.detail).toContain('access key 1 last used 2025-10-21 (400 days before collection)');
    expect(result.findings[0]?.detail).toContain('access key 2 last used N/A');
  });

  it('shows the report\'s marker when root never signed in', () => {
    const result = run(rootDailyUse, makeSnapshot([credentialReportCall([rootRow()])]));
    expect(result.findings[0]?.detail).toContain('password last used no_information');
  });

  it('is an error naming the call when the report is denied or has no root row', () => {
    const denials = run(rootDailyUse, makeSnapshot([denied('iam', 'GetCredentialReport')]));
    expect(denials.status).toBe('error');
    expect(denials.findings[0]?.detail).toContain('iam GetCredentialReport');
    const noRoot = run(rootDailyUse, makeSnapshot([credentialReportCall([userRow({ name: 'x' })])]));
    expect(noRoot.status).toBe('error');
    expect(noRoot.findings[0]?.detail).toContain('<root_account>');
  });
});
