import { describe, expect, it } from 'vitest';
import { credentialReportCall, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { permissionsViaGroups } from '../iam/2.14-permissions-via-groups.js';
import { cloudShellAccess } from '../iam/2.21-cloudshell-access.js';
import { rootHardwareMfa } from '../iam/2.5-root-hardware-mfa.js';

const userArn = (name: string) => `arn:aws:iam::111122223333:user/${name}`;
const users = (...names: string[]) => ok('iam', 'ListUsers', { Users: names.map((n) => ({ Path: '/', UserName: n, UserId: `AIDA${n.toUpperCase()}`, Arn: userArn(n), CreateDate: '2024-01-10T09:00:00+00:00' })) });
const attached = (name: string, ...policies: string[]) =>
  ok('iam', 'ListAttachedUserPolicies', { AttachedPolicies: policies.map((p) => ({ PolicyName: p, PolicyArn: `arn:aws:iam::aws:policy/${p}` })) }, { params: { UserName: name } });
const inline = (name: string, ...policies: string[]) => ok('iam', 'ListUserPolicies', { PolicyNames: policies }, { params: { UserName: name } });

const CLOUDSHELL = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';
const attachedPolicies = (...policies: { PolicyName: string; Arn: string; AttachmentCount: number }[]) =>
  ok('iam', 'ListPolicies', { Policies: policies.map((p) => ({ ...p, DefaultVersionId: 'v1', Path: '/', IsAttachable: true })) }, { params: { OnlyAttached: true } });

describe('principle: missing data decides only where it could change the verdict', () => {
  describe('a proven failure stays fail when unrelated data is missing or denied (2.14)', () => {
    it('fails a user with an attached admin policy even though their inline policies were denied', () => {
      const result = run(permissionsViaGroups, makeSnapshot([users('kim'), attached('kim', 'AdministratorAccess'), denied('iam', 'ListUserPolicies', { params: { UserName: 'kim' } })]));
      expect(result.status).toBe('fail');
      expect(result.findings).toEqual([expect.objectContaining({ resource: userArn('kim'), status: 'fail' })]);
      expect(result.findings[0]?.detail).toContain('attached policy AdministratorAccess');
      expect(result.findings[0]?.detail).toContain('iam ListUserPolicies {"UserName":"kim"} failed');
    });

    it('fails a user with an inline policy whose attached policies were never collected, and keeps an error where nothing is proven', () => {
      const result = run(permissionsViaGroups, makeSnapshot([users('ftp', 'dana'), inline('ftp', 'legacy-upload'), attached('dana'), denied('iam', 'ListUserPolicies', { params: { UserName: 'dana' } })]));
      expect(result.status).toBe('fail');
      expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
        [userArn('ftp'), 'fail'],
        [userArn('dana'), 'error'],
      ]);
      expect(result.findings[0]?.detail).toContain('inline policy legacy-upload');
      expect(result.findings[1]?.detail).toContain('iam ListUserPolicies {"UserName":"dana"}');
    });

    it('takes the users from the credential report when ListUsers was denied', () => {
      const snapshot = makeSnapshot([
        denied('iam', 'ListUsers'),
        credentialReportCall([userRow({ name: 'kim' }), userRow({ name: 'dana' })]),
        attached('kim', 'AdministratorAccess'),
        inline('kim'),
        attached('dana'),
        inline('dana'),
      ]);
      const result = run(permissionsViaGroups, snapshot);
      expect(result.status).toBe('fail');
      expect(result.findings.map((f) => [f.resource, f.status])).toEqual([
        [userArn('kim'), 'fail'],
        [userArn('dana'), 'pass'],
      ]);
    });
  });

  describe('2.21: what ListPolicies shows decides when the entity list is missing', () => {
    it('fails when the attached-policy list shows AWSCloudShellFullAccess attached, though its entities were denied', () => {
      const result = run(
        cloudShellAccess,
        makeSnapshot([denied('iam', 'ListEntitiesForPolicy', { params: { PolicyArn: CLOUDSHELL } }), attachedPolicies({ PolicyName: 'AWSCloudShellFullAccess', Arn: CLOUDSHELL, AttachmentCount: 2 })]),
      );
      expect(result.status).toBe('fail');
      expect(result.findings[0]).toMatchObject({ resource: CLOUDSHELL, status: 'fail' });
      expect(result.findings[0]?.detail).toContain('2 entities');
      expect(result.findings[0]?.detail).toContain('iam ListEntitiesForPolicy');
    });

    it('is manual when the attached-policy list does not hold it, though its entities were never collected', () => {
      const result = run(cloudShellAccess, makeSnapshot([attachedPolicies()]));
      expect(result.status).toBe('manual');
      expect(result.findings[0]?.detail).toContain('attached to no user, group or role');
    });
  });
});

describe('principle: missing data decides only where it could change the verdict (root MFA)', () => {
  it('2.5: a virtual MFA device assigned to root fails, though the summary and the report are missing', () => {
    const rootDevice = { SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', User: { Arn: 'arn:aws:iam::111122223333:root', UserId: '111122223333' }, EnableDate: '2023-01-01T00:00:00+00:00' };
    const result = run(rootHardwareMfa, makeSnapshot([denied('iam', 'GetAccountSummary'), ok('iam', 'ListVirtualMFADevices', { VirtualMFADevices: [rootDevice] })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('virtual device (arn:aws:iam::111122223333:mfa/root-account-mfa-device)');
    // An unassigned device that kept root's serial proves nothing: root's MFA state stays unknown.
    const unassigned = { SerialNumber: rootDevice.SerialNumber };
    expect(run(rootHardwareMfa, makeSnapshot([denied('iam', 'GetAccountSummary'), ok('iam', 'ListVirtualMFADevices', { VirtualMFADevices: [unassigned] })])).status).toBe('error');
  });
});
