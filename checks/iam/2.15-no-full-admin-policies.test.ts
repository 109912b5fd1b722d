import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { noFullAdminPolicies } from './2.15-no-full-admin-policies.js';

const policy = (name: string, arn: string, version = 'v1', attachments = 1) => ({
  PolicyName: name,
  PolicyId: `ANPA${name.toUpperCase().slice(0, 12)}`,
  Arn: arn,
  Path: '/',
  DefaultVersionId: version,
  AttachmentCount: attachments,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: '2024-01-01T00:00:00+00:00',
  UpdateDate: '2024-01-01T00:00:00+00:00',
});
const list = (...policies: ReturnType<typeof policy>[]) => ok('iam', 'ListPolicies', { Policies: policies }, { params: { OnlyAttached: true } });
const version = (arn: string, versionId: string, document: unknown) =>
  ok('iam', 'GetPolicyVersion', { PolicyVersion: { Document: document, VersionId: versionId, IsDefaultVersion: true, CreateDate: '2024-01-01T00:00:00+00:00' } }, { params: { PolicyArn: arn, VersionId: versionId } });

const supportArn = 'arn:aws:iam::aws:policy/AWSSupportAccess';
const adminArn = 'arn:aws:iam::111122223333:policy/full-admin';
const supportDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['support:*'], Resource: '*' }] };
const adminDoc = { Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('2.15 no attached *:* policies', () => {
  it('passes attached policies that grant less than everything', () => {
    const result = run(noFullAdminPolicies, makeSnapshot([list(policy('AWSSupportAccess', supportArn)), version(supportArn, 'v1', supportDoc)]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({ resource: supportArn, status: 'pass' });
  });

  it('fails an attached policy whose default version allows * on *, naming holders when recorded', () => {
    const entities = ok('iam', 'ListEntitiesForPolicy', { PolicyGroups: [{ GroupName: 'Administrators', GroupId: 'AGPAEXAMPLEADMINS001' }], PolicyUsers: [], PolicyRoles: [] }, { params: { PolicyArn: adminArn } });
    const snapshot = makeSnapshot([list(policy('AWSSupportAccess', supportArn), policy('full-admin', adminArn, 'v3')), version(supportArn, 'v1', supportDoc), version(adminArn, 'v3', adminDoc), entities]);
    const result = run(noFullAdminPolicies, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ resource: adminArn, status: 'fail' });
    expect(result.findings[1]?.detail).toBe('full-admin (v3) allows every action on every resource in statement "Everything"; attached to group Administrators');
  });

  it('reads URL-encoded documents and list forms, and counts holders without ListEntitiesForPolicy', () => {
    const doc = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['ec2:*', '*'], Resource: ['*'] } }));
    const result = run(noFullAdminPolicies, makeSnapshot([list(policy('full-admin', adminArn, 'v2', 2)), version(adminArn, 'v2', doc)]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('statement 1; attached to 2 entities');
  });

  it('passes when no managed policy is attached', () => {
    expect(run(noFullAdminPolicies, makeSnapshot([list()])).status).toBe('pass');
  });

  it('is an error for a policy whose version is missing or unreadable, still failing the others', () => {
    const snapshot = makeSnapshot([list(policy('AWSSupportAccess', supportArn), policy('full-admin', adminArn), policy('odd', 'arn:aws:iam::111122223333:policy/odd')), version(adminArn, 'v1', adminDoc), version('arn:aws:iam::111122223333:policy/odd', 'v1', '%7Bbroken')]);
    const result = run(noFullAdminPolicies, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: supportArn, status: 'error' });
    expect(result.findings[0]?.detail).toContain(`iam GetPolicyVersion {"PolicyArn":"${supportArn}","VersionId":"v1"}`);
    expect(result.findings[2]).toMatchObject({ status: 'error' });
    expect(result.findings[2]?.detail).toContain('neither JSON nor URL-encoded JSON');
  });

  it('is an error naming ListPolicies {OnlyAttached} when it is denied', () => {
    const result = run(noFullAdminPolicies, makeSnapshot([denied('iam', 'ListPolicies', { params: { OnlyAttached: true } })]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListPolicies {"OnlyAttached":true}');
  });
});
