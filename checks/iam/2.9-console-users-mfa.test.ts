import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { consoleUsersMfa } from './2.9-console-users-mfa.js';

const password = { changed: daysAgo(20), lastUsed: daysAgo(1) };

describe('2.9 MFA for console users', () => {
  it('passes when every user with a console password has MFA, one finding per console user', () => {
    const report = credentialReportCall([rootRow({ mfa: false }), userRow({ name: 'dana', password, mfa: true }), userRow({ name: 'svc-batch', key1: { active: true, rotated: daysAgo(10) } })]);
    const result = run(consoleUsersMfa, makeSnapshot([report]));
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.resource)).toEqual(['arn:aws:iam::111122223333:user/dana']);
  });

  it('fails for each console user without MFA', () => {
    const report = credentialReportCall([rootRow(), userRow({ name: 'dana', password, mfa: true }), userRow({ name: 'ava', password, mfa: false })]);
    const result = run(consoleUsersMfa, makeSnapshot([report]));
    expect(result.status).toBe('fail');
    const failing = result.findings.filter((f) => f.status === 'fail');
    expect(failing).toEqual([{ resource: 'arn:aws:iam::111122223333:user/ava', region: 'global', status: 'fail', detail: 'ava has a console password but no MFA device' }]);
  });

  it('passes with one finding when no user has a console password', () => {
    const result = run(consoleUsersMfa, makeSnapshot([credentialReportCall([rootRow(), userRow({ name: 'svc' })])]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('none of the 1 IAM user(s)');
  });

  it('is an error naming the call when the report is denied or unreadable', () => {
    for (const call of [denied('iam', 'GetCredentialReport', { code: 'ReportExpired' }), credentialReportCall(['x'], 'user,arn')]) {
      const result = run(consoleUsersMfa, makeSnapshot([call]));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('iam GetCredentialReport');
    }
  });
});
