import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { covers, readersOf } from '../../src/collect/coverage.js';
import { GLOBAL_REGION, PLAN, cliCommandName, fillParams } from '../../src/collect/plan.js';
import { commandClass, paginator } from '../../src/collect/services.js';

describe('the collection plan', () => {
  it('names each step once, and derives from or waits for earlier steps only', () => {
    const seen = new Set<string>();
    for (const step of PLAN) {
      expect(seen.has(step.id), step.id).toBe(false);
      if (step.scope === 'derived') expect(seen.has(step.from), `${step.id} derives from ${step.from}`).toBe(true);
      if (step.scope !== 'derived' && step.after) {
        expect(seen.has(step.after), `${step.id} waits for ${step.after}`).toBe(true);
        expect(PLAN.find((s) => s.id === step.after)?.scope, 'a step waits for a root step only').not.toBe('derived');
      }
      seen.add(step.id);
    }
  });

  it('has an SDK v3 command for every operation', () => {
    for (const step of PLAN) expect(() => commandClass(step.service, step.operation), step.id).not.toThrow();
  });

  // The operations that page, per the AWS CLI's own paginator definitions: each needs an SDK paginator
  // so that every page is merged, as the CLI does.
  it.each([
    ['iam', 'ListUsers'],
    ['iam', 'ListAccessKeys'],
    ['iam', 'ListAttachedUserPolicies'],
    ['iam', 'ListUserPolicies'],
    ['iam', 'ListVirtualMFADevices'],
    ['iam', 'ListPolicies'],
    ['iam', 'ListEntitiesForPolicy'],
    ['iam', 'ListServerCertificates'],
    ['iam', 'ListInstanceProfiles'],
    ['s3api', 'ListBuckets'],
    ['ec2', 'DescribeVpcs'],
    ['ec2', 'DescribeFlowLogs'],
    ['ec2', 'DescribeSecurityGroups'],
    ['ec2', 'DescribeNetworkAcls'],
    ['ec2', 'DescribeRouteTables'],
    ['ec2', 'DescribeInstances'],
    ['ec2', 'DescribeVpcPeeringConnections'],
    ['accessanalyzer', 'ListAnalyzers'],
    ['kms', 'ListKeys'],
    ['logs', 'DescribeMetricFilters'],
    ['cloudwatch', 'DescribeAlarms'],
    ['sns', 'ListSubscriptionsByTopic'],
    ['rds', 'DescribeDBInstances'],
    ['efs', 'DescribeFileSystems'],
  ])('merges every page of %s %s', (service, operation) => {
    expect(PLAN.some((s) => s.service === service && s.operation === operation)).toBe(true);
    expect(paginator(service, operation)).toBeTypeOf('function');
  });

  it('turns operation names into AWS CLI subcommands the way the CLI does', () => {
    const expected: Record<string, string> = {
      GetCallerIdentity: 'get-caller-identity',
      ListVirtualMFADevices: 'list-virtual-mfa-devices',
      DescribeDBInstances: 'describe-db-instances',
      GetEbsEncryptionByDefault: 'get-ebs-encryption-by-default',
      DescribeConfigurationRecorderStatus: 'describe-configuration-recorder-status',
      ListSubscriptionsByTopic: 'list-subscriptions-by-topic',
      GetKeyRotationStatus: 'get-key-rotation-status',
      GetMacieSession: 'get-macie-session',
      DescribeVpcPeeringConnections: 'describe-vpc-peering-connections',
      ListOpenIDConnectProviders: 'list-open-id-connect-providers',
      ListSAMLProviders: 'list-saml-providers',
      GetPublicAccessBlock: 'get-public-access-block',
    };
    for (const [operation, command] of Object.entries(expected)) expect(cliCommandName(operation), operation).toBe(command);
  });

  it('fills the account and partition into fixed parameters', () => {
    expect(fillParams({ AccountId: '{account}', PolicyArn: 'arn:{partition}:iam::aws:policy/X' }, { account: '123456789012', partition: 'aws-us-gov' })).toEqual({
      AccountId: '123456789012',
      PolicyArn: 'arn:aws-us-gov:iam::aws:policy/X',
    });
  });
});

describe('the plan against the checks', () => {
  it('records every call that a recommendation of the catalogue reads', () => {
    const uncovered = CATALOG.flatMap((rec) => rec.reads.filter((read) => !PLAN.some((step) => covers(step, read))).map((read) => `${rec.id}: ${JSON.stringify(read)}`));
    expect(uncovered).toEqual([]);
  });

  it('knows which recommendations each call serves, through the calls it leads to', () => {
    const step = (id: string) => PLAN.find((s) => s.id === id)!;
    expect(readersOf(step('iam.GetAccountPasswordPolicy'))).toEqual(['2.7', '2.8']);
    // No check reads GenerateCredentialReport itself; every reader of the report depends on it.
    expect(readersOf(step('iam.GenerateCredentialReport'))).toEqual(readersOf(step('iam.GetCredentialReport')));
    expect(readersOf(step('s3api.ListBuckets'))).toEqual(expect.arrayContaining(readersOf(step('s3api.GetBucketPolicy'))));
  });

  it('matches a read by operation, kind of region and request members', () => {
    const policies = PLAN.find((s) => s.id === 'iam.ListPolicies.attached')!;
    expect(covers(policies, { service: 'iam', operation: 'ListPolicies', scope: 'global', params: { OnlyAttached: true } })).toBe(true);
    expect(covers(policies, { service: 'iam', operation: 'ListPolicies', scope: 'global' })).toBe(false);
    expect(covers(policies, { service: 'iam', operation: 'ListPolicies', scope: 'regional', params: { OnlyAttached: true } })).toBe(false);
    const support = PLAN.find((s) => s.id === 'iam.ListEntitiesForPolicy.AWSSupportAccess')!;
    expect(covers(support, { service: 'iam', operation: 'ListEntitiesForPolicy', scope: 'global', params: { PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' } })).toBe(true);
    const keys = PLAN.find((s) => s.id === 'iam.ListAccessKeys')!;
    expect(covers(keys, { service: 'iam', operation: 'ListAccessKeys', scope: 'global', per: 'UserName' })).toBe(true);
    expect(covers(keys, { service: 'iam', operation: 'ListAccessKeys', scope: 'global' })).toBe(false);
    const versions = PLAN.find((s) => s.id === 'iam.GetPolicyVersion')!;
    expect(covers(versions, { service: 'iam', operation: 'GetPolicyVersion', scope: 'global', per: 'PolicyArn, VersionId' })).toBe(true);
  });

  it('records global services in one region', () => {
    for (const step of PLAN) {
      if (['iam', 'account', 'organizations', 's3control', 'sts'].includes(step.service)) {
        expect(step.scope === 'global' || (step.scope === 'derived' && step.region === 'global'), step.id).toBe(true);
      }
    }
    expect(GLOBAL_REGION).toBe('us-east-1');
  });
});
