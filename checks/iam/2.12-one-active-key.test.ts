import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { oneActiveKey } from './2.12-one-active-key.js';

const user = (name: string) => ({ Path: '/', UserName: name, UserId: `AIDA${name.toUpperCase().padEnd(16, '0')}`, Arn: `arn:aws:iam::111122223333:user/${name}`, CreateDate: '2024-01-10T09:00:00+00:00' });
const users = (...names: string[]) => ok('iam', 'ListUsers', { Users: names.map(user) });
const keys = (name: string, ...statuses: string[]) =>
  ok('iam', 'ListAccessKeys', { AccessKeyMetadata: statuses.map((Status, i) => ({ UserName: name, AccessKeyId: `AKIA${name.toUpperCase()}KEY${i}`.padEnd(20, '0'), Status, CreateDate: daysAgo(10 + i) })) }, { params: { UserName: name } });

describe('2.12 one active access key per user', () => {
  it('passes users with at most one active key', () => {
    const result = run(oneActiveKey, makeSnapshot([users('dana', 'ci'), keys('dana'), keys('ci', 'Active', 'Inactive')]));
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'dana: 0 active key(s) — no access keys (from ListAccessKeys)',
      expect.stringContaining('ci: 1 active key(s) — AKIACIKEY0'),
    ]);
  });

  it('fails a user with two active keys', () => {
    const result = run(oneActiveKey, makeSnapshot([users('dana', 'etl'), keys('dana', 'Active'), keys('etl', 'Active', 'Active')]));
    expect(result.status).toBe('fail');
    expect(result.findings.find((f) => f.status === 'fail')?.resource).toBe('arn:aws:iam::111122223333:user/etl');
  });

  it('uses the credential report for a user whose ListAccessKeys is missing', () => {
    const report = credentialReportCall([userRow({ name: 'etl', key1: { active: true, rotated: daysAgo(5) }, key2: { active: true, rotated: daysAgo(3) } })]);
    const result = run(oneActiveKey, makeSnapshot([users('etl'), report]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('from credential report');
  });

  it('lists users from the report when ListUsers is missing', () => {
    const report = credentialReportCall([userRow({ name: 'solo', key1: { active: true, rotated: daysAgo(5) } })]);
    expect(run(oneActiveKey, makeSnapshot([report])).status).toBe('pass');
  });

  it('is an error for a user with no key data while still failing another user', () => {
    const result = run(oneActiveKey, makeSnapshot([users('dana', 'etl'), denied('iam', 'ListAccessKeys', { params: { UserName: 'dana' } }), keys('etl', 'Active', 'Active')]));
    expect(result.status).toBe('fail');
    const error = result.findings.find((f) => f.status === 'error');
    expect(error?.resource).toBe('arn:aws:iam::111122223333:user/dana');
    expect(error?.detail).toContain('iam ListAccessKeys {"UserName":"dana"}');
    expect(run(oneActiveKey, makeSnapshot([users('dana')])).status).toBe('error');
  });

  it('is an error naming ListUsers when neither users nor the report are there', () => {
    const result = run(oneActiveKey, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListUsers');
  });
});
