import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { collectScript } from '../../src/collect/script.js';
import { parseSnapshot, type Snapshot } from '../../src/snapshot.js';

/**
 * The real AWS CLI, v1 and v2, running the generated CloudShell script against an emulator. A wrapper
 * first on PATH points every invocation at the endpoint and logs its argv, exit status and stderr.
 */
export interface AwsCli {
  major: 1 | 2;
  /** The real executable (not a shim), so each call starts one Python and nothing else. */
  path: string;
  version: string;
}

/** Debian's awscli package is the v2 CLI, at a fixed place. */
const DEBIAN_AWS_CLI_V2 = '/usr/bin/aws';

function versionOf(path: string): string | undefined {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null' } });
  return run.status === 0 ? (run.stdout || run.stderr).trim() : undefined;
}

/** The AWS CLI of that major version, or an error that says how to install it. */
export function findAwsCli(major: 1 | 2): AwsCli {
  if (major === 2) {
    const version = existsSync(DEBIAN_AWS_CLI_V2) ? versionOf(DEBIAN_AWS_CLI_V2) : undefined;
    if (!version?.startsWith('aws-cli/2.')) {
      throw new Error(`the peer tests need the AWS CLI v2 at ${DEBIAN_AWS_CLI_V2} (found: ${version ?? 'nothing'}); install it with: apt-get install awscli`);
    }
    return { major, path: DEBIAN_AWS_CLI_V2, version };
  }
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    let path = join(folder, 'aws');
    if (!folder || path === DEBIAN_AWS_CLI_V2 || !existsSync(path)) continue;
    const version = versionOf(path);
    if (!version?.startsWith('aws-cli/1.')) continue;
    // A pyenv shim starts bash and pyenv before Python on every call: run what it stands for.
    if (folder.endsWith('/shims')) {
      const real = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' });
      if (real.status === 0 && real.stdout.trim()) path = real.stdout.trim();
    }
    return { major, path, version };
  }
  throw new Error('the peer tests need the AWS CLI v1 (aws-cli/1.x) on PATH; install it with: pip install awscli');
}

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
}

/** The part of a botocore service model that says which members an answer may have. */
export interface OutputModel {
  operations: Record<string, { output?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

const BOTOCORE_SERVICE: Record<string, string> = { s3api: 's3', configservice: 'config' };

/** Where this CLI keeps its service models: the CLI v2 bundles its own botocore, the CLI v1 uses botocore's. */
const modelsDirs = new Map<string, string>();
function modelsDir(cli: AwsCli): string {
  const known = modelsDirs.get(cli.path);
  if (known) return known;
  const interpreter = /^#!\s*(\S+)/.exec(readFileSync(cli.path, 'utf8').slice(0, 200))?.[1];
  if (!interpreter) throw new Error(`${cli.path} is not a Python script: cannot find the service models it uses`);
  const find = 'import importlib.util as u, os\nfor name in ("awscli.botocore", "botocore"):\n  try:\n    spec = u.find_spec(name)\n  except ImportError:\n    continue\n  if spec:\n    print(os.path.join(os.path.dirname(spec.origin), "data")); break';
  const run = spawnSync(interpreter, ['-c', find], { encoding: 'utf8' });
  const dir = run.stdout.trim();
  if (run.status !== 0 || !dir || !existsSync(dir)) throw new Error(`cannot find the service models of ${cli.version}: ${run.stderr}`);
  modelsDirs.set(cli.path, dir);
  return dir;
}

const modelCache = new Map<string, OutputModel | undefined>();

/** The service model this CLI answers with (its newest API version), by the snapshot's service name. */
export function cliModel(cli: AwsCli, service: string): OutputModel | undefined {
  const folder = join(modelsDir(cli), BOTOCORE_SERVICE[service] ?? service);
  if (modelCache.has(folder)) return modelCache.get(folder);
  const version = existsSync(folder) ? readdirSync(folder).sort().pop() : undefined;
  const file = version ? join(folder, version, 'service-2.json') : '';
  const model = !version
    ? undefined
    : existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as OutputModel)
      : existsSync(`${file}.gz`)
        ? (JSON.parse(gunzipSync(readFileSync(`${file}.gz`)).toString('utf8')) as OutputModel)
        : undefined;
  modelCache.set(folder, model);
  return model;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer with only the members the model has: what a CLI built on that model can print. */
export function knownMembers(model: OutputModel, operation: string, output: unknown): unknown {
  const walk = (shapeName: string, value: unknown): unknown => {
    const shape = model.shapes[shapeName];
    if (shape?.type === 'structure' && isRecord(value)) {
      return Object.fromEntries(
        Object.entries(value).flatMap(([name, member]) => (shape.members?.[name] ? [[name, walk(shape.members[name].shape, member)]] : [])),
      );
    }
    if (shape?.type === 'list' && shape.member && Array.isArray(value)) return value.map((item) => walk(shape.member!.shape, item));
    if (shape?.type === 'map' && shape.value && isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(shape.value!.shape, v)]));
    return value;
  };
  const shape = model.operations[operation]?.output?.shape;
  return shape ? walk(shape, output) : output;
}

/** One `aws` invocation as the script made it. */
export interface Invocation {
  argv: string[];
  status: number;
  stderr: string;
}

export interface CliScriptRun {
  cli: AwsCli;
  status: number | null;
  stderr: string;
  snapshot?: Snapshot;
  invocations: Invocation[];
}

/**
 * What the AWS CLI prints when it refuses a command line before sending anything: an unknown command
 * or option, or a request the model does not allow. The CLI v2 then exits with 252; the CLI v1 exits
 * with 255 or 2, as for other failures, so its message is what tells.
 */
const REFUSED_STATUS = 252;
const REFUSED =
  /Unknown options|Invalid choice|Parameter validation failed|Invalid type for parameter|Unknown parameter|Missing required parameter|Invalid length for parameter|Invalid JSON|Error parsing parameter|the following arguments are required|^usage:|aws: error:/m;

export function refusedInvocations(invocations: readonly Invocation[]): Invocation[] {
  return invocations.filter((i) => i.status === REFUSED_STATUS || (i.status !== 0 && REFUSED.test(i.stderr)));
}

// The wrapper passes --endpoint-url on every call: the CLI v2 of Debian (2.9) does not read
// AWS_ENDPOINT_URL, and the CLI v1 sends rds calls in us-east-1 to rds.amazonaws.com whatever it says.
// S3 Control puts the account id in front of the host (123456789012.127.0.0.1), which resolves nowhere;
// the CLIs have no switch for that, so those calls go through the emulator as an HTTP proxy, which
// still sees the host they were meant for.
const WRAPPER = `#!/bin/sh
log=$(mktemp "$ASSAY_TEST_AWS_LOG/call.XXXXXX") || exit 99
jq -cn '$ARGS.positional' --args -- "$@" >"$log.argv"
if [ "$1" = s3control ]; then
  HTTP_PROXY=$ASSAY_TEST_ENDPOINT NO_PROXY= no_proxy=
  export HTTP_PROXY NO_PROXY no_proxy
fi
"$ASSAY_TEST_AWS" "$@" --endpoint-url "$ASSAY_TEST_ENDPOINT" 2>"$log.err"
status=$?
echo "$status" >"$log.status"
cat "$log.err" >&2
exit "$status"
`;

export interface ScriptOptions {
  regions: string[];
  concurrency?: number;
}

/** Runs the generated collection script with this CLI against the endpoint; resolves when it ends. */
export async function runScriptWithCli(cli: AwsCli, endpoint: string, env: Record<string, string>, options: ScriptOptions): Promise<CliScriptRun> {
  const dir = mkdtempSync(join(tmpdir(), `assay-cli-v${cli.major}-`));
  try {
    const bin = join(dir, 'bin');
    const log = join(dir, 'log');
    mkdirSync(bin);
    mkdirSync(log);
    writeFileSync(join(bin, 'aws'), WRAPPER);
    chmodSync(join(bin, 'aws'), 0o755);
    writeFileSync(join(dir, 'collect.sh'), collectScript());
    const out = join(dir, 'snapshot.json');
    const merged: Record<string, string | undefined> = {
      ...process.env,
      ...env,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      ASSAY_TEST_AWS: cli.path,
      ASSAY_TEST_AWS_LOG: log,
      ASSAY_TEST_ENDPOINT: endpoint,
      ASSAY_REGIONS: options.regions.join(' '),
      ASSAY_CONCURRENCY: String(options.concurrency ?? 4),
      ASSAY_POLL_SECONDS: '1',
      // moto answers some calls with HTTP 500; retrying them only costs time (the CLI v1 backs off for up to 15 s).
      AWS_RETRY_MODE: 'standard',
      AWS_MAX_ATTEMPTS: '2',
    };
    // An empty AWS_PROFILE is a profile named "" to the CLI: leave such variables out altogether.
    const childEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn('sh', [join(dir, 'collect.sh'), out], { cwd: dir, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ status: code, stderr: text }));
    });
    const invocations = readdirSync(log)
      .filter((name) => name.endsWith('.argv'))
      .map((name) => {
        const base = join(log, name.slice(0, -'.argv'.length));
        const read = (ext: string) => (existsSync(base + ext) ? readFileSync(base + ext, 'utf8') : '');
        return { argv: JSON.parse(read('.argv')) as string[], status: Number(read('.status').trim() || NaN), stderr: read('.err') };
      });
    return { cli, status, stderr, invocations, ...(existsSync(out) ? { snapshot: parseSnapshot(readFileSync(out, 'utf8'), out) } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
