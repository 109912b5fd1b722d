import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { PLAN } from '../../src/collect/plan.js';
import { ReadOnlyViolation, assertReadOnly, isReadOnlyOperation } from '../../src/collect/readonly.js';
import { createClient } from '../../src/collect/services.js';

const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

describe('read-only allow-list', () => {
  it('allows every operation of the collection plan', () => {
    const refused = PLAN.filter((s) => !isReadOnlyOperation(s.service, s.operation)).map((s) => s.id);
    expect(refused).toEqual([]);
  });

  it.each([
    ['iam', 'CreateUser'],
    ['iam', 'UpdateAccountPasswordPolicy'],
    ['iam', 'DeleteAccessKey'],
    ['iam', 'AttachRolePolicy'],
    ['s3api', 'PutBucketPolicy'],
    ['s3api', 'DeleteBucket'],
    ['cloudtrail', 'StopLogging'],
    ['cloudtrail', 'UpdateTrail'],
    ['kms', 'EnableKeyRotation'],
    ['kms', 'ScheduleKeyDeletion'],
    ['ec2', 'AuthorizeSecurityGroupIngress'],
    ['ec2', 'ModifyInstanceMetadataOptions'],
    ['sts', 'AssumeRole'],
    ['account', 'PutAlternateContact'],
    // Read-style names that would read data or secrets rather than configuration.
    ['s3api', 'GetObject'],
    ['ec2', 'GetPasswordData'],
    ['logs', 'GetLogEvents'],
    ['sts', 'GetSessionToken'],
  ])('refuses %s %s', (service, operation) => {
    expect(isReadOnlyOperation(service, operation)).toBe(false);
    expect(() => assertReadOnly(service, operation)).toThrow(ReadOnlyViolation);
  });

  it('refuses a write on the SDK client itself, before anything is signed or sent', async () => {
    const sent: string[] = [];
    const requestHandler = {
      handle: async (request: { body?: unknown }) => {
        sent.push(String(request.body));
        const xml = '<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>';
        return { response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: new TextEncoder().encode(xml) } };
      },
    };
    const iam = createClient('iam', { region: 'us-east-1', credentials: TEST_CREDENTIALS, requestHandler });
    await expect(iam.send(new CreateUserCommand({ UserName: 'intruder' }))).rejects.toThrow(ReadOnlyViolation);
    expect(sent).toEqual([]);
    await expect(iam.send(new ListUsersCommand({}))).resolves.toMatchObject({ Users: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Action=ListUsers');

    const s3 = createClient('s3api', { region: 'us-east-1', credentials: TEST_CREDENTIALS, requestHandler });
    await expect(s3.send(new PutBucketPolicyCommand({ Bucket: 'logs', Policy: '{}' }))).rejects.toThrow(/refused s3api PutBucketPolicy/);
    expect(sent).toHaveLength(1);
  });
});
