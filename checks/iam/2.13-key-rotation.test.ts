import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { keyRotation } from './2.13-key-rotation.js';

const users = (...names: string[]) => ok('iam', 'ListUsers', { Users: names.map((n) => ({ Path: '/', UserName: n, UserId: `AIDA${n.toUpperCase()}`, Arn: `arn:aws:iam::111122223333:user/${n}`, CreateDate: daysAgo(900) })) });
const keys = (name: string, ...list: { id: string; ageDays: number; status?: string }[]) =>
  ok('iam', 'ListAccessKeys', { AccessKeyMetadata: list.map((k) => ({ UserName: name, AccessKeyId: k.id, Status: k.status ?? 'Active', CreateDate: daysAgo(k.ageDays) })) }, { params: { UserName: name } });

describe('2.13 access key rotation', () => {
  it('passes active keys up to 90 days old, and ignores inactive ones', () => {
    const result = run(keyRotation, makeSnapshot([users('ci', 'old'), keys('ci', { id: 'AKIAEXAMPLECI0000001', ageDays: 90 }), keys('old', { id: 'AKIAEXAMPLEOLD000001', ageDays: 400, status: 'Inactive' })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('AKIAEXAMPLECI0000001 created 2026-08-27 (90 days)');
    expect(result.findings[1]?.detail).toBe('old has no active access key');
  });

  it('fails an active key older than 90 days', () => {
    const result = run(keyRotation, makeSnapshot([users('etl'), keys('etl', { id: 'AKIAEXAMPLEETL000001', ageDays: 90.01 })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('1 active key(s) older than 90 days');
  });

  it('reads the credential report when ListUsers and ListAccessKeys are missing', () => {
    const report = credentialReportCall([rootRow(), userRow({ name: 'etl', key1: { active: true, rotated: daysAgo(200), lastUsed: daysAgo(1) } })]);
    const result = run(keyRotation, makeSnapshot([report]));
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.detail).toContain('key 1 created');
  });

  it('is an error for a user whose keys no source records', () => {
    const result = run(keyRotation, makeSnapshot([users('dana')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListAccessKeys {"UserName":"dana"}');
  });

  it('is an error naming the calls when nothing is collected', () => {
    const result = run(keyRotation, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListUsers');
  });
});
