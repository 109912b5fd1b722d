import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import { collectSnapshot } from '../../src/collect/collector.js';
import { deriveCalls } from '../../src/collect/derive.js';
import { PLAN, cliCommandName, type DerivedStep } from '../../src/collect/plan.js';
import { isReadOnlyOperation } from '../../src/collect/readonly.js';
import { collectScript, deriveFilter } from '../../src/collect/script.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import { paramsKey, readSnapshotFile, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { answerFrom, mockAws } from './mock-aws.js';
import { answerKey, fakeAwsAnswers, runCollectScript, type ScriptRun } from './run-script.js';

// Script runs start a shell, jq and the fake `aws` for every call: give them time on a busy machine.
const SLOW = 180_000;

const MINI = readSnapshotFile(packagePath('test', 'fixtures', 'collect', 'mini-account.json'));
const keyOf = (c: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>) => `${c.service} ${c.operation} ${c.region} ${paramsKey(c.params)}`;

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The collector's snapshot of the same recorded account, through aws-sdk-client-mock. */
async function collectorSnapshot(recorded: Snapshot): Promise<Snapshot> {
  const mocked = mockAws(answerFrom(recorded));
  restore = mocked.restore;
  try {
    return await collectSnapshot({ pollIntervalMs: 0 });
  } finally {
    mocked.restore();
    restore = undefined;
  }
}

// The CLI prints 2023-01-01T00:00:00+00:00 where a hand-written fixture may say 2023-01-01T00:00:00Z;
// a finding that quotes a timestamp is compared by the instant it names.
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;

/** Verdicts at one moment (each run stamps its own collectedAt; the data is what must agree). */
const verdicts = (snapshot: Snapshot, at: string) =>
  evaluateSnapshot({ ...snapshot, collectedAt: at }).map((r) => ({
    ...r,
    findings: r.findings.map((f) => ({ ...f, detail: f.detail.replace(TIMESTAMP, (t) => new Date(t).toISOString()) })),
  }));

describe('the jq filters of the script', () => {
  // Cases the fixtures may not hold: odd bucket locations, trails without log groups, failed sources.
  const edgeCases: SnapshotCall[] = [
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'a' }, output: { LocationConstraint: null } },
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'b' }, output: { LocationConstraint: '' } },
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'c' }, output: { LocationConstraint: 'EU' } },
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'd' }, output: { LocationConstraint: 'ap-south-2' } },
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'e' }, output: {} },
    { service: 's3api', operation: 'GetBucketLocation', region: 'us-east-1', params: { Bucket: 'f' }, error: { code: 'AccessDenied' } },
    {
      service: 'cloudtrail',
      operation: 'DescribeTrails',
      region: 'eu-west-1',
      params: {},
      output: {
        trailList: [
          { Name: 't1', TrailARN: 'arn:aws:cloudtrail:eu-west-1:1:trail/t1', HomeRegion: 'eu-west-1', CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/ct/t1:*' },
          { Name: 't2', TrailARN: 'arn:aws:cloudtrail:us-east-1:1:trail/t2', HomeRegion: 'us-east-1', CloudWatchLogsLogGroupArn: '' },
          { Name: 't3', TrailARN: 'arn:aws:cloudtrail:us-east-1:1:trail/t3' },
          { Name: 't4', HomeRegion: 'us-east-1', CloudWatchLogsLogGroupArn: 'arn:aws-cn:logs:cn-north-1:111122223333:log-group:g#1.x' },
        ],
      },
    },
    { service: 'cloudtrail', operation: 'DescribeTrails', region: 'us-west-2', params: {}, output: { trailList: 'not a list' } },
    { service: 'kms', operation: 'DescribeKey', region: 'eu-west-1', params: { KeyId: 'k1' }, output: { KeyMetadata: { KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT' } } },
    { service: 'kms', operation: 'DescribeKey', region: 'eu-west-1', params: { KeyId: 'k2' }, output: { KeyMetadata: { KeyManager: 'CUSTOMER', KeySpec: 'RSA_2048' } } },
    { service: 'kms', operation: 'DescribeKey', region: 'eu-west-1', params: { KeyId: 'k3' }, output: { KeyMetadata: { KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT' } } },
    { service: 'iam', operation: 'ListPolicies', region: 'us-east-1', params: { OnlyAttached: true }, output: { Policies: [{ Arn: 'arn:aws:iam::1:policy/p', DefaultVersionId: 'v1' }, { Arn: 'arn:aws:iam::1:policy/q' }] } },
    {
      service: 'cloudwatch',
      operation: 'DescribeAlarms',
      region: 'eu-west-1',
      params: {},
      output: {
        MetricAlarms: [
          { AlarmName: 'a', AlarmActions: ['arn:aws:sns:eu-central-1:1:ops', 'arn:aws:autoscaling:eu-west-1:1:scalingPolicy:x', 'arn:aws:sns:eu-west-1:1:sec'] },
          { AlarmName: 'b' },
          { AlarmName: 'c', AlarmActions: 'arn:aws:sns:eu-west-1:1:not-a-list' },
          'not an alarm',
        ],
      },
    },
  ];

  it.each(PLAN.filter((s): s is DerivedStep => s.scope === 'derived').map((s) => [s.id, s] as const))('%s: the same calls as the collector', (_id, step) => {
    const source = PLAN.find((s) => s.id === step.from)!;
    const sources = [...MINI.calls, ...loadDemoSnapshot().calls, ...edgeCases].filter((c) => c.service === source.service && c.operation === source.operation);
    const expected = sources.flatMap((c) => deriveCalls(step, c).map((p) => `${p.region}\t${paramsKey(p.params)}`));
    const lines = execFileSync('jq', ['-r', deriveFilter(step)], { input: sources.map((c) => JSON.stringify(c)).join('\n'), encoding: 'utf8' });
    expect(lines.split('\n').filter(Boolean).sort()).toEqual(expected.sort());
  });
});

describe('assay collect-script', () => {
  it('is a POSIX sh script', () => {
    const script = collectScript();
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
    if (spawnSync('bash', ['--version']).status === 0) expect(spawnSync('bash', ['--posix', '-n'], { input: script, encoding: 'utf8' }).stderr).toBe('');
  });

  it('names every call of the plan, with its CLI subcommand', () => {
    const lines = collectScript().split('\n');
    for (const step of PLAN) {
      expect(lines.some((line) => line.includes(` ${step.id} `) && line.includes(` ${cliCommandName(step.operation)} `)), step.id).toBe(true);
    }
  });

  describe('run against a recorded account (the mini fixture)', () => {
    let run: ScriptRun;
    beforeAll(() => {
      run = runCollectScript(fakeAwsAnswers(MINI));
    }, SLOW);

    it('writes a snapshot with every call of the collector, and the same verdicts', async () => {
      expect(run.status, run.stderr).toBe(0);
      const script = run.snapshot!;
      const collector = await collectorSnapshot(MINI);
      expect(script).toMatchObject({ account: MINI.account, partition: 'aws', regions: MINI.regions });
      expect(new Set(script.calls.map(keyOf))).toEqual(new Set(collector.calls.map(keyOf)));
      expect(script.calls).toHaveLength(collector.calls.length);
      expect(verdicts(script, MINI.collectedAt)).toEqual(verdicts(collector, MINI.collectedAt));
      expect(verdicts(script, MINI.collectedAt)).toEqual(verdicts(MINI, MINI.collectedAt));
    });

    it('records denied calls as error entries with the AWS error code', () => {
      const failed = run.snapshot!.calls.filter((c) => c.error);
      expect(failed.map((c) => `${c.service} ${c.operation} ${c.region} ${c.error!.code}`).sort()).toEqual(
        MINI.calls.filter((c) => c.error).map((c) => `${c.service} ${c.operation} ${c.region} ${c.error!.code}`).sort(),
      );
      const macie = failed.find((c) => c.operation === 'GetMacieSession');
      expect(macie?.error).toEqual({ code: 'AccessDeniedException', message: 'User is not authorized to perform: macie2:GetMacieSession' });
    });

    it('only runs read-only commands of the plan, each in a region in scope', () => {
      const planned = new Map(PLAN.map((s) => [`${s.service} ${cliCommandName(s.operation)}`, s]));
      for (const [service, command, region] of run.invocations) {
        const step = planned.get(`${service} ${command}`);
        expect(step, `${service} ${command}`).toBeDefined();
        expect(isReadOnlyOperation(step!.service, step!.operation)).toBe(true);
        expect(MINI.regions).toContain(region);
      }
      expect(run.invocations).toHaveLength(MINI.calls.length);
    });

    it('reports what it skipped and what it wrote on stderr', () => {
      expect(run.stderr).toContain('assay-collect: not opted in, so not collected: me-south-1');
      expect(run.stderr).toMatch(/assay-collect: 85 calls in 2 regions written to .*snapshot\.json; failed: .*AccessDeniedException \(1\)/);
    });
  });

  it(
    'gives the collector’s verdicts on the demo account',
    async () => {
      const demo = loadDemoSnapshot();
      const run = runCollectScript(fakeAwsAnswers(demo));
      expect(run.status, run.stderr).toBe(0);
      const collector = await collectorSnapshot(demo);
      expect(new Set(run.snapshot!.calls.map(keyOf))).toEqual(new Set(collector.calls.map(keyOf)));
      expect(verdicts(run.snapshot!, demo.collectedAt)).toEqual(verdicts(collector, demo.collectedAt));
      // Collecting the demo account gives its own verdicts: the plan makes every call its checks read.
      expect(verdicts(run.snapshot!, demo.collectedAt)).toEqual(verdicts(demo, demo.collectedAt));
    },
    SLOW,
  );

  it(
    'polls the credential report until it is complete, in the regions asked for',
    () => {
      const report = MINI.calls.find((c) => c.operation === 'GetCredentialReport')!;
      const generate = MINI.calls.find((c) => c.operation === 'GenerateCredentialReport')!;
      const run = runCollectScript(
        fakeAwsAnswers(MINI, {
          [answerKey(generate)]: [{ output: { State: 'STARTED' } }, { output: { State: 'INPROGRESS' } }, { output: { State: 'COMPLETE' } }],
          [answerKey(report)]: [{ error: { code: 'ReportInProgress', message: 'Report generation in progress' } }, { output: report.output }],
        }),
        { ASSAY_REGIONS: 'eu-west-1 me-south-1' },
      );
      expect(run.status, run.stderr).toBe(0);
      const asked = run.invocations.map(([service, command]) => `${service} ${command}`);
      expect(asked.filter((c) => c === 'iam generate-credential-report')).toHaveLength(3);
      expect(asked.filter((c) => c === 'iam get-credential-report')).toHaveLength(2);
      expect(asked.indexOf('iam get-credential-report')).toBeGreaterThan(asked.lastIndexOf('iam generate-credential-report'));
      const calls = run.snapshot!.calls;
      expect(calls.find((c) => c.operation === 'GenerateCredentialReport')?.output).toEqual({ State: 'COMPLETE' });
      expect(calls.find((c) => c.operation === 'GetCredentialReport')?.output).toEqual(report.output);
      expect(run.snapshot!.regions).toEqual(['eu-west-1']);
      expect(run.stderr).toContain('not opted in for this account, so not collected: me-south-1');
      expect(new Set(run.invocations.map(([, , region]) => region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    },
    SLOW,
  );

  describe('principle: an answer that cannot be read is recorded as such, the way the collector records it', () => {
    // What the real AWS CLI v1 and v2 print (seen against moto) when the answer is not what the API
    // sends: an HTML page instead of XML, an HTML error page with only its HTTP status, and an AWS
    // error after the CLI ran out of retries.
    const call = (service: string, operation: string, region = 'us-east-1') => MINI.calls.find((c) => c.service === service && c.operation === operation && c.region === region)!;
    const answers = {
      [answerKey(call('ec2', 'GetEbsDefaultKmsKeyId'))]: [
        {
          stderr:
            "\nUnable to parse response (syntax error: line 1, column 0), invalid XML received. Further retries may succeed:\nb'<!doctype html>\\n<html lang=en>\\n<title>500 Internal Server Error</title>'\n",
          status: 255,
        },
      ],
      [answerKey(call('account', 'GetContactInformation'))]: [
        { stderr: '\nAn error occurred (404) when calling the GetContactInformation operation: <!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n', status: 254 },
      ],
      [answerKey(call('accessanalyzer', 'ListAnalyzers', 'eu-west-1'))]: [
        { stderr: '\nAn error occurred (500) when calling the ListAnalyzers operation (reached max retries: 4): <!doctype html>\n<html lang=en>\n', status: 255 },
      ],
      [answerKey(call('cloudtrail', 'DescribeTrails', 'eu-west-1'))]: [
        { stderr: '\nAn error occurred (ThrottlingException) when calling the DescribeTrails operation (reached max retries: 2): Rate exceeded\n', status: 254 },
      ],
      [answerKey(call('efs', 'DescribeFileSystems'))]: [{ stdout: '<html><body>Service Unavailable</body></html>' }],
    };
    let run: ScriptRun;
    beforeAll(() => {
      run = runCollectScript(fakeAwsAnswers(MINI, answers));
    }, SLOW);
    const errorOf = (service: string, operation: string, region = 'us-east-1') =>
      run.snapshot?.calls.find((c) => c.service === service && c.operation === operation && c.region === region)?.error;

    it('names the CLI’s own parse failure UnparseableResponse, with its message', () => {
      expect(run.status, run.stderr).toBe(0);
      expect(errorOf('ec2', 'GetEbsDefaultKmsKeyId')).toEqual({
        code: 'UnparseableResponse',
        message: 'Unable to parse response (syntax error: line 1, column 0), invalid XML received. Further retries may succeed:',
      });
    });

    it('takes an HTTP status where the AWS error code should be for an answer that is not an AWS error', () => {
      expect(errorOf('account', 'GetContactInformation')).toEqual({ code: 'UnparseableResponse', message: 'HTTP 404, and the body is not an AWS error: <!doctype html>' });
      expect(errorOf('accessanalyzer', 'ListAnalyzers', 'eu-west-1')).toEqual({ code: 'UnparseableResponse', message: 'HTTP 500, and the body is not an AWS error: <!doctype html>' });
    });

    it('keeps the AWS error code and message when the CLI gave up retrying', () => {
      expect(errorOf('cloudtrail', 'DescribeTrails', 'eu-west-1')).toEqual({ code: 'ThrottlingException', message: 'Rate exceeded' });
    });

    it('records output that is not JSON as UnparseableResponse, and keeps every other call', () => {
      expect(errorOf('efs', 'DescribeFileSystems')).toEqual({ code: 'UnparseableResponse', message: 'the AWS CLI printed something that is not one JSON document' });
      expect(run.snapshot!.calls.find((c) => c.service === 'efs' && c.region === 'eu-west-1')?.output).toEqual(call('efs', 'DescribeFileSystems', 'eu-west-1').output);
      expect(run.stderr).toMatch(/failed: .*UnparseableResponse \(4\)/);
    });
  });

  describe('principle: timestamps are ISO-8601 strings whichever AWS CLI runs the script', () => {
    // The CLI v1 prints timestamps as they came over the wire (epoch seconds from JSON APIs) unless the
    // profile in use sets cli_timestamp_format; the CLI v2 honours the same setting. Neither reads it
    // from the environment, so the script gives the CLI a copy of the user's configuration that sets it.
    const userConfig = '[default]\nregion = eu-west-1\n\n[profile audit]\nregion = us-east-1\ncli_timestamp_format = wire\nrole_arn = arn:aws:iam::111122223333:role/audit\n[sso-session corp]\nsso_region = eu-west-1\n';
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'assay-config-'));
      writeFileSync(join(dir, 'config'), userConfig);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it(
      'sets it for the profile in use and keeps everything else of the user’s configuration',
      () => {
        const run = runCollectScript(fakeAwsAnswers(MINI), { AWS_CONFIG_FILE: join(dir, 'config'), AWS_PROFILE: 'audit', ASSAY_REGIONS: 'us-east-1' });
        expect(run.status, run.stderr).toBe(0);
        expect(run.awsConfig).toBe(userConfig.replace('[profile audit]\nregion = us-east-1\ncli_timestamp_format = wire\n', '[profile audit]\ncli_timestamp_format = iso8601\nregion = us-east-1\n'));
        expect(readFileSync(join(dir, 'config'), 'utf8')).toBe(userConfig);
      },
      SLOW,
    );

    it(
      'adds the default profile when there is no configuration file',
      () => {
        const run = runCollectScript(fakeAwsAnswers(MINI), { AWS_CONFIG_FILE: join(dir, 'absent'), AWS_PROFILE: '', AWS_DEFAULT_PROFILE: '', ASSAY_REGIONS: 'us-east-1' });
        expect(run.status, run.stderr).toBe(0);
        expect(run.awsConfig).toBe('[default]\ncli_timestamp_format = iso8601\n');
      },
      SLOW,
    );
  });

  it('stops with exit 2 and writes nothing when the credentials cannot be used', () => {
    const identity = MINI.calls.find((c) => c.operation === 'GetCallerIdentity')!;
    const run = runCollectScript(fakeAwsAnswers(MINI, { [answerKey(identity)]: [{ error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' } }] }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot use the AWS credentials \(ExpiredToken: The security token included in the request is expired\).*aws sso login/);
    expect(run.snapshot).toBeUndefined();
    expect(run.invocations).toHaveLength(1);
  });

  it('refuses a region the account does not have', () => {
    const run = runCollectScript(fakeAwsAnswers(MINI), { ASSAY_REGIONS: 'eu-west-1 mars-north-1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown region mars-north-1; this account's enabled regions: us-east-1 eu-west-1");
    expect(run.snapshot).toBeUndefined();
  });
});
