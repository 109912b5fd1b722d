/**
 * A snapshot written from the benchmark's own command-line audit steps, run by the real AWS CLI v1
 * against the account test/peers/account.ts builds in moto: each resource named the way those
 * commands name it (a trail by its name, a KMS key by its id, a log group by its name, a user by
 * name, a bucket by name). Assay must reach the same verdicts on it as on `assay collect`'s
 * snapshot of the same account, and never `error` for how a resource was named.
 *
 * Narrowing the benchmark adds for reading by eye (`--query`, `--filters`, `grep`, `cut`) is left
 * off: the snapshot format records list and describe calls once per region without filters, and
 * the checks do the filtering (DESIGN.md ⚑ snapshot). Which resource a command is about is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import type { CheckResult } from '../../checks/types.js';
import type { Snapshot, SnapshotCall } from '../../src/snapshot.js';
import { checkRecordedCall } from '../conformance/botocore.js';
import { buildAccount, HOME, REGIONS, type BuiltAccount } from './account.js';
import { findAwsCli, refusedInvocations } from './aws-cli.js';
import { outputsOf, runAuditSteps, type AuditRun, type AuditStep } from './audit-steps.js';
import { collectFromMoto } from './collect-moto.js';
import { startMoto, type MotoServer } from './moto-server.js';

interface Trail {
  Name: string;
  TrailARN: string;
  HomeRegion: string;
  IsMultiRegionTrail?: boolean;
  S3BucketName?: string;
  CloudWatchLogsLogGroupArn?: string;
}

/** Every trail the regions' DescribeTrails list, once each (a multi-region trail shows in every region). */
function trailsOf(recorded: readonly SnapshotCall[]): Trail[] {
  const byArn = new Map<string, Trail>();
  for (const { output } of outputsOf<{ trailList?: Trail[] }>(recorded, 'cloudtrail', 'DescribeTrails')) {
    for (const trail of output.trailList ?? []) byArn.set(trail.TrailARN, trail);
  }
  return [...byArn.values()];
}

/** The log group a multi-region trail delivers to, by the name inside `arn:…:log-group:<name>:*`. */
const trailLogGroups = (recorded: readonly SnapshotCall[]) => [
  ...new Set(
    trailsOf(recorded)
      .filter((t) => t.IsMultiRegionTrail)
      .flatMap((t) => t.CloudWatchLogsLogGroupArn?.split(':log-group:')[1]?.split(':')[0] ?? []),
  ),
];

const users = (recorded: readonly SnapshotCall[]) =>
  outputsOf<{ Users?: { UserName: string }[] }>(recorded, 'iam', 'ListUsers').flatMap(({ output }) => (output.Users ?? []).map((u) => ({ values: { 'user-name': u.UserName } })));

const buckets = (recorded: readonly SnapshotCall[]) =>
  outputsOf<{ Buckets?: { Name: string }[] }>(recorded, 's3api', 'ListBuckets').flatMap(({ output }) => (output.Buckets ?? []).map((b) => ({ values: { bucket_name: b.Name } })));

const MONITORING = ['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '5.10', '5.11', '5.12', '5.13', '5.14', '5.15'];

/**
 * The benchmark's command-line audit steps, in the order their inputs become known. `<region>`
 * runs a command in every region in scope, where the benchmark has it repeated region by region
 * (or, for account-wide settings kept per region such as Config recorders and Security Hub,
 * where it asks for every region); other placeholders are filled from what an earlier stage printed.
 */
const STAGES: AuditStep[][] = [
  [
    // The account id that s3control get-public-access-block takes.
    { for: ['3.1.4'], command: 'sts get-caller-identity' },
    { for: ['2.3', '2.4', '2.5'], command: 'iam get-account-summary' },
    { for: ['2.7', '2.8'], command: 'iam get-account-password-policy' },
    { for: ['2.9', '2.10', '2.11', '2.13'], command: 'iam generate-credential-report' },
    { for: ['2.10', '2.12', '2.14'], command: 'iam list-users' },
    { for: ['2.15'], command: 'iam list-policies --only-attached' },
    // The benchmark picks the one managed policy out of the full listing with --query.
    { for: ['2.16', '2.21'], command: 'iam list-policies' },
    { for: ['2.16'], command: 'iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess' },
    { for: ['2.21'], command: 'iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess' },
    { for: ['2.18'], command: 'iam list-server-certificates' },
    { for: ['2.2'], command: 'account get-alternate-contact --alternate-contact-type SECURITY' },
    // `aws s3 ls` prints text; this is the call it makes, printed as JSON.
    { for: ['3.1.1', '3.1.2', '3.1.4'], command: 's3api list-buckets' },
    { for: ['2.17', '6.7'], command: 'ec2 describe-instances --region <region>' },
    { for: ['3.2.1', '3.2.2', '3.2.3', '3.2.4'], command: 'rds describe-db-instances --region <region>' },
    { for: ['3.2.3', '6.6'], command: 'ec2 describe-route-tables --region <region>' },
    { for: ['3.3.1'], command: 'efs describe-file-systems --region <region>' },
    { for: ['4.1', '4.2', '4.4', '4.5', '4.9', ...MONITORING], command: 'cloudtrail describe-trails --region <region>' },
    { for: ['4.8'], command: 'cloudtrail list-trails' },
    { for: ['4.3'], command: 'configservice describe-configuration-recorders --region <region>' },
    { for: ['4.3'], command: 'configservice describe-configuration-recorder-status --region <region>' },
    { for: ['4.6'], command: 'kms list-keys --region <region>' },
    { for: ['4.7'], command: 'ec2 describe-vpcs --region <region>' },
    { for: ['4.7'], command: 'ec2 describe-flow-logs --region <region>' },
    { for: MONITORING, command: 'cloudwatch describe-alarms' },
    { for: ['5.16'], command: 'securityhub describe-hub --region <region>' },
    { for: ['6.1.1'], command: '--region <region> ec2 get-ebs-encryption-by-default' },
    { for: ['6.1.2'], command: 'ec2 describe-security-groups --region <region>' },
  ],
  [
    { for: ['2.9', '2.10', '2.11', '2.13'], command: 'iam get-credential-report' },
    { for: ['2.10'], command: 'iam get-user --user-name <user-name>', each: users },
    { for: ['2.10', '2.12'], command: 'iam list-access-keys --user-name <user-name>', each: users },
    { for: ['2.14'], command: 'iam list-attached-user-policies --user-name <user-name>', each: users },
    { for: ['2.14'], command: 'iam list-user-policies --user-name <user-name>', each: users },
    {
      for: ['2.15'],
      command: 'iam list-entities-for-policy --policy-arn <policy_arn>',
      each: (recorded) =>
        outputsOf<{ Policies?: { Arn: string }[] }>(recorded, 'iam', 'ListPolicies')
          .filter((c) => c.params.OnlyAttached === true)
          .flatMap(({ output }) => (output.Policies ?? []).map((p) => ({ values: { policy_arn: p.Arn } }))),
    },
    { for: ['3.1.1'], command: 's3api get-bucket-policy --bucket <bucket_name>', each: buckets },
    { for: ['3.1.4'], command: 's3api get-public-access-block --bucket <bucket_name>', each: buckets },
    { for: ['3.1.2'], command: 's3api get-bucket-versioning --bucket <bucket_name>', each: buckets },
    {
      for: ['3.1.4'],
      command: 's3control get-public-access-block --account-id <account-id> --region <region-name>',
      each: (recorded) => outputsOf<{ Account: string }>(recorded, 'sts', 'GetCallerIdentity').map(({ output }) => ({ values: { 'account-id': output.Account, 'region-name': HOME } })),
    },
    {
      for: ['4.6'],
      command: 'kms describe-key --key-id <kms-key-id> --region <region-name>',
      each: (recorded) =>
        outputsOf<{ Keys?: { KeyId: string }[] }>(recorded, 'kms', 'ListKeys').flatMap(({ region, output }) =>
          (output.Keys ?? []).map((k) => ({ values: { 'kms-key-id': k.KeyId, 'region-name': region } })),
        ),
    },
    {
      for: ['4.8'],
      command: 'cloudtrail get-trail --name <trail-name> --region <region-name>',
      each: (recorded) =>
        outputsOf<{ Trails?: { Name: string; HomeRegion: string }[] }>(recorded, 'cloudtrail', 'ListTrails').flatMap(({ output }) =>
          (output.Trails ?? []).map((t) => ({ values: { 'trail-name': t.Name, 'region-name': t.HomeRegion } })),
        ),
    },
    // The benchmark's get-trail-status names no region: a trail's name is known in its home region
    // only (elsewhere a trail answers to its ARN), so each runs there.
    {
      for: ['4.1', ...MONITORING],
      command: 'cloudtrail get-trail-status --name <trail-name> --region <home-region>',
      each: (recorded) => trailsOf(recorded).map((t) => ({ values: { 'trail-name': t.Name, 'home-region': t.HomeRegion } })),
    },
    {
      for: ['4.1', '4.8', '4.9', ...MONITORING],
      command: 'cloudtrail get-event-selectors --region <home-region> --trail-name <trail-name>',
      each: (recorded) => trailsOf(recorded).map((t) => ({ values: { 'trail-name': t.Name, 'home-region': t.HomeRegion } })),
    },
    {
      for: ['4.4'],
      command: 's3api get-bucket-logging --bucket <s3-bucket-for-cloudtrail>',
      each: (recorded) => [...new Set(trailsOf(recorded).flatMap((t) => t.S3BucketName ?? []))].map((name) => ({ values: { 's3-bucket-for-cloudtrail': name } })),
    },
    {
      for: MONITORING,
      command: 'logs describe-metric-filters --log-group-name <trail-log-group-name>',
      each: (recorded) => trailLogGroups(recorded).map((name) => ({ values: { 'trail-log-group-name': name } })),
    },
  ],
  [
    {
      for: ['4.6'],
      command: 'kms get-key-rotation-status --key-id <kms-key-id> --region <region-name>',
      each: (recorded) =>
        outputsOf<{ KeyMetadata?: { KeySpec?: string } }>(recorded, 'kms', 'DescribeKey')
          .filter(({ output }) => output.KeyMetadata?.KeySpec === 'SYMMETRIC_DEFAULT')
          .map(({ region, params }) => ({ values: { 'kms-key-id': String(params.KeyId), 'region-name': region } })),
    },
    {
      // The topics notified by alarms on the metrics the trail's log group filters publish.
      for: MONITORING,
      command: 'sns list-subscriptions-by-topic --topic-arn <sns-topic-arn>',
      each: (recorded) => {
        const metrics = new Set(
          outputsOf<{ metricFilters?: { metricTransformations?: { metricName?: string }[] }[] }>(recorded, 'logs', 'DescribeMetricFilters').flatMap(({ output }) =>
            (output.metricFilters ?? []).flatMap((f) => (f.metricTransformations ?? []).flatMap((m) => m.metricName ?? [])),
          ),
        );
        const topics = outputsOf<{ MetricAlarms?: { MetricName?: string; AlarmActions?: string[] }[] }>(recorded, 'cloudwatch', 'DescribeAlarms').flatMap(({ output }) =>
          (output.MetricAlarms ?? []).filter((a) => a.MetricName && metrics.has(a.MetricName)).flatMap((a) => (a.AlarmActions ?? []).filter((arn) => arn.startsWith('arn:aws:sns:'))),
        );
        return [...new Set(topics)].map((arn) => ({ values: { 'sns-topic-arn': arn } }));
      },
    },
  ],
];

/**
 * Recommendations the steps above serve that are not compared, and why:
 * - 2.4, 2.5: moto's GetAccountSummary lacks AccountPasswordPresent, which AWS returns and these read.
 * - 2.17: the benchmark's commands show that an instance has a profile, not that the profile holds a
 *   role (an empty profile fails too); Assay reads iam list-instance-profiles for that, which no step runs.
 * - 2.15: the benchmark's steps list the attached policies and what they are attached to, but no
 *   command prints a policy's document (get-policy-version), which is what holds `*` on `*`.
 * - 2.21: likewise no policy document, so what other policies grant CloudShell is not in the steps.
 */
const LEFT_OUT: Record<string, string> = {
  '2.4': 'moto lacks AccountPasswordPresent',
  '2.5': 'moto lacks AccountPasswordPresent',
  '2.17': 'no instance profile listing in the steps',
  '2.15': 'no policy documents in the steps',
  '2.21': 'no policy documents in the steps',
};

/**
 * The benchmark audits these from the console only, but every call Assay reads for them is made
 * by other recommendations' steps (describe-security-groups, describe-vpcs, describe-instances).
 * 6.2 is not here: no step describes network ACLs.
 */
const READ_FROM_OTHER_STEPS = ['6.3', '6.4', '6.5'];

let moto: MotoServer | undefined;
let built: BuiltAccount;
let audit: AuditRun;
let collected: Snapshot;

beforeAll(async () => {
  const cli = findAwsCli(1);
  moto = await startMoto();
  built = await buildAccount(moto.endpoint);
  const server = moto;
  [audit, collected] = await Promise.all([
    runAuditSteps(cli, STAGES, { endpoint: server.endpoint, env: server.env, regions: REGIONS, account: built.account, concurrency: 4 }),
    collectFromMoto(server),
  ]);
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

const audited = () => [...new Set(STAGES.flat().flatMap((s) => s.for))].filter((id) => !(id in LEFT_OUT));
const compared = () => [...audited(), ...READ_FROM_OTHER_STEPS];
const byId = (results: CheckResult[]) => new Map(results.map((r) => [r.id, r]));
/**
 * A verdict and the status of each resource it judged. A bucket is keyed by its ARN alone: AWS's
 * ListBuckets gives each bucket's region (BucketRegion) but moto's leaves it out, and the
 * benchmark's steps never ask a bucket's location, so from them Assay cannot know where a bucket lives.
 */
const verdict = (result: CheckResult | undefined) => ({
  status: result?.status,
  findings: Object.fromEntries((result?.findings ?? []).map((f) => [f.resource.startsWith('arn:aws:s3:::') ? f.resource : `${f.resource} ${f.region}`, f.status])),
});

describe('the benchmark’s command-line audit steps, run by the AWS CLI v1 against moto', () => {
  it('are all command lines the CLI accepts', () => {
    expect(refusedInvocations(audit.invocations).map((i) => `${i.argv.join(' ')}: ${i.stderr}`)).toEqual([]);
    expect(audit.snapshot.calls.filter((c) => c.error?.code === 'CliError' || c.error?.code === 'UnparseableResponse')).toEqual([]);
  });

  it('record every call with the service, operation and member names of AWS’s own models', () => {
    expect(audit.snapshot.calls.flatMap((call) => checkRecordedCall(call))).toEqual([]);
  });

  it('name each resource the way the benchmark’s commands do', () => {
    const params = (service: string, operation: string) => audit.snapshot.calls.filter((c) => c.service === service && c.operation === operation).map((c) => c.params);
    expect(params('cloudtrail', 'GetTrailStatus')).toContainEqual({ Name: built.trail.name });
    expect(params('cloudtrail', 'GetEventSelectors')).toContainEqual({ TrailName: built.trail.name });
    expect(params('logs', 'DescribeMetricFilters')).toEqual([{ logGroupName: built.trail.logGroupName }]);
    const keyId = built.keys[HOME].notRotated.split('/').pop();
    expect(params('kms', 'GetKeyRotationStatus')).toContainEqual({ KeyId: keyId });
    expect(params('iam', 'ListAccessKeys')).toContainEqual({ UserName: built.users.twoKeys });
    expect(params('s3api', 'GetBucketPolicy')).toContainEqual({ Bucket: built.buckets.open });
  });
});

describe('verdicts on the snapshot written from the benchmark’s audit steps', () => {
  it('equal the verdicts on assay collect’s snapshot of the same account, resource by resource', () => {
    const fromSteps = byId(evaluateSnapshot(audit.snapshot));
    const fromCollect = byId(evaluateSnapshot(collected));
    const pick = (results: Map<string, CheckResult>) => Object.fromEntries(compared().map((id) => [id, verdict(results.get(id))]));
    expect(pick(fromSteps)).toEqual(pick(fromCollect));
  });

  it('are never error for how the steps named a resource', () => {
    const results = byId(evaluateSnapshot(audit.snapshot));
    const errors = compared().flatMap((id) => (results.get(id)?.findings ?? []).filter((f) => f.status === 'error').map((f) => `${id}: ${f.detail}`));
    expect(errors).toEqual([]);
  });
});
