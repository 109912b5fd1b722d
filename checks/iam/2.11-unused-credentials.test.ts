import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { unusedCredentials } from './2.11-unused-credentials.js';

const statusOf = (rows: string[]) => run(unusedCredentials, makeSnapshot([credentialReportCall(rows)]));

describe('2.11 credentials unused for 45 days', () => {
  it('passes recently used passwords and keys, ignoring the root user', () => {
    const result = statusOf([
      rootRow({ passwordLastUsed: daysAgo(300) }),
      userRow({ name: 'dana', password: { changed: daysAgo(100), lastUsed: daysAgo(44.9) }, key1: { active: true, rotated: daysAgo(200), lastUsed: daysAgo(3) } }),
      userRow({ name: 'retired', key1: { active: false, rotated: daysAgo(500) } }),
    ]);
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.resource)).toEqual(['arn:aws:iam::111122223333:user/dana', 'arn:aws:iam::111122223333:user/retired']);
    expect(result.findings[1]?.detail).toContain('no enabled password and no active access key');
  });

  it('fails a password last used 45 days or more before collection', () => {
    const result = statusOf([userRow({ name: 'ben', password: { changed: daysAgo(300), lastUsed: daysAgo(45) } })]);
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('password last used 2026-10-11 (45 days)');
  });

  it('judges a never-used password by when it was set', () => {
    expect(statusOf([userRow({ name: 'new', password: { changed: daysAgo(10) } })]).status).toBe('pass');
    const old = statusOf([userRow({ name: 'ghost', password: { changed: daysAgo(60) } })]);
    expect(old.status).toBe('fail');
    expect(old.findings[0]?.detail).toContain('password never used, set');
  });

  it('fails an active key unused for 45 days, and a never-used active key created that long ago', () => {
    const used = statusOf([userRow({ name: 'etl', key2: { active: true, rotated: daysAgo(400), lastUsed: daysAgo(90) } })]);
    expect(used.status).toBe('fail');
    expect(used.findings[0]?.detail).toContain('access key 2 last used');
    const never = statusOf([userRow({ name: 'idle', key1: { active: true, rotated: daysAgo(46) } })]);
    expect(never.status).toBe('fail');
    expect(never.findings[0]?.detail).toContain('access key 1 never used');
    expect(statusOf([userRow({ name: 'fresh', key1: { active: true, rotated: daysAgo(5) } })]).status).toBe('pass');
  });

  it('is an error for a user whose dates cannot be read, while others are still judged', () => {
    const broken = 'odd,arn:aws:iam::111122223333:user/odd,2020-01-01T00:00:00+00:00,true,no_information,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
    const result = statusOf([broken, userRow({ name: 'ben', password: { changed: daysAgo(300), lastUsed: daysAgo(100) } })]);
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.status).toBe('error');
    expect(statusOf([broken]).status).toBe('error');
  });

  it('is an error naming the call when the report is not collected', () => {
    const result = run(unusedCredentials, makeSnapshot([denied('iam', 'ListUsers')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetCredentialReport');
  });
});
