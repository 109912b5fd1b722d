import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import { collectSnapshot } from '../../src/collect/collector.js';
import { deriveCalls } from '../../src/collect/derive.js';
import { PLAN, cliCommandName, type DerivedStep } from '../../src/collect/plan.js';
import { isReadOnlyOperation } from '../../src/collect/readonly.js';
import { ISO8601_CONFIG, collectScript, deriveFilter } from '../../src/collect/script.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import { paramsKey, readSnapshotFile, type CallError, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { answerFrom, mockAws } from './mock-aws.js';
import { answerKey, fakeAwsAnswers, runCollectScript, type ScriptRun } from './run-script.js';

// Script runs start a shell, jq and the fake `aws` for every call: give them time on a busy machine.
const SLOW = 180_000;

const MINI = readSnapshotFile(packagePath('test', 'fixtures', 'collect', 'mini-account.json'));
const keyOf = (c: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>) => `${c.service} ${c.operation} ${c.region} ${paramsKey(c.params)}`;

/** Where the mini account records a call (in us-east-1 unless named). */
const miniCall = (service: string, operation: string, region = 'us-east-1') => MINI.calls.find((c) => c.service === service && c.operation === operation && c.region === region)!;

/** The script run once, before the tests of the describe that calls this, on the mini account with `answers` in place of its own. */
function runScriptOnce(answers: Parameters<typeof fakeAwsAnswers>[1]): { readonly run: ScriptRun; errorOf(service: string, operation: string, region?: string): CallError | undefined } {
  let run: ScriptRun | undefined;
  beforeAll(() => {
    run = runCollectScript(fakeAwsAnswers(MINI, answers));
  }, SLOW);
  const ran = () => run ?? expect.fail('the script has not run yet');
  return {
    get run() {
      return ran();
    },
    errorOf: (service, operation, region = 'us-east-1') => ran().snapshot?.calls.find((c) => c.service === service && c.operation === operation && c.region === region)?.error,
  };
}

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
    const answers = {
      [answerKey(miniCall('ec2', 'GetEbsDefaultKmsKeyId'))]: [
        {
          stderr:
            "\nUnable to parse response (syntax error: line 1, column 0), invalid XML received. Further retries may succeed:\nb'<!doctype html>\\n<html lang=en>\\n<title>500 Internal Server Error</title>'\n",
          status: 255,
        },
      ],
      [answerKey(miniCall('account', 'GetContactInformation'))]: [
        { stderr: '\nAn error occurred (404) when calling the GetContactInformation operation: <!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n', status: 254 },
      ],
      [answerKey(miniCall('accessanalyzer', 'ListAnalyzers', 'eu-west-1'))]: [
        { stderr: '\nAn error occurred (500) when calling the ListAnalyzers operation (reached max retries: 4): <!doctype html>\n<html lang=en>\n', status: 255 },
      ],
      [answerKey(miniCall('cloudtrail', 'DescribeTrails', 'eu-west-1'))]: [
        { stderr: '\nAn error occurred (ThrottlingException) when calling the DescribeTrails operation (reached max retries: 2): Rate exceeded\n', status: 254 },
      ],
      [answerKey(miniCall('efs', 'DescribeFileSystems'))]: [{ stdout: '<html><body>Service Unavailable</body></html>' }],
    };
    const script = runScriptOnce(answers);

    it('names the CLI’s own parse failure UnparseableResponse, with its message', () => {
      expect(script.run.status, script.run.stderr).toBe(0);
      expect(script.errorOf('ec2', 'GetEbsDefaultKmsKeyId')).toEqual({
        code: 'UnparseableResponse',
        message: 'Unable to parse response (syntax error: line 1, column 0), invalid XML received. Further retries may succeed:',
      });
    });

    it('takes an HTTP status where the AWS error code should be for an answer that is not an AWS error', () => {
      expect(script.errorOf('account', 'GetContactInformation')).toEqual({ code: 'UnparseableResponse', message: 'HTTP 404, and the body is not an AWS error: <!doctype html>' });
      expect(script.errorOf('accessanalyzer', 'ListAnalyzers', 'eu-west-1')).toEqual({ code: 'UnparseableResponse', message: 'HTTP 500, and the body is not an AWS error: <!doctype html>' });
    });

    it('keeps the AWS error code and message when the CLI gave up retrying', () => {
      expect(script.errorOf('cloudtrail', 'DescribeTrails', 'eu-west-1')).toEqual({ code: 'ThrottlingException', message: 'Rate exceeded' });
    });

    it('records output that is not JSON as UnparseableResponse, and keeps every other call', () => {
      expect(script.errorOf('efs', 'DescribeFileSystems')).toEqual({ code: 'UnparseableResponse', message: 'the AWS CLI printed something that is not one JSON document' });
      expect(script.run.snapshot!.calls.find((c) => c.service === 'efs' && c.region === 'eu-west-1')?.output).toEqual(miniCall('efs', 'DescribeFileSystems', 'eu-west-1').output);
      expect(script.run.stderr).toMatch(/failed: .*UnparseableResponse \(4\)/);
    });
  });

  describe('principle: a call that got no answer is recorded as RequestFailed, the way the collector records it', () => {
    // What the real AWS CLI v1 (1.45, `aws`) and v2 (2.9, Debian's /usr/bin/aws) print, with dummy
    // credentials and one attempt, against loopback ports that refuse the connection, accept it and
    // never answer (--cli-read-timeout 2), or close it at once; and with no credentials at all.
    // Both CLIs print the same for a refused connection, exit 255.
    const refused = '\nCould not connect to the endpoint URL: "http://127.0.0.1:9/"\n';
    const answers = {
      [answerKey(miniCall('kms', 'ListKeys'))]: [{ stderr: refused, status: 255 }],
      [answerKey(miniCall('kms', 'ListKeys', 'eu-west-1'))]: [{ stderr: refused, status: 255 }],
      [answerKey(miniCall('rds', 'DescribeDBInstances'))]: [{ stderr: '\nRead timeout on endpoint URL: "http://127.0.0.1:47811/"\n', status: 255 }],
      [answerKey(miniCall('efs', 'DescribeFileSystems'))]: [
        { stderr: '\nConnection was closed before we received a valid response from endpoint URL: "http://127.0.0.1:47812/".\n', status: 255 },
      ],
      [answerKey(miniCall('securityhub', 'DescribeHub'))]: [{ stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n', status: 253 }],
    };
    const script = runScriptOnce(answers);

    it('records a refused connection as RequestFailed with the CLI’s message', () => {
      expect(script.run.status, script.run.stderr).toBe(0);
      const message = 'Could not connect to the endpoint URL: "http://127.0.0.1:9/"';
      expect(script.errorOf('kms', 'ListKeys')).toEqual({ code: 'RequestFailed', message });
      expect(script.errorOf('kms', 'ListKeys', 'eu-west-1')).toEqual({ code: 'RequestFailed', message });
    });

    it('records a timed-out or closed connection as RequestFailed too', () => {
      expect(script.errorOf('rds', 'DescribeDBInstances')).toEqual({ code: 'RequestFailed', message: 'Read timeout on endpoint URL: "http://127.0.0.1:47811/"' });
      expect(script.errorOf('efs', 'DescribeFileSystems')).toEqual({
        code: 'RequestFailed',
        message: 'Connection was closed before we received a valid response from endpoint URL: "http://127.0.0.1:47812/".',
      });
      expect(script.run.stderr).toMatch(/failed: .*RequestFailed \(4\)/);
    });

    it('keeps CliError for a failure of the CLI before it sent anything', () => {
      expect(script.errorOf('securityhub', 'DescribeHub')?.code).toBe('CliError');
      expect(script.errorOf('securityhub', 'DescribeHub')?.message).toContain('Unable to locate credentials');
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
      'runs every call with a copy that sets it for each profile, keeps the user’s file as it was, and removes the copy at the end',
      () => {
        const work = join(dir, 'tmp');
        mkdirSync(work);
        const run = runCollectScript(fakeAwsAnswers(MINI), { AWS_CONFIG_FILE: join(dir, 'config'), AWS_PROFILE: 'audit', ASSAY_REGIONS: 'us-east-1', TMPDIR: work });
        expect(run.status, run.stderr).toBe(0);
        expect(run.awsConfig).toBe(
          '[default]\nregion = eu-west-1\n\ncli_timestamp_format = iso8601\n' +
            '[profile audit]\nregion = us-east-1\nrole_arn = arn:aws:iam::111122223333:role/audit\ncli_timestamp_format = iso8601\n' +
            '[sso-session corp]\nsso_region = eu-west-1\n',
        );
        expect(readFileSync(join(dir, 'config'), 'utf8')).toBe(userConfig);
        expect(readdirSync(work)).toEqual([]);
      },
      SLOW,
    );

    describe('the copy, as botocore (the CLI’s own reader) reads it', () => {
      // Reads the copy as the CLI v1 does (AWS_DEFAULT_PROFILE before AWS_PROFILE; the CLI v2 takes them
      // the other way round, which the copy does not depend on), and the original beside it.
      const READ = `
import json, os, botocore.session, botocore.configloader as loader, botocore.exceptions as failed
def sections(path):
    try:
        return {name: {k: v for k, v in values.items() if k != 'cli_timestamp_format'} for name, values in loader.raw_config_parse(path).items()}
    except failed.ConfigNotFound:
        return {}
session = botocore.session.Session()
try:
    copy = sections(os.environ['AWS_CONFIG_FILE'])
    config = session.get_scoped_config()
    key = session.get_credentials()
    print(json.dumps({'timestamps': config.get('cli_timestamp_format'), 'region': config.get('region'), 'key': key and key.access_key,
                      'kept': all(copy.get(name) == values for name, values in sections(os.environ['ORIGINAL']).items())}))
except failed.BotoCoreError as e:
    print(json.dumps({'error': type(e).__name__}))
`;
      const CREDENTIALS = '[keys]\naws_access_key_id = AKIAKEYSONLY\naws_secret_access_key = secret\n';

      function readCopy(config: string | undefined, profiles: { AWS_PROFILE?: string; AWS_DEFAULT_PROFILE?: string }): unknown {
        const home = mkdtempSync(join(tmpdir(), 'assay-home-'));
        try {
          mkdirSync(join(home, '.aws'));
          mkdirSync(join(home, 'work'));
          if (config !== undefined) writeFileSync(join(home, '.aws', 'config'), config);
          writeFileSync(join(home, '.aws', 'credentials'), CREDENTIALS);
          const shell = `die() { printf '%s\\n' "$*" >&2; exit 2; }\nWORK="$HOME/work"\n${ISO8601_CONFIG}\nexec python3 -c "$READ"`;
          const env = { PATH: process.env.PATH ?? '', HOME: home, ORIGINAL: join(home, '.aws', 'config'), READ, AWS_EC2_METADATA_DISABLED: 'true', ...profiles };
          const run = spawnSync('sh', ['-c', shell], { encoding: 'utf8', env });
          if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
          return JSON.parse(run.stdout);
        } finally {
          rmSync(home, { recursive: true, force: true });
        }
      }

      const iso = { timestamps: 'iso8601', kept: true };

      it('sets it in the profile in use, however its section is written, and changes nothing else', () => {
        expect(readCopy('[default] ; the usual one\nregion = eu-west-1\n', {})).toEqual({ ...iso, region: 'eu-west-1', key: null });
        expect(readCopy('[profile audit]\n  region = us-east-1\n  Cli_Timestamp_Format: wire\n[plugins]\ncli_legacy_plugin_path = /opt\n', { AWS_PROFILE: 'audit' })).toEqual({
          ...iso,
          region: 'us-east-1',
          key: null,
        });
        expect(readCopy('[profile "my audit"]\nregion = ap-south-1\n[sso-session corp]\nsso_region = eu-west-1\n', { AWS_PROFILE: 'my audit' })).toEqual({ ...iso, region: 'ap-south-1', key: null });
      });

      it('sets it whichever of AWS_PROFILE and AWS_DEFAULT_PROFILE the CLI goes by', () => {
        const config = '[profile audit]\nregion = us-east-1\n[profile other]\nregion = eu-west-2\n';
        expect(readCopy(config, { AWS_PROFILE: 'audit', AWS_DEFAULT_PROFILE: 'other' })).toEqual({ ...iso, region: 'eu-west-2', key: null });
      });

      it('defines the profile in use where only the credentials file, or nothing (default), defines it; one defined nowhere stays undefined', () => {
        expect(readCopy('[default]\nregion = eu-west-1\n', { AWS_PROFILE: 'keys' })).toEqual({ ...iso, region: null, key: 'AKIAKEYSONLY' });
        expect(readCopy(undefined, {})).toEqual({ ...iso, region: null, key: null });
        expect(readCopy('[default]\nregion = eu-west-1\n', { AWS_PROFILE: 'typo' })).toEqual({ error: 'ProfileNotFound' });
      });
    });
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
