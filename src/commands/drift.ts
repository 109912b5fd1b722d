import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { computeDrift, describeResourceChange, type DriftEntry, type ResourceChange } from '../drift.js';
import { InputError } from '../errors.js';
import type { Assessment } from '../model.js';
import { parseAssessmentId } from '../service.js';

interface DriftOptions {
  against?: string;
  json?: boolean;
}

const MARK: Record<ResourceChange['kind'], string> = { added: '+', removed: '-', changed: '~' };

function label(a: Assessment): string {
  return `assessment ${a.id} "${a.name}"${a.snapshotCollectedAt ? ` (data of ${a.snapshotCollectedAt})` : ''}`;
}

export function describeDrift(previous: Assessment, current: Assessment, entries: readonly DriftEntry[]): string {
  const lines = [`Drift from ${label(previous)} to ${label(current)}:`];
  if (entries.length === 0) lines.push('  no recommendation changed its result or resources');
  for (const entry of entries) {
    const counts = (['added', 'removed', 'changed'] as const)
      .map((kind) => [kind, entry.resources.filter((r) => r.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    lines.push(`  ${entry.recId.padEnd(6)} ${entry.source.padEnd(11)} ${(entry.before ?? 'none').padEnd(6)} → ${(entry.after ?? 'none').padEnd(6)} ${counts}`);
    for (const change of entry.resources) lines.push(`           ${MARK[change.kind]} ${describeResourceChange(change)}`);
  }
  if (entries.length > 0) lines.push(`${entries.length} recommendation${entries.length === 1 ? '' : 's'} drifted.`);
  return lines.join('\n') + '\n';
}

export function registerDrift(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('drift')
    .description('list the recommendations whose results or resources changed since the assessment this one was carried from')
    .argument('<id>', 'the assessment id (see assay list)')
    .option('--against <other>', 'compare with this assessment instead of the one it was carried from')
    .option('--json', 'machine-readable output: {"from", "to", "drift": [...]}')
    .action(async (idText: string, options: DriftOptions, command: Command) => {
      const id = parseAssessmentId(idText);
      const againstId = options.against === undefined ? undefined : parseAssessmentId(options.against);
      await withService(command, (service) => {
        const current = service.getAssessment(id);
        const previousId = againstId ?? current.carriedFrom;
        if (previousId === undefined) {
          throw new InputError(`assessment ${id} was not carried forward from another; name one to compare with (--against ID)`);
        }
        const previous = service.getAssessment(previousId);
        const entries = computeDrift(service.getResults(previous.id), service.getResults(current.id));
        if (options.json) io.out(jsonText({ from: previous.id, to: current.id, drift: entries }));
        else io.out(describeDrift(previous, current, entries));
      });
    });
}
