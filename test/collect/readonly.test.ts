import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import * as signin from '@aws-sdk/nested-clients/signin';
import * as sso from '@aws-sdk/nested-clients/sso';
import * as ssoOidc from '@aws-sdk/nested-clients/sso-oidc';
import * as nestedSts from '@aws-sdk/nested-clients/sts';
import { describe, expect, it } from 'vitest';
import { PLAN, fillParams, type PlanStep } from '../../src/collect/plan.js';
import { ReadOnlyViolation, assertReadOnly, isReadOnlyOperation } from '../../src/collect/readonly.js';
import { SERVICES, createClient } from '../../src/collect/services.js';

const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const PLAN_OPERATIONS = new Set(PLAN.map((step) => `${step.service}:${step.operation}`));

type CommandClass = new (input: object) => unknown;

/** The operations an SDK client module can send: its `*Command` exports, less the `$Command` base class. */
function commandsOf(module: Record<string, unknown>): Map<string, CommandClass> {
  const commands = new Map<string, CommandClass>();
  for (const [name, value] of Object.entries(module)) {
    if (name !== '$Command' && name.endsWith('Command') && typeof value === 'function') commands.set(name.replace(/Command$/, ''), value as CommandClass);
  }
  return commands;
}

/** The request a plan step sends, its resource identifiers filled with a placeholder. */
function sampleInput(step: PlanStep): object {
  if (step.scope !== 'derived') return fillParams(step.params, { account: '123456789012', partition: 'aws' });
  return Object.fromEntries(Object.keys(step.params).map((member) => [member, 'assay-test']));
}

class ReachedTheWire extends Error {}

/** A client of `service` whose every request is recorded and goes no further. */
function recordingClient(service: string) {
  const sent: string[] = [];
  const requestHandler = {
    handle: async (request: { hostname?: string; path?: string }) => {
      sent.push(`${request.hostname ?? ''}${request.path ?? ''}`);
      throw new ReachedTheWire('request reached the HTTP handler');
    },
  };
  const client = createClient(service, { region: 'us-east-1', credentials: TEST_CREDENTIALS, requestHandler, maxAttempts: 1 });
  return { client, sent };
}

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
    // Read-style names the plan never sends that reach credentials or data.
    ['sts', 'GetWebIdentityToken'],
    ['ec2', 'GetLaunchTemplateData'],
    ['ec2', 'GetVpnConnectionDeviceSampleConfiguration'],
    ['iam', 'GetUser'],
    ['kms', 'ListKeyPolicies'],
  ])('refuses %s %s', (service, operation) => {
    expect(isReadOnlyOperation(service, operation)).toBe(false);
    expect(() => assertReadOnly(service, operation)).toThrow(ReadOnlyViolation);
  });

  it('names the refused call and what is allowed instead', () => {
    expect(() => assertReadOnly('ec2', 'GetLaunchTemplateData')).toThrow(/refused ec2 GetLaunchTemplateData: .*collection plan/);
  });

  it.each(Object.keys(SERVICES))('%s: every operation outside the plan is refused before it is signed or sent', async (service) => {
    const { client, sent } = recordingClient(service);
    const commands = commandsOf(SERVICES[service]!.module);
    const outside = [...commands].filter(([operation]) => !PLAN_OPERATIONS.has(`${service}:${operation}`));
    expect(outside.length).toBeGreaterThan(0);
    const notRefused: string[] = [];
    for (const [operation, Command] of outside) {
      const refusal = await client.send(new Command({})).then(
        () => undefined,
        (err: unknown) => err,
      );
      if (!(refusal instanceof ReadOnlyViolation)) notRefused.push(`${operation}: ${String(refusal)}`);
    }
    client.destroy();
    expect(notRefused).toEqual([]);
    expect(sent).toEqual([]);
  });

  it.each(PLAN.map((step) => [step.id, step] as const))('plan step %s reaches the wire', async (_id, step) => {
    const { client, sent } = recordingClient(step.service);
    const Command = commandsOf(SERVICES[step.service]!.module).get(step.operation);
    expect(Command).toBeDefined();
    await expect(client.send(new Command!(sampleInput(step)))).rejects.toBeInstanceOf(ReachedTheWire);
    client.destroy();
    expect(sent).toHaveLength(1);
  });

  // The credential chain (fromNodeProviderChain, fromTemporaryCredentials for --role-arn) builds its
  // own STS, SSO, SSO-OIDC and sign-in clients from @aws-sdk/nested-clients, not through createClient:
  // those modules hold only the calls that exchange one credential for another.
  it("the credential chain's own clients can send only credential exchanges", () => {
    const chainOperations = [nestedSts, sso, ssoOidc, signin].flatMap((module) => [...commandsOf(module).keys()]);
    expect(chainOperations.sort()).toEqual(['AssumeRole', 'AssumeRoleWithWebIdentity', 'CreateOAuth2Token', 'CreateOAuth2TokenWithIAM', 'CreateToken', 'GetRoleCredentials']);
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
