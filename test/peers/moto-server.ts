import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A real AWS emulator for the tests: moto_server on loopback, on a free port, started and stopped
 * by the test that uses it (by process group, so nothing outlives the test run).
 */
export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  /** Environment for an SDK client or the AWS CLI talking to this server only. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** moto's default account: every call answers for it. */
export const MOTO_ACCOUNT = '123456789012';

export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms:\n${log()}`);
}

/** Environment that points every AWS client at the emulator and at nothing else. */
export function motoEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAMOTOTESTKEY00000',
    AWS_SECRET_ACCESS_KEY: 'moto-test-secret',
    AWS_SESSION_TOKEN: '',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

export async function startMoto(timeoutMs = 30_000): Promise<MotoServer> {
  if (!motoAvailable()) throw new Error('moto_server is not on PATH: install moto (pip install "moto[server]") — the peer tests need a real AWS emulator');
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // AWS's managed policies (AWSSupportAccess, AWSCloudShellFullAccess) exist in every real account.
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  try {
    await waitUntilUp(endpoint, child, () => output, timeoutMs);
  } catch (err) {
    kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    port,
    env: motoEnv(endpoint),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
