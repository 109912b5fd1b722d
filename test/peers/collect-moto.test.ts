/**
 * `assay collect` against a real AWS emulator: moto_server on loopback, an account built in it
 * with the AWS SDK (test/peers/account.ts), and the collector reaching it only through
 * AWS_ENDPOINT_URL — the SDK's real wire path (query/XML for IAM, EC2, SNS, CloudWatch, RDS;
 * REST-XML for S3 and S3 Control; JSON for CloudTrail, Logs, KMS, Config; REST-JSON for EFS,
 * Security Hub), with real paging and real error codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import type { CheckStatus } from '../../checks/types.js';
import { REQUEST_FAILED, UNPARSEABLE_RESPONSE } from '../../src/collect/collector.js';
import { paramsKey, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { checkRecordedCall } from '../conformance/botocore.js';
import { buildAccount, HOME, ON_CALL_SUBSCRIBERS, OTHER, type BuiltAccount } from './account.js';
import { runCollect, type CollectRun } from './collect-moto.js';
import { MOTO_ACCOUNT, startMoto, type MotoServer } from './moto-server.js';

let moto: MotoServer | undefined;
let built: BuiltAccount;
let run: CollectRun;
let snapshot: Snapshot;

beforeAll(async () => {
  moto = await startMoto();
  built = await buildAccount(moto.endpoint);
  run = await runCollect(moto);
  if (!run.snapshot) throw new Error(`assay collect exited with ${run.code}:\n${run.err}`);
  snapshot = run.snapshot;
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

const find = (service: string, operation: string, region: string, params: Record<string, unknown> = {}): SnapshotCall | undefined =>
  snapshot.calls.find((c) => c.service === service && c.operation === operation && c.region === region && paramsKey(c.params) === paramsKey(params));

/** Calls moto does not implement: it answers with an HTML page (or, for Macie, a timestamp without a zone). */
const MOTO_LACKS = [
  { service: 'account', operation: 'GetContactInformation', regions: [HOME] },
  { service: 'accessanalyzer', operation: 'ListAnalyzers', regions: [HOME, OTHER] },
  { service: 'macie2', operation: 'GetMacieSession', regions: [HOME, OTHER] },
  { service: 'ec2', operation: 'GetEbsDefaultKmsKeyId', regions: [HOME, OTHER] },
];

describe('assay collect against moto through AWS_ENDPOINT_URL', () => {
  it('finishes with exit 0 and prints its summary only: no process warnings, nothing on the console', () => {
    expect(run.code).toBe(0);
    expect(run.warnings).toEqual([]);
    expect(run.console).toEqual([]);
    expect(run.err).toMatch(/^assay: \d+ calls in 2 regions \(account 123456789012\) written to \S+snapshot\.json; failed calls: [^\n]+\n$/);
    expect(snapshot).toMatchObject({ format: 'assay.snapshot/v1', account: MOTO_ACCOUNT, partition: 'aws', regions: [HOME, OTHER] });
  });

  it('records each failure under the AWS error code, and an answer that cannot be parsed as UnparseableResponse', () => {
    const failed = snapshot.calls.filter((c) => c.error);
    // Nothing failed for want of an answer (S3 Control and path-style S3 reach the emulator), and no JavaScript exception name poses as an AWS code.
    for (const call of failed) expect(call.error!.code, `${call.service} ${call.operation} ${call.region}`).toMatch(/^(?!SyntaxError$|TypeError$|Error$|RangeError$)[A-Z][A-Za-z.]+$/);
    expect(failed.filter((c) => c.error!.code === REQUEST_FAILED)).toEqual([]);
    const unparseable = failed.filter((c) => c.error!.code === UNPARSEABLE_RESPONSE).map((c) => `${c.service} ${c.operation} ${c.region}`);
    expect(unparseable.sort()).toEqual(MOTO_LACKS.flatMap((m) => m.regions.map((r) => `${m.service} ${m.operation} ${r}`)).sort());
    for (const call of failed.filter((c) => c.error!.code === UNPARSEABLE_RESPONSE)) expect(call.error!.message).toMatch(/^HTTP \d{3}\b/);
    // Real AWS error codes, as moto answers them.
    expect(find('s3api', 'GetBucketPolicy', OTHER, { Bucket: built.buckets.open })?.error?.code).toBe('NoSuchBucketPolicy');
    expect(find('s3api', 'GetPublicAccessBlock', OTHER, { Bucket: built.buckets.open })?.error?.code).toBe('NoSuchPublicAccessBlockConfiguration');
    expect(find('organizations', 'DescribeOrganization', HOME)?.error?.code).toBe('AWSOrganizationsNotInUseException');
    expect(find('securityhub', 'DescribeHub', OTHER)?.error?.code).toBe('InvalidAccessException');
  });

  it('reaches S3 Control without the account id in the host name, and each bucket by path in its own region', () => {
    expect(find('s3control', 'GetPublicAccessBlock', HOME, { AccountId: MOTO_ACCOUNT })?.output).toEqual({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    });
    expect(find('s3api', 'GetBucketLocation', HOME, { Bucket: built.buckets.open })?.output).toEqual({ LocationConstraint: OTHER });
    const policy = find('s3api', 'GetBucketPolicy', HOME, { Bucket: built.buckets.trail })?.output as { Policy?: string } | undefined;
    expect(JSON.parse(policy?.Policy ?? '{}')).toMatchObject({ Statement: [{ Sid: 'DenyPlainHttp', Effect: 'Deny' }] });
  });

  it('follows a listing across pages to its end', () => {
    const subscriptions = find('sns', 'ListSubscriptionsByTopic', HOME, { TopicArn: built.trail.topicArn })?.output as { Subscriptions?: unknown[] } | undefined;
    expect(subscriptions?.Subscriptions).toHaveLength(ON_CALL_SUBSCRIBERS);
    expect(subscriptions).not.toHaveProperty('NextToken');
  });

  it('records every call with the service, operation and member names of AWS’s own models', () => {
    expect(snapshot.calls.flatMap((call) => checkRecordedCall(call))).toEqual([]);
  });
});

/**
 * What the benchmark gives for the account test/peers/account.ts builds, reasoned from what was
 * built and the benchmark's audit steps — not taken from Assay's output.
 *
 * Left out where moto departs from AWS, so no verdict of Assay's can be judged by it:
 * - 2.1: moto has no account GetContactInformation (it answers with an HTML page).
 * - 2.4, 2.5, 2.6: moto's credential report has no <root_account> row, and its GetAccountSummary
 *   lacks AccountPasswordPresent, which AWS returns; what root can do is not in moto's answers.
 * - 2.19: moto has no IAM Access Analyzer.
 * - 3.1.3: moto's GetMacieSession reports Macie enabled in an account that never enabled it, with
 *   timestamps without a time zone, which the SDK rightly refuses.
 */
const EXPECTED: Record<string, CheckStatus> = {
  '2.2': 'fail', // no security alternate contact was registered
  '2.3': 'pass', // root has no access keys (AccountAccessKeysPresent 0)
  '2.7': 'fail', // minimum password length 8
  '2.8': 'pass', // the last 24 passwords cannot be reused
  '2.9': 'fail', // bob signs in with a password and has no MFA device
  '2.10': 'fail', // bob's key was made with the user and never used
  '2.11': 'pass', // every credential is days old
  '2.12': 'fail', // carol has two active keys
  '2.13': 'pass', // every key is younger than 90 days
  '2.14': 'fail', // deploy has a policy attached, dave an inline one
  '2.15': 'fail', // full-admin allows * on * and is attached
  '2.16': 'pass', // incident-support holds AWSSupportAccess
  '2.17': 'fail', // one instance runs without an instance profile
  '2.18': 'pass', // no server certificates at all
  '2.20': 'manual',
  '2.21': 'manual', // AWSCloudShellFullAccess is attached to nobody; full-admin grants CloudShell too, for the assessor to weigh
  '3.1.1': 'fail', // the open bucket has no policy; the narrow-deny bucket's Deny also needs a TLS-version condition
  '3.1.2': 'manual', // MFA Delete is for buckets the assessor finds sensitive
  '3.1.4': 'fail', // the account blocks ACLs only, and the open bucket has no block of its own
  '3.2.1': 'fail', // reports-db is not encrypted
  '3.2.2': 'fail', // reports-db has minor version upgrades off
  '3.2.3': 'fail', // reports-db is publicly accessible
  '3.2.4': 'manual', // Multi-AZ is for databases the assessor finds production
  '3.3.1': 'fail', // the eu-west-1 file system is not encrypted
  '4.1': 'manual', // a multi-region trail logs all management events; the assessor confirms
  '4.2': 'fail', // assay-eu-only has no log file validation
  '4.3': 'fail', // eu-west-1 has no Config recorder (moto also never takes us-east-1's recorder past lastStatus PENDING, which fails too)
  '4.4': 'manual', // the trail bucket logs access; whether its target is restricted is the assessor's to see
  '4.5': 'fail', // assay-eu-only has no KMS key
  '4.6': 'fail', // a customer key in each region does not rotate
  '4.7': 'fail', // the custom VPCs have no flow log
  '4.8': 'pass', // assay-main records S3 object writes in every bucket
  '4.9': 'fail', // …but not reads
  '5.1': 'manual', // filter, alarm, topic with subscribers: complete
  '5.2': 'manual',
  '5.3': 'manual',
  '5.4': 'fail', // the alarm's topic has no subscriber
  '5.5': 'fail', // a filter and no alarm
  '5.6': 'fail', // the alarm watches the metric with a dimension the filter does not publish
  '5.7': 'fail', // the only KMS filter is on another log group than the trail's
  '5.8': 'fail',
  '5.9': 'fail',
  '5.10': 'fail',
  '5.11': 'fail',
  '5.12': 'fail',
  '5.13': 'fail',
  '5.14': 'fail',
  '5.15': 'fail',
  '5.16': 'fail', // Security Hub is enabled in us-east-1 only
  '6.1.1': 'fail', // EBS encryption by default is off in eu-west-1 (moto lacks GetEbsDefaultKmsKeyId, which cannot change that)
  '6.1.2': 'pass', // CIFS is open to 10.0.0.0/8 only
  '6.2': 'fail', // every default NACL allows all traffic from 0.0.0.0/0, as AWS makes them
  '6.3': 'fail', // SSH open in us-east-1, RDP in eu-west-1
  '6.4': 'pass', // nothing is open to ::/0
  '6.5': 'fail', // the default security groups keep their rules
  '6.6': 'manual', // no peering: nothing for the assessor to weigh but the statement
  '6.7': 'fail', // one instance answers IMDSv1
};
const LEFT_OUT = ['2.1', '2.4', '2.5', '2.6', '2.19', '3.1.3'];

describe('verdicts on the snapshot collected from moto', () => {
  const results = () => new Map(evaluateSnapshot(snapshot).map((r) => [r.id, r]));
  const failing = (id: string) =>
    results()
      .get(id)!
      .findings.filter((f) => f.status === 'fail')
      .map((f) => f.resource)
      .sort();
  const arn = (service: string, region: string, resource: string) => `arn:aws:${service}:${region}:${MOTO_ACCOUNT}:${resource}`;

  it('covers every recommendation but the ones moto cannot answer', () => {
    expect([...results().keys()].filter((id) => !(id in EXPECTED)).sort()).toEqual([...LEFT_OUT].sort());
  });

  it('are the verdicts the benchmark gives for what was built', () => {
    const actual = Object.fromEntries([...results()].filter(([id]) => id in EXPECTED).map(([id, r]) => [id, r.status]));
    expect(actual).toEqual(EXPECTED);
  });

  it('fail exactly the resources built to fail', () => {
    const user = (name: string) => `arn:aws:iam::${MOTO_ACCOUNT}:user/${name}`;
    const bucket = (name: string) => `arn:aws:s3:::${name}`;
    expect(failing('2.9')).toEqual([user(built.users.consoleNoMfa)]);
    expect(failing('2.12')).toEqual([user(built.users.twoKeys)]);
    expect(failing('2.14')).toEqual([user(built.users.admin), user(built.users.inline)].sort());
    expect(failing('3.1.1')).toEqual([bucket(built.buckets.narrowDeny), bucket(built.buckets.open)].sort());
    expect(failing('3.1.4')).toContain(bucket(built.buckets.open));
    expect(failing('3.1.4')).not.toContain(bucket(built.buckets.trail));
    expect(failing('3.3.1')).toEqual([arn('elasticfilesystem', OTHER, `file-system/${built.fileSystems[OTHER]}`)]);
    expect(failing('4.6')).toEqual([built.keys[HOME].notRotated, built.keys[OTHER].notRotated].sort());
    expect(failing('4.7')).toEqual([arn('ec2', HOME, `vpc/${built.vpcs[HOME].custom}`), arn('ec2', OTHER, `vpc/${built.vpcs[OTHER].custom}`)].sort());
    expect(failing('6.3')).toEqual([arn('ec2', HOME, `security-group/${built.securityGroups[HOME].ssh}`), arn('ec2', OTHER, `security-group/${built.securityGroups[OTHER].rdp}`)].sort());
    const imdsv1 = arn('ec2', HOME, `instance/${built.instances[HOME]!.noProfileImdsv1}`);
    expect(failing('6.7')).toEqual([imdsv1]);
    expect(failing('2.17')).toEqual([imdsv1]);
  });
});
