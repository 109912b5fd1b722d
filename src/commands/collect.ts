import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CollectProgress } from '../collect/collector.js';
import { processIo, type ExitCode, type Io } from '../cli.js';
import { InputError } from '../errors.js';
import { writeSnapshotFile, type Snapshot } from '../snapshot.js';

interface CollectOptions {
  out: string;
  profile?: string;
  roleArn?: string;
  regions?: string;
  concurrency: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const MAX_CONCURRENCY = 64;

export function formatProgress(p: CollectProgress): string {
  return `collecting: ${p.done}/${p.known} calls · ${p.service} ${p.operation} ${p.region}`;
}

/**
 * One stderr line rewritten in place while a terminal watches; nothing in between when stderr is
 * a file or pipe (the summary at the end says what happened).
 */
export function progressDisplay(write: (text: string) => void, live: boolean, clock: () => number = Date.now) {
  let shownAt = 0;
  let shown = false;
  const clear = () => {
    if (shown) write('\r\x1b[K');
    shown = false;
  };
  return {
    update(p: CollectProgress) {
      const now = clock();
      if (!live || (now - shownAt < 100 && p.done < p.known)) return;
      shownAt = now;
      shown = true;
      write(`\r\x1b[K${formatProgress(p)}`);
    },
    note(message: string) {
      clear();
      write(`assay: ${message}\n`);
    },
    end: clear,
  };
}

function failedCodes(snapshot: Snapshot): string {
  const counts = new Map<string, number>();
  for (const call of snapshot.calls) if (call.error) counts.set(call.error.code, (counts.get(call.error.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
}

function parseOptions(options: CollectOptions) {
  const out = resolve(options.out);
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(`--out ${options.out}: is a folder; give a file name`);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new InputError(`--out ${options.out}: the folder ${dirname(out)} does not exist`);
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new InputError(`--concurrency ${options.concurrency}: expected a whole number from 1 to ${MAX_CONCURRENCY}`);
  const regions = options.regions?.split(',').map((r) => r.trim()).filter(Boolean);
  if (options.regions !== undefined && !regions?.length) throw new InputError('--regions: expected region names such as us-east-1,eu-west-1');
  const badRegion = regions?.find((r) => !REGION.test(r));
  if (badRegion) throw new InputError(`--regions: "${badRegion}" is not a region name (such as us-east-1)`);
  if (options.roleArn !== undefined && !ROLE_ARN.test(options.roleArn))
    throw new InputError(`--role-arn ${options.roleArn}: expected an IAM role ARN such as arn:aws:iam::123456789012:role/SecurityAudit`);
  return { out, concurrency, regions };
}

export function registerCollect(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('collect')
    .description('record a snapshot of a live AWS account with read-only calls (every call the checks read)')
    .requiredOption('--out <file>', 'where to write the snapshot (written only once the collection is complete)')
    .option('--profile <name>', 'AWS profile to use (default: the standard credential chain)')
    .option('--role-arn <arn>', 'assume this role first, e.g. an audit role in the assessed account')
    .option('--regions <list>', 'comma-separated regions (default: every region enabled for the account)')
    .option('--concurrency <n>', 'AWS calls in flight at most', '16')
    .action(async (options: CollectOptions) => {
      const { out, concurrency, regions } = parseOptions(options);
      // The SDK clients load only when a collection actually runs.
      const { collectSnapshot } = await import('../collect/collector.js');
      const display = progressDisplay((text) => io.err(text), io === processIo && process.stderr.isTTY === true);
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      process.once('SIGINT', interrupt);
      let snapshot: Snapshot;
      try {
        snapshot = await collectSnapshot({
          ...(options.profile !== undefined ? { profile: options.profile } : {}),
          ...(options.roleArn !== undefined ? { roleArn: options.roleArn } : {}),
          ...(regions ? { regions } : {}),
          concurrency,
          signal: controller.signal,
          onProgress: (p) => display.update(p),
          onWarning: (message) => display.note(message),
        });
      } finally {
        process.off('SIGINT', interrupt);
        display.end();
      }
      writeSnapshotFile(out, snapshot);
      const failed = failedCodes(snapshot);
      io.err(
        `assay: ${snapshot.calls.length} calls in ${snapshot.regions.length} regions (account ${snapshot.account}) written to ${options.out}` +
          `${failed ? `; failed calls: ${failed}` : ''}\n`,
      );
    });
}
