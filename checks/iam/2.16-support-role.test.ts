import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { supportRole } from './2.16-support-role.js';

const params = { PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' };
const entities = (output: Record<string, unknown>) => ok('iam', 'ListEntitiesForPolicy', { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], ...output }, { params });

describe('2.16 support role', () => {
  it('passes when a role carries AWSSupportAccess', () => {
    const result = run(supportRole, makeSnapshot([entities({ PolicyRoles: [{ RoleName: 'aws-support-access', RoleId: 'AROAEXAMPLESUPPORT01' }] })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('role aws-support-access');
  });

  it('fails when only users or groups carry it, or nobody does', () => {
    const usersOnly = run(supportRole, makeSnapshot([entities({ PolicyUsers: [{ UserName: 'ops', UserId: 'AIDAEXAMPLEOPS000001' }] })]));
    expect(usersOnly.status).toBe('fail');
    expect(usersOnly.findings[0]?.detail).toContain('held only by user ops');
    expect(run(supportRole, makeSnapshot([entities({})])).status).toBe('fail');
  });

  it('fails when the policy does not exist in the partition', () => {
    expect(run(supportRole, makeSnapshot([denied('iam', 'ListEntitiesForPolicy', { params, code: 'NoSuchEntity' })])).status).toBe('fail');
  });

  it('is an error naming the call when denied or not collected', () => {
    const deniedResult = run(supportRole, makeSnapshot([denied('iam', 'ListEntitiesForPolicy', { params })]));
    expect(deniedResult.status).toBe('error');
    expect(deniedResult.findings[0]?.detail).toContain('ListEntitiesForPolicy');
    const missing = run(supportRole, makeSnapshot([]));
    expect(missing.status).toBe('error');
    expect(missing.findings[0]?.detail).toContain('iam ListEntitiesForPolicy {"PolicyArn":"arn:aws:iam::aws:policy/AWSSupportAccess"}');
  });
});
