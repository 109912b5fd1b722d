import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paramsKey, SNAPSHOT_FORMAT, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { cliName, inputMembers, loadModel } from '../conformance/botocore.js';
import type { AwsCli, Invocation } from './aws-cli.js';

/**
 * Runs command lines written the way an auditor types them (`iam list-access-keys --user-name
 * <user-name>`) with the real AWS CLI against an emulator, and records each as a snapshot entry:
 * the operation and request members are the ones the CLI itself maps the command line to, by
 * botocore's naming rule over AWS's service models.
 */

/** Values for one run of a command: its `<placeholders>`. */
export interface Fill {
  values?: Record<string, string>;
}

export interface AuditStep {
  /** The recommendations whose command-line audit makes this call. */
  for: readonly string[];
  /** The command line after `aws`, with `<placeholders>`; `--region <region>` alone means every region in scope. */
  command: string;
  /** One run per fill, from what earlier stages recorded; absent: the command runs as written. */
  each?: (recorded: readonly SnapshotCall[]) => Fill[];
}

/** A command line resolved to the API call it makes. */
export interface ResolvedCommand {
  argv: string[];
  service: string;
  operation: string;
  region: string;
  params: Record<string, unknown>;
}

/** The CLI's own global option; every other option is a request member. */
const REGION_OPTION = '--region';

/**
 * The call a command line makes: the operation whose CLI name is the command, and for each
 * option the member whose CLI name it is (`--log-group-name` → `logGroupName`); an option
 * without a value is a boolean member set to true.
 */
export function resolveCommand(argv: readonly string[], defaultRegion: string): ResolvedCommand {
  const rest = [...argv];
  let region = defaultRegion;
  const at = rest.indexOf(REGION_OPTION);
  if (at >= 0) {
    region = rest[at + 1] ?? '';
    rest.splice(at, 2);
  }
  const [service, command, ...options] = rest;
  if (!service || !command) throw new Error(`not a command line: ${argv.join(' ')}`);
  const model = loadModel(service);
  if (!model) throw new Error(`no AWS service "${service}"`);
  const operation = Object.keys(model.operations).find((name) => cliName(name) === command);
  if (!operation) throw new Error(`${service} has no command ${command}`);
  const members = inputMembers(model, model.operations[operation]!);
  const params: Record<string, unknown> = {};
  for (let i = 0; i < options.length; i++) {
    const flag = options[i]!;
    const member = Object.keys(members).find((name) => `--${cliName(name)}` === flag);
    if (!member) throw new Error(`${service} ${command} has no option ${flag}`);
    const boolean = model.shapes[members[member]!.shape]?.type === 'boolean';
    if (boolean) params[member] = true;
    else params[member] = options[++i];
  }
  return { argv: [...argv], service, operation, region, params };
}

/** The command lines a step stands for, once its placeholders are filled; `<region>` alone runs in every region. */
export function expandStep(step: AuditStep, recorded: readonly SnapshotCall[], regions: readonly string[], defaultRegion: string): ResolvedCommand[] {
  const words = step.command.split(/\s+/).filter(Boolean);
  const fills = step.each ? step.each(recorded) : [{}];
  return fills.flatMap((fill) => {
    const values = fill.values ?? {};
    const perRegion = words.includes('<region>') && !('region' in values);
    return (perRegion ? regions : [undefined]).map((region) => {
      const filled = words.map((word) => {
        const name = /^<(.+)>$/.exec(word)?.[1];
        if (!name) return word;
        const value = name === 'region' && region ? region : values[name];
        if (value === undefined) throw new Error(`no value for ${word} in: ${step.command}`);
        return value;
      });
      return resolveCommand(filled, defaultRegion);
    });
  });
}

const AWS_ERROR = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: ?(.*)/;

/** What the CLI printed, as a snapshot entry: its JSON, or the AWS error code and message it reported. */
function toCall(command: ResolvedCommand, status: number | null, stdout: string, stderr: string): SnapshotCall {
  const base = { service: command.service, operation: command.operation, region: command.region, params: command.params };
  if (status === 0) {
    try {
      return { ...base, output: stdout.trim() ? (JSON.parse(stdout) as unknown) : {} };
    } catch {
      return { ...base, error: { code: 'UnparseableResponse', message: 'the AWS CLI printed something that is not one JSON document' } };
    }
  }
  const reported = AWS_ERROR.exec(stderr);
  if (reported) return { ...base, error: { code: reported[1]!, message: reported[2]!.trim() } };
  return { ...base, error: { code: 'CliError', message: stderr.trim() } };
}

/** Runs `jobs` with at most `limit` at once, keeping their order in the results. */
async function pooled<T, R>(jobs: readonly T[], limit: number, run: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await run(jobs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

export interface AuditRun {
  snapshot: Snapshot;
  invocations: Invocation[];
}

const callId = (call: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>) => `${call.service} ${call.operation} ${call.region} ${paramsKey(call.params)}`;

export interface AuditOptions {
  endpoint: string;
  env: Record<string, string>;
  regions: readonly string[];
  account: string;
  /** Calls running at once: each CLI v1 call costs about 0.4 s of CPU. */
  concurrency?: number;
}

/**
 * Runs the stages in order, every command of a stage at once (at most `concurrency`), each call
 * once however many steps make it, and returns what they recorded as a snapshot.
 */
export async function runAuditSteps(cli: AwsCli, stages: readonly (readonly AuditStep[])[], options: AuditOptions): Promise<AuditRun> {
  const defaultRegion = options.regions[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'assay-audit-'));
  // Timestamps as ISO-8601 whatever the protocol sends (the CLI v1 prints JSON protocols' epoch numbers otherwise).
  const config = join(dir, 'config');
  writeFileSync(config, '[default]\ncli_timestamp_format = iso8601\n');
  const merged: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    AWS_CONFIG_FILE: config,
    AWS_DEFAULT_REGION: defaultRegion,
    // moto answers some calls with HTTP 500; retrying them only costs time.
    AWS_RETRY_MODE: 'standard',
    AWS_MAX_ATTEMPTS: '2',
  };
  // An empty AWS_PROFILE is a profile named "" to the CLI: leave such variables out altogether.
  const env = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const calls: SnapshotCall[] = [];
  const invocations: Invocation[] = [];
  const run = (command: ResolvedCommand) =>
    new Promise<SnapshotCall>((resolve, reject) => {
      const argv = [...command.argv, '--output', 'json', '--endpoint-url', options.endpoint];
      // S3 Control puts the account id in front of the host; through the emulator as a proxy it still arrives (see aws-cli.ts).
      const childEnv = command.service === 's3control' ? { ...env, HTTP_PROXY: options.endpoint, NO_PROXY: '', no_proxy: '' } : env;
      const child = spawn(cli.path, argv, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => {
        invocations.push({ argv, status: status ?? NaN, stderr });
        resolve(toCall(command, status, stdout, stderr));
      });
    });
  try {
    for (const stage of stages) {
      const fresh = new Map<string, ResolvedCommand>();
      for (const step of stage) {
        for (const command of expandStep(step, calls, options.regions, defaultRegion)) {
          const id = callId(command);
          if (!calls.some((c) => callId(c) === id)) fresh.set(id, command);
        }
      }
      calls.push(...(await pooled([...fresh.values()], options.concurrency ?? 4, run)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, account: options.account, partition: 'aws', collectedAt: new Date().toISOString(), regions: [...options.regions], calls };
  return { snapshot, invocations };
}

/** The successful outputs of one operation recorded so far, with the region and params of each. */
export function outputsOf<T>(recorded: readonly SnapshotCall[], service: string, operation: string): { region: string; params: Record<string, unknown>; output: T }[] {
  return recorded.filter((c) => c.service === service && c.operation === operation && !c.error).map((c) => ({ region: c.region, params: c.params, output: c.output as T }));
}
