/**
 * Holds every call Assay can make or read against AWS's own service models (botocore): the plan, the
 * catalogue's reads, the demo account and the test fixtures name real services and operations, spell
 * request members exactly as the model does, and record only output members the model has, with the
 * JSON kind the AWS CLI prints. Each problem names the call and the member path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { advancedSelectorsCall, classicSelectorsCall, DEFAULT_CLASSIC, describeTrails, healthyTrailCalls, MANAGEMENT_ADVANCED, s3DataAdvanced, trail, trailStatusCall } from '../../checks/logging/trails.fixtures.js';
import { dbInstance, describeDbInstances } from '../../checks/storage/rds.fixtures.js';
import { toCliJson } from '../../src/collect/cli-json.js';
import { fillParams, PLAN, type DerivedStep, type Pick, type PlanStep, type RootStep } from '../../src/collect/plan.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import type { SnapshotCall } from '../../src/snapshot.js';
import { cliToSdk } from '../collect/mock-aws.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../helpers/credential-report.js';
import { ALLOW_ALL_OUT, describeSecurityGroups, securityGroup, sgRule } from '../helpers/ec2-fixtures.js';
import { chainSnapshot, confirmedSubscription, LOG_GROUP_ARN, metricAlarm, metricFilter, pendingSubscription, TOPIC_ARN } from '../helpers/monitoring-chain.js';
import { TEST_ACCOUNT } from '../helpers/snapshot.js';
import { checkRecordedCall, findOperation, inputMembers, loadModel, resolveShapePath, walkShape, type RecordedCall, type ServiceModel } from './botocore.js';

const ROOT = packagePath();

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(path, keep);
      return entry.isFile() && keep(entry.name) ? [path] : [];
    })
    .sort();
}

const callProblems = (calls: readonly RecordedCall[], source: string): string[] => calls.flatMap((call) => checkRecordedCall(call).map((p) => `${source}: ${p}`));

describe('botocore models', () => {
  it('are found for every AWS CLI service name Assay uses, under the name botocore gives them', () => {
    for (const service of ['s3api', 'configservice', 'account', 'macie2', 'logs', 's3control']) expect(loadModel(service), service).toBeDefined();
    expect(loadModel('nosuchservice')).toBeUndefined();
  });

  it('tell a member spelled with other casing from the real one', () => {
    const logs = loadModel('logs') as ServiceModel;
    expect(checkRecordedCall({ service: 'logs', operation: 'DescribeMetricFilters', params: { LogGroupName: 'g' } })).toEqual([
      'logs DescribeMetricFilters {"LogGroupName":"g"}: params.LogGroupName: no such member of DescribeMetricFiltersRequest (the model spells it logGroupName)',
    ]);
    expect(walkShape(logs, 'DescribeMetricFiltersResponse', { metricFilters: [{ filterName: 1, creationTime: 1.5 }] }, 'output')).toEqual([
      'output.metricFilters[0].filterName: integer where the model has string (FilterName)',
      'output.metricFilters[0].creationTime: number where the model has long (Timestamp)',
    ]);
  });

  it('hold request values to the model’s enums, and accept decoded policy documents only where IAM has them', () => {
    expect(checkRecordedCall({ service: 'account', operation: 'GetAlternateContact', params: { AlternateContactType: 'SECURTY' } })).toEqual([
      'account GetAlternateContact {"AlternateContactType":"SECURTY"}: params.AlternateContactType: "SECURTY" is none of AlternateContactType\'s values (BILLING, OPERATIONS, SECURITY)',
    ]);
    const document = { Version: '2012-10-17', Statement: [] };
    expect(checkRecordedCall({ service: 'iam', operation: 'GetPolicyVersion', output: { PolicyVersion: { Document: document, VersionId: 'v1' } } })).toEqual([]);
    expect(checkRecordedCall({ service: 's3api', operation: 'GetBucketPolicy', params: { Bucket: 'b' }, output: { Policy: document } })).toEqual([
      's3api GetBucketPolicy {"Bucket":"b"}: output.Policy: object where the model has string (Policy)',
    ]);
    expect(checkRecordedCall({ service: 'iam', operation: 'GetAccountSummary', output: { SummaryMap: { Users: 3, AccountMFAEnabled: '1' } } })).toEqual([
      'iam GetAccountSummary {}: output.SummaryMap{AccountMFAEnabled}: string where the model has integer (summaryValueType)',
    ]);
    expect(checkRecordedCall({ service: 'iam', operation: 'GetCredentialReport', output: { Content: 'user,arn\n', GeneratedTime: 'yesterday' } })).toEqual([
      'iam GetCredentialReport {}: output.Content: a blob must be recorded as base64 (ReportContentType)',
      'iam GetCredentialReport {}: output.GeneratedTime: "yesterday" is not an ISO-8601 timestamp (dateType)',
    ]);
  });
});

/** Every request member a plan step sends, with the shape of the value it sends. */
function planStepProblems(step: PlanStep, plan: readonly PlanStep[]): string[] {
  const tag = `plan step ${step.id}`;
  const found = findOperation(step.service, step.operation);
  if (typeof found === 'string') return [`${tag}: ${found}`];
  const { model, op } = found;
  const problems: string[] = [];
  const members = inputMembers(model, op);
  const required = (op.input && model.shapes[op.input.shape]?.required) ?? [];
  const sent = Object.keys(step.params ?? {});
  for (const member of required) if (!sent.includes(member)) problems.push(`${tag}: does not send ${member}, which ${step.operation} requires`);
  if (step.poll?.until) {
    const until = op.output ? resolveShapePath(model, op.output.shape, step.poll.until.path) : { problem: 'the operation has no output' };
    if ('problem' in until) problems.push(`${tag}: poll.until.path ${step.poll.until.path}: ${until.problem}`);
  }
  if (step.scope !== 'derived') {
    const root = step as RootStep;
    const filled = fillParams(root.params, { account: TEST_ACCOUNT, partition: 'aws' });
    if (sent.length > 0 && op.input) problems.push(...walkShape(model, op.input.shape, filled, `${tag}: params`, { enums: true }));
    else if (sent.length > 0) problems.push(`${tag}: ${step.operation} takes no request members`);
    return problems;
  }

  const derived = step as DerivedStep;
  const source = plan.find((s) => s.id === derived.from);
  if (!source) return [...problems, `${tag}: derives from unknown step ${derived.from}`];
  const sourceFound = findOperation(source.service, source.operation);
  if (typeof sourceFound === 'string' || !sourceFound.op.output) return [...problems, `${tag}: its source ${source.id} has no output to pick from`];
  const sourceModel = sourceFound.model;
  const item = resolveShapePath(sourceModel, sourceFound.op.output.shape, derived.each ?? '', true);
  if ('problem' in item) return [...problems, `${tag}: each ${derived.each}: ${item.problem}`];
  const itemShape = item.shape;
  /** The model type of what a pick yields: a reshape always yields a string. */
  const pickedType = (pick: Pick, what: string): string | undefined => {
    let shape: string;
    if ('item' in pick) {
      const resolved = resolveShapePath(sourceModel, itemShape, pick.item);
      if ('problem' in resolved) {
        problems.push(`${tag}: ${what} picks item.${pick.item}: ${resolved.problem}`);
        return undefined;
      }
      shape = resolved.shape;
    } else {
      const ref = inputMembers(sourceModel, sourceFound.op)[pick.param];
      if (!ref) {
        problems.push(`${tag}: ${what} picks request member ${pick.param}, which ${source.operation} does not have`);
        return undefined;
      }
      shape = ref.shape;
    }
    return pick.as ? 'string' : sourceModel.shapes[shape]?.type;
  };
  for (const [name, pick] of Object.entries(derived.params)) {
    const ref = members[name];
    const near = Object.keys(members).find((m) => m.toLowerCase() === name.toLowerCase());
    if (!ref) {
      problems.push(`${tag}: params.${name}: no such member of ${op.input?.shape ?? `${step.operation} (it takes no input)`}${near ? ` (the model spells it ${near})` : ''}`);
      continue;
    }
    const want = model.shapes[ref.shape]?.type;
    const got = pickedType(pick, `params.${name}`);
    if (got && got !== want) problems.push(`${tag}: params.${name} is ${want} in the model, but the pick yields ${got}`);
  }
  for (const path of Object.keys(derived.where ?? {})) {
    const resolved = resolveShapePath(sourceModel, itemShape, path);
    if ('problem' in resolved) problems.push(`${tag}: where ${path}: ${resolved.problem}`);
  }
  if (typeof derived.region === 'object') {
    const got = pickedType(derived.region, 'region');
    if (got && got !== 'string') problems.push(`${tag}: region picks a ${got}, not a string`);
  }
  return problems;
}

describe('principle: every call Assay makes is spelled as AWS’s models spell it', () => {
  it('find a plan step’s misspelt, missing and mistyped request members', () => {
    const listKeys = PLAN.find((s) => s.id === 'kms.ListKeys') as PlanStep;
    const misspelt: DerivedStep = { id: 'kms.GetKeyRotationStatus', service: 'kms', operation: 'GetKeyRotationStatus', scope: 'derived', from: 'kms.ListKeys', each: 'Keys', params: { KeyID: { item: 'KeyId' } }, region: 'source' };
    expect(planStepProblems(misspelt, [listKeys, misspelt])).toEqual([
      'plan step kms.GetKeyRotationStatus: does not send KeyId, which GetKeyRotationStatus requires',
      'plan step kms.GetKeyRotationStatus: params.KeyID: no such member of GetKeyRotationStatusRequest (the model spells it KeyId)',
    ]);
    const alarms = PLAN.find((s) => s.id === 'cloudwatch.DescribeAlarms') as PlanStep;
    const mistyped: DerivedStep = { id: 'sns.ListSubscriptionsByTopic', service: 'sns', operation: 'ListSubscriptionsByTopic', scope: 'derived', from: alarms.id, each: 'MetricAlarms', params: { TopicArn: { item: 'Period' } }, region: { item: 'AlarmRegion' } };
    expect(planStepProblems(mistyped, [alarms, mistyped])).toEqual([
      'plan step sns.ListSubscriptionsByTopic: params.TopicArn is string in the model, but the pick yields integer',
      'plan step sns.ListSubscriptionsByTopic: region picks item.AlarmRegion: MetricAlarm has no member AlarmRegion',
    ]);
  });
  it('the collection plan names real services, operations and request members, with values of the right kind', () => {
    expect(PLAN.flatMap((step) => planStepProblems(step, PLAN))).toEqual([]);
  });

  it('every read of every recommendation names a real operation, and its identifying and fixed members', () => {
    const problems = CATALOG.flatMap((rec) =>
      rec.reads.flatMap((read) => {
        const tag = `${rec.id} reads ${read.service} ${read.operation}`;
        const found = findOperation(read.service, read.operation);
        if (typeof found === 'string') return [`${tag}: ${found}`];
        const { model, op } = found;
        const members = inputMembers(model, op);
        const named = (read.per ?? '').split(',').map((m) => m.trim()).filter(Boolean);
        const perProblems = named
          .filter((m) => !members[m])
          .map((m) => {
            const near = Object.keys(members).find((n) => n.toLowerCase() === m.toLowerCase());
            return `${tag}: per ${m}: no such member of ${op.input?.shape ?? 'its (absent) input'}${near ? ` (the model spells it ${near})` : ''}`;
          });
        const fixed = read.params && op.input ? walkShape(model, op.input.shape, read.params, `${tag}: params`, { enums: true }) : [];
        return [...perProblems, ...fixed];
      }),
    );
    expect(problems).toEqual([]);
  });
});

/** Representative calls of every fixture module, built the way the check tests build them. */
const FIXTURE_MODULES: Record<string, () => readonly Partial<SnapshotCall>[]> = {
  'checks/logging/trails.fixtures.ts': () => {
    const withLogs = trail('audit', 'eu-west-1', { IsMultiRegionTrail: false, CloudWatchLogsLogGroupArn: LOG_GROUP_ARN, S3KeyPrefix: 'p' });
    return [
      ...healthyTrailCalls(),
      describeTrails('eu-west-1', [withLogs]),
      trailStatusCall(withLogs, false),
      classicSelectorsCall(withLogs, [DEFAULT_CLASSIC, { ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }]),
      advancedSelectorsCall(withLogs, [MANAGEMENT_ADVANCED, s3DataAdvanced('writes', 'false'), s3DataAdvanced('all')]),
    ];
  },
  'checks/storage/rds.fixtures.ts': () => [describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1'), dbInstance('legacy', 'us-east-1', { MultiAZ: false, StorageEncrypted: false })])],
  'test/fixtures/assessments.ts': () => passwordPolicySnapshot(8).calls,
  'test/helpers/credential-report.ts': () => [
    credentialReportCall([
      rootRow({ mfa: true, key1: { active: true, rotated: daysAgo(10), lastUsed: daysAgo(1) } }),
      userRow({ name: 'ann', password: { changed: daysAgo(30), lastUsed: daysAgo(2) }, mfa: true, key1: { active: true, rotated: daysAgo(100) } }),
    ]),
  ],
  'test/helpers/ec2-fixtures.ts': () => [
    describeSecurityGroups(
      'eu-west-1',
      securityGroup('sg-0a1', 'default', [], { outbound: [ALLOW_ALL_OUT], region: 'eu-west-1' }),
      securityGroup('sg-0a2', 'ssh', [sgRule('tcp', 22, 22, ['0.0.0.0/0'], ['::/0'], ['sg-0a1'])]),
    ),
  ],
  'test/helpers/monitoring-chain.ts': () =>
    chainSnapshot('{ $.eventName = ConsoleLogin }', {
      filters: [metricFilter('{ $.eventName = ConsoleLogin }'), metricFilter('{ $.errorCode = "AccessDenied*" }', 'second', 'Second')],
      alarms: [metricAlarm(), metricAlarm({ AlarmName: 'dims', Dimensions: [{ Name: 'Bucket', Value: 'b' }] })],
      subscriptions: [confirmedSubscription(), pendingSubscription(TOPIC_ARN)],
    }).calls,
};

/** Helper modules that hold no AWS data of their own: they only wrap what their callers give them. */
const NO_AWS_DATA = new Set(['test/helpers/snapshot.ts', 'test/helpers/bundle.ts', 'test/helpers/terminal.ts']);

describe('principle: every call in the demo account and the test fixtures holds against AWS’s models', () => {
  it('the demo account', () => {
    expect(callProblems(loadDemoSnapshot().calls, 'demo')).toEqual([]);
  });

  it('every JSON snapshot under test/fixtures', () => {
    const problems = filesUnder(join(ROOT, 'test', 'fixtures'), (name) => name.endsWith('.json')).flatMap((file) => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { calls?: unknown };
      return Array.isArray(data.calls) ? callProblems(data.calls as RecordedCall[], relative(ROOT, file)) : [];
    });
    expect(problems).toEqual([]);
  });

  it('the calls every fixture module builds', () => {
    expect(Object.entries(FIXTURE_MODULES).flatMap(([module, build]) => callProblems(build() as RecordedCall[], module))).toEqual([]);
  });

  it('leaves out no fixture module', () => {
    const modules = [
      ...filesUnder(join(ROOT, 'checks'), (name) => name.endsWith('.fixtures.ts')),
      ...filesUnder(join(ROOT, 'test', 'helpers'), (name) => name.endsWith('.ts')),
      ...filesUnder(join(ROOT, 'test', 'fixtures'), (name) => name.endsWith('.ts')),
    ].map((file) => relative(ROOT, file));
    expect(modules.filter((m) => !(m in FIXTURE_MODULES) && !NO_AWS_DATA.has(m))).toEqual([]);
  });
});

describe('principle: the collector records SDK answers in the form the models give the CLI', () => {
  it('converted SDK outputs (dates, blobs, URL-encoded policy documents) hold against the models', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const sdkAnswers: { call: RecordedCall; sdk: unknown }[] = [
      {
        call: { service: 'iam', operation: 'GetCredentialReport' },
        sdk: { $metadata: { httpStatusCode: 200 }, Content: new Uint8Array(Buffer.from('user,arn\n')), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-20T09:29:00Z') },
      },
      {
        call: { service: 'iam', operation: 'GetPolicyVersion', params: { PolicyArn: 'arn:aws:iam::111122223333:policy/admin', VersionId: 'v1' } },
        sdk: { PolicyVersion: { Document: encodeURIComponent(JSON.stringify(policy)), VersionId: 'v1', IsDefaultVersion: true, CreateDate: new Date('2020-01-01T00:00:00.5Z') } },
      },
      {
        call: { service: 'cloudtrail', operation: 'GetTrailStatus', params: { Name: 'main' } },
        sdk: { IsLogging: true, LatestDeliveryTime: new Date('2026-11-20T09:00:00Z'), StartLoggingTime: new Date('2025-01-01T00:00:00Z'), TimeLoggingStarted: '2025-01-01T00:00:00Z' },
      },
    ];
    // The mocks hand the collector what the SDK would give for the recorded demo account.
    const demo = loadDemoSnapshot().calls.filter((c) => c.output !== undefined);
    const converted = [
      ...sdkAnswers.map(({ call, sdk }) => ({ ...call, output: toCliJson(call.service, sdk) })),
      ...demo.map((c) => ({ ...c, output: toCliJson(c.service, cliToSdk(c.service, c.operation, c.output)) })),
    ];
    expect(callProblems(converted, 'converted')).toEqual([]);
  });
});
