import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN, cliCommandName } from '../../src/collect/plan.js';
import { collectScript } from '../../src/collect/script.js';
import { parseSnapshot, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { packagePath } from '../../src/paths.js';

const FAKE_AWS = packagePath('test', 'fixtures', 'collect', 'fake-aws.sh');

/** An answer of the fake `aws`: a recorded call, or exactly what a real CLI printed. */
type Recorded = Pick<SnapshotCall, 'output' | 'error'> | { stdout: string } | { stderr: string; status: number };

const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]))
      : value;

export function answerKey(call: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>): string {
  return `${call.service} ${cliCommandName(call.operation)} ${call.region} ${JSON.stringify(sorted(call.params))}`;
}

/** The fake `aws` answers: every call of the snapshot; `sequences` make a call answer differently on each try. */
export function fakeAwsAnswers(snapshot: Snapshot, sequences: Record<string, Recorded[]> = {}): object {
  const operations = Object.fromEntries(PLAN.map((s) => [`${s.service} ${cliCommandName(s.operation)}`, s.operation]));
  const calls: Record<string, Recorded | Recorded[]> = {};
  for (const c of snapshot.calls) calls[answerKey(c)] = c.error ? { error: c.error } : { output: c.output };
  return { operations, calls: { ...calls, ...sequences } };
}

export interface ScriptRun {
  status: number | null;
  stderr: string;
  /** The snapshot the script wrote, if it wrote one. */
  snapshot?: Snapshot;
  /** Every `aws` invocation: service, command, region, params. */
  invocations: string[][];
  /** The AWS CLI configuration file the calls were made with (the last call's). */
  awsConfig?: string;
}

/** Generates the collection script and runs it with `sh`, the fake `aws` first on PATH. */
export function runCollectScript(answers: object, env: Record<string, string> = {}): ScriptRun {
  const dir = mkdtempSync(join(tmpdir(), 'assay-script-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'state'));
  writeFileSync(join(bin, 'aws'), `#!/bin/sh\nexec sh "${FAKE_AWS}" "$@"\n`);
  chmodSync(join(bin, 'aws'), 0o755);
  writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
  writeFileSync(join(dir, 'collect.sh'), collectScript());
  const out = join(dir, 'snapshot.json');
  const log = join(dir, 'aws.log');
  const config = join(dir, 'aws-config');
  const result = spawnSync('sh', [join(dir, 'collect.sh'), out], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      FAKE_AWS_ANSWERS: join(dir, 'answers.json'),
      FAKE_AWS_LOG: log,
      FAKE_AWS_STATE: join(dir, 'state'),
      FAKE_AWS_CONFIG_COPY: config,
      ASSAY_POLL_SECONDS: '0',
      ...env,
    },
  });
  const run: ScriptRun = {
    status: result.status,
    stderr: result.stderr,
    ...(existsSync(out) ? { snapshot: parseSnapshot(readFileSync(out, 'utf8'), out) } : {}),
    ...(existsSync(config) ? { awsConfig: readFileSync(config, 'utf8') } : {}),
    invocations: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => /^(\S+) (\S+) (\S+) (.*)$/.exec(l)?.slice(1) ?? [l]) : [],
  };
  rmSync(dir, { recursive: true, force: true });
  return run;
}
