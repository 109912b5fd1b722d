import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { noKeysAtSetup } from './2.10-no-keys-at-setup.js';

const created = daysAgo(200);
const withSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const password = { changed: created, lastUsed: daysAgo(2) };
const keys = (user: string, ...list: { id: string; created: string; status?: string }[]) =>
  ok('iam', 'ListAccessKeys', { AccessKeyMetadata: list.map((k) => ({ UserName: user, AccessKeyId: k.id, Status: k.status ?? 'Active', CreateDate: k.created })) }, { params: { UserName: user } });

describe('2.10 no access keys at console user setup', () => {
  it('fails for a console user whose key was made with the user and never used', () => {
    const keyTime = withSeconds(created, 40);
    const report = credentialReportCall([rootRow(), userRow({ name: 'lee', created, password, key1: { active: true, rotated: keyTime } })]);
    const result = run(noKeysAtSetup, makeSnapshot([report, keys('lee', { id: 'AKIAEXAMPLELEE000001', created: keyTime })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('AKIAEXAMPLELEE000001 (active, created');
    expect(result.findings[0]?.detail).toContain('created with the user, never used');
  });

  it('is manual evidence for keys made later or used since', () => {
    const later = daysAgo(30);
    const atSetup = withSeconds(created, 20);
    const report = credentialReportCall([
      userRow({ name: 'kim', created, password, key1: { active: true, rotated: later } }),
      userRow({ name: 'ravi', created, password, key1: { active: true, rotated: atSetup, lastUsed: daysAgo(1) } }),
    ]);
    const result = run(noKeysAtSetup, makeSnapshot([report, keys('kim', { id: 'AKIAEXAMPLEKIM000001', created: later }), keys('ravi', { id: 'AKIAEXAMPLERAVI00001', created: atSetup })]));
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => f.status)).toEqual(['manual', 'manual']);
    expect(result.findings[0]?.detail).toContain('created 170 day(s) after the user, never used');
    expect(result.findings[1]?.detail).toContain('created with the user, last used');
  });

  it('falls back to the report\'s key slots when ListAccessKeys is not recorded', () => {
    const report = credentialReportCall([userRow({ name: 'lee', created, password, key2: { active: true, rotated: withSeconds(created, 5) } })]);
    const result = run(noKeysAtSetup, makeSnapshot([report]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('key 2 (active');
  });

  it('is manual with one finding when no console user has keys', () => {
    const report = credentialReportCall([userRow({ name: 'dana', password }), userRow({ name: 'svc', key1: { active: true, rotated: created } })]);
    const result = run(noKeysAtSetup, makeSnapshot([report]));
    expect(result.status).toBe('manual');
    expect(result.findings).toEqual([{ resource: '111122223333', region: 'global', status: 'manual', detail: 'none of the 1 user(s) with a console password has an access key' }]);
  });

  it('is an error naming the call when the report is missing', () => {
    const result = run(noKeysAtSetup, makeSnapshot([denied('iam', 'GetCredentialReport')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetCredentialReport');
  });
});
