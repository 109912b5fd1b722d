import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshotFile, type Snapshot } from '../../src/snapshot.js';
import { cli } from '../cli/run.js';
import { withEnv } from '../collect/with-env.js';
import { REGIONS } from './account.js';
import type { MotoServer } from './moto-server.js';

/** One `assay collect` run through the real command line, and everything it let out. */
export interface CollectRun {
  code: number;
  out: string;
  err: string;
  /** Process warnings emitted while it ran (MaxListenersExceededWarning, deprecations). */
  warnings: string[];
  /** What the SDK or anything else wrote through console.* while it ran. */
  console: string[];
  /** The snapshot as written to disk, read back as `scan --snapshot` reads it. */
  snapshot: Snapshot | undefined;
  /** The file's text, for comparisons byte by byte. */
  text: string | undefined;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface CollectOptions {
  /** `--concurrency` (default: the command's). */
  concurrency?: number;
}

/**
 * `assay collect --out FILE --regions us-east-1,eu-west-1` in-process, with the emulator's
 * environment (AWS_ENDPOINT_URL and test credentials) and nothing else pointing the SDK anywhere.
 */
export async function runCollect(server: MotoServer, regions: readonly string[] = REGIONS, options: CollectOptions = {}): Promise<CollectRun> {
  const folder = mkdtempSync(join(tmpdir(), 'assay-moto-'));
  const file = join(folder, 'snapshot.json');
  const warnings: string[] = [];
  const printed: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  const originals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  process.on('warning', onWarning);
  for (const method of CONSOLE_METHODS) console[method] = (...args: unknown[]) => void printed.push(`console.${method}: ${args.map(String).join(' ')}`);
  try {
    const concurrency = options.concurrency ? ['--concurrency', String(options.concurrency)] : [];
    const run = await withEnv(server.env, () => cli('collect', '--out', file, '--regions', regions.join(','), ...concurrency));
    // Warnings are emitted on the next tick; let them arrive before the listener goes.
    await new Promise((resolve) => setImmediate(resolve));
    const written = run.code === 0;
    return { ...run, warnings, console: printed, snapshot: written ? readSnapshotFile(file) : undefined, text: written ? readFileSync(file, 'utf8') : undefined };
  } finally {
    for (const [method, original] of originals) console[method] = original;
    process.off('warning', onWarning);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The collector's snapshot of the emulator's account; fails with what the command printed when it did not finish. */
export async function collectFromMoto(server: MotoServer, regions: readonly string[] = REGIONS, options: CollectOptions = {}): Promise<Snapshot> {
  const run = await runCollect(server, regions, options);
  if (!run.snapshot) throw new Error(`assay collect against moto exited with ${run.code}:\n${run.err}`);
  return run.snapshot;
}
