import type { Command } from 'commander';
import { CATALOG, findRecommendation } from '../../checks/catalog.js';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import type { CheckResult, CheckStatus } from '../../checks/types.js';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { loadDemoSnapshot } from '../demo.js';
import { InputError } from '../errors.js';
import { parseAssessmentId } from '../service.js';
import { readSnapshotFile, type Snapshot } from '../snapshot.js';

interface ScanOptions {
  snapshot?: string;
  demo?: boolean;
  profile?: string;
  regions?: string;
  assessment?: string;
  force?: boolean;
  json?: boolean;
}

/** Live collection; the AWS SDK is loaded only when a scan actually goes to AWS. */
async function collectLive(profile: string, regions: string[], io: Io): Promise<Snapshot> {
  const { collectSnapshot } = await import('../collect/collector.js');
  let lastShown = 0;
  return collectSnapshot({
    profile,
    regions: regions.length > 0 ? regions : undefined,
    // A line at most every second on stderr, so stdout stays clean for --json.
    onProgress: ({ done, known, service, operation, region }) => {
      const now = Date.now();
      if (now - lastShown < 1000 && done < known) return;
      lastShown = now;
      io.err(`collecting: ${done}/${known} calls (${service} ${operation} ${region})\n`);
    },
    onWarning: (message) => io.err(`warning: ${message}\n`),
  });
}

async function snapshotFrom(options: ScanOptions, io: Io): Promise<Snapshot | undefined> {
  const given = [options.snapshot !== undefined && '--snapshot', options.demo && '--demo', options.profile !== undefined && '--profile'].filter(Boolean);
  if (given.length > 1) throw new InputError(`give one source of data, not ${given.join(' and ')}`);
  if (options.regions !== undefined && options.profile === undefined) throw new InputError('--regions applies to a live scan (--profile P) only');
  if (options.snapshot !== undefined) return readSnapshotFile(options.snapshot);
  if (options.demo) return loadDemoSnapshot();
  if (options.profile !== undefined) {
    const regions = (options.regions ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    return collectLive(options.profile, regions, io);
  }
  if (options.assessment === undefined) throw new InputError('give the data to scan: --snapshot FILE, --demo or --profile P (or --assessment ID to scan its stored snapshot again)');
  return undefined;
}

/** The ⚑ `scan --json` shape: exactly these members, one result per recommendation. */
export function scanJson(results: readonly CheckResult[]): string {
  const shaped = results.map((r) => ({
    id: r.id,
    status: r.status,
    findings: r.findings.map((f) => ({ resource: f.resource, region: f.region, status: f.status, detail: f.detail })),
  }));
  return jsonText({ results: shaped });
}

function printTable(io: Io, results: readonly CheckResult[], snapshot: Snapshot | undefined): void {
  if (snapshot) io.out(`account ${snapshot.account}, collected ${snapshot.collectedAt}, regions ${snapshot.regions.join(', ')}\n\n`);
  for (const result of results) {
    const rec = findRecommendation(result.id);
    const failing = result.findings.filter((f) => f.status === 'fail').length;
    const note = failing > 0 ? `${failing} of ${result.findings.length} failing` : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`;
    io.out(`${result.id.padEnd(7)} ${result.status.padEnd(6)}  ${note.padEnd(18)}  ${rec?.title ?? ''}\n`);
  }
  const counts = new Map<CheckStatus, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const order: CheckStatus[] = ['pass', 'fail', 'manual', 'error'];
  io.out(`\n${results.length} recommendations: ${order.map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ')}\n`);
}

export function registerScan(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('scan')
    .description(`evaluate the ${CATALOG.length} recommendations on a snapshot, the demo account or a live account; with --assessment, store the results there`)
    .option('--snapshot <file>', 'an assay.snapshot/v1 file')
    .option('--demo', 'the bundled demo account')
    .option('--profile <profile>', 'collect live from AWS with this profile (read-only calls)')
    .option('--regions <list>', 'with --profile: comma-separated regions (default: every enabled region)')
    .option('--assessment <id>', 'store the results in this assessment (replaces its automated findings, never its decisions)')
    .option('--force', 'with --assessment: accept a snapshot of a different account')
    .option('--json', 'machine-readable output: {"results": [{id, status, findings}]}')
    .action(async (options: ScanOptions, command: Command) => {
      const assessmentId = options.assessment === undefined ? undefined : parseAssessmentId(options.assessment);
      if (options.force && assessmentId === undefined) throw new InputError('--force applies with --assessment ID only');
      const snapshot = await snapshotFrom(options, io);
      let results: CheckResult[];
      let scanned = snapshot;
      if (assessmentId === undefined) {
        results = evaluateSnapshot(snapshot!);
      } else {
        ({ results, scanned } = await withService(command, (service) => {
          const stored = service.rescan(assessmentId, snapshot, { force: options.force });
          return {
            results: stored.filter((r) => r.source === 'assay').map((r) => ({ id: r.recId, status: r.status, findings: r.findings })),
            scanned: snapshot ?? service.getSnapshot(assessmentId),
          };
        }));
        io.err(`stored ${results.length} results in assessment ${assessmentId}; decisions unchanged\n`);
      }
      if (options.json) io.out(scanJson(results));
      else printTable(io, results, scanned);
    });
}
