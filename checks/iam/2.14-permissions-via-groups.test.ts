import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { permissionsViaGroups } from './2.14-permissions-via-groups.js';

const users = (...names: string[]) => ok('iam', 'ListUsers', { Users: names.map((n) => ({ Path: '/', UserName: n, UserId: `AIDA${n.toUpperCase()}`, Arn: `arn:aws:iam::111122223333:user/${n}`, CreateDate: '2024-01-10T09:00:00+00:00' })) });
const attached = (name: string, ...policies: string[]) =>
  ok('iam', 'ListAttachedUserPolicies', { AttachedPolicies: policies.map((p) => ({ PolicyName: p, PolicyArn: `arn:aws:iam::aws:policy/${p}` })) }, { params: { UserName: name } });
const inline = (name: string, ...policies: string[]) => ok('iam', 'ListUserPolicies', { PolicyNames: policies }, { params: { UserName: name } });

describe('2.14 permissions only through groups', () => {
  it('passes users without attached or inline policies', () => {
    const result = run(permissionsViaGroups, makeSnapshot([users('dana'), attached('dana'), inline('dana')]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.resource).toBe('arn:aws:iam::111122223333:user/dana');
  });

  it('fails users with a directly attached or an inline policy', () => {
    const result = run(permissionsViaGroups, makeSnapshot([users('kim', 'ftp'), attached('kim', 'AmazonS3ReadOnlyAccess'), inline('kim'), attached('ftp'), inline('ftp', 'legacy-upload')]));
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'kim has permissions of its own: attached policy AmazonS3ReadOnlyAccess',
      'ftp has permissions of its own: inline policy legacy-upload',
    ]);
  });

  it('passes an account without IAM users', () => {
    expect(run(permissionsViaGroups, makeSnapshot([users()])).status).toBe('pass');
  });

  it('is an error for a user whose policies were not read, still failing others', () => {
    const snapshot = makeSnapshot([users('dana', 'kim'), denied('iam', 'ListUserPolicies', { params: { UserName: 'dana' } }), attached('dana'), attached('kim', 'AdministratorAccess'), inline('kim')]);
    const result = run(permissionsViaGroups, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ status: 'error', resource: 'arn:aws:iam::111122223333:user/dana' });
    expect(result.findings[0]?.detail).toContain('iam ListUserPolicies {"UserName":"dana"}');
  });

  it('is an error naming ListUsers when it is missing', () => {
    const result = run(permissionsViaGroups, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListUsers');
  });
});
