import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { cloudShellAccess } from './2.21-cloudshell-access.js';

const cloudShellArn = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';
const entities = (output: Record<string, unknown>) => ok('iam', 'ListEntitiesForPolicy', { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], ...output }, { params: { PolicyArn: cloudShellArn } });
const policy = (name: string, arn: string) => ({ PolicyName: name, Arn: arn, DefaultVersionId: 'v1', AttachmentCount: 1, Path: '/', IsAttachable: true });
const version = (arn: string, document: unknown) =>
  ok('iam', 'GetPolicyVersion', { PolicyVersion: { Document: document, VersionId: 'v1', IsDefaultVersion: true } }, { params: { PolicyArn: arn, VersionId: 'v1' } });

describe('2.21 AWSCloudShellFullAccess restricted', () => {
  it('fails when the policy is attached to anyone, naming the holders', () => {
    const result = run(cloudShellAccess, makeSnapshot([entities({ PolicyGroups: [{ GroupName: 'Developers', GroupId: 'AGPAEXAMPLEDEVS00001' }] })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: cloudShellArn, detail: 'AWSCloudShellFullAccess is attached to group Developers' });
  });

  it('is manual when nobody holds it, listing other attached policies that grant CloudShell', () => {
    const adminArn = 'arn:aws:iam::111122223333:policy/full-admin';
    const readArn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const scopedArn = 'arn:aws:iam::111122223333:policy/shell-no-transfer';
    const snapshot = makeSnapshot([
      entities({}),
      ok('iam', 'ListPolicies', { Policies: [policy('full-admin', adminArn), policy('AmazonS3ReadOnlyAccess', readArn), policy('shell-no-transfer', scopedArn)] }, { params: { OnlyAttached: true } }),
      version(adminArn, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
      version(readArn, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] }),
      version(scopedArn, encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['cloudshell:CreateSession', 'cloudshell:CreateEnvironment'], Resource: '*' }] }))),
    ]);
    const result = run(cloudShellAccess, snapshot);
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'AWSCloudShellFullAccess is attached to no user, group or role — confirm no other policy grants CloudShell file transfer',
      'full-admin also allows CloudShell (all of it) — review who holds it',
      'shell-no-transfer also allows CloudShell (cloudshell:CreateEnvironment, cloudshell:CreateSession) — review who holds it',
    ]);
  });

  it('stays manual on the entity list alone when the attached policies were not collected', () => {
    const result = run(cloudShellAccess, makeSnapshot([entities({})]));
    expect(result.status).toBe('manual');
    expect(result.findings).toHaveLength(1);
  });

  it('is an error naming the call when ListEntitiesForPolicy is denied or missing', () => {
    for (const calls of [[denied('iam', 'ListEntitiesForPolicy', { params: { PolicyArn: cloudShellArn } })], []]) {
      const result = run(cloudShellAccess, makeSnapshot(calls));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('iam ListEntitiesForPolicy {"PolicyArn":"arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}');
    }
  });
});
