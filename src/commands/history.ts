import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import type { DecisionEvent } from '../model.js';
import { parseAssessmentId, type HistoryVerification } from '../service.js';

function change(event: DecisionEvent): string {
  const from = event.before?.status ?? 'undecided';
  const to = event.after.carriedFrom ? `${event.after.status} (carried from assessment ${event.after.carriedFrom.assessmentId})` : event.after.status;
  return `${from} → ${to}`;
}

function printEvents(io: Io, events: DecisionEvent[]): void {
  if (events.length === 0) {
    io.out('no decisions recorded yet\n');
    return;
  }
  io.out(`${'seq'.padStart(4)}  ${'when (UTC)'.padEnd(24)}  ${'who'.padEnd(16)}  ${'rec'.padEnd(7)}  change\n`);
  for (const event of events) {
    io.out(`${String(event.seq).padStart(4)}  ${event.at.padEnd(24)}  ${event.actor.padEnd(16)}  ${event.recId.padEnd(7)}  ${change(event)}\n`);
    if (event.after.justification) io.out(`${' '.repeat(6)}“${event.after.justification.replace(/\s+/g, ' ')}”\n`);
    io.out(`${' '.repeat(6)}hash ${event.hash}  prev ${event.prevHash.slice(0, 16)}…\n`);
  }
}

function printVerification(io: Io, result: HistoryVerification, head: string | undefined): void {
  if (result.intact) {
    io.out(`history intact: ${result.events} event${result.events === 1 ? '' : 's'}, every hash and link checked${head ? `, head ${head}` : ''}\n`);
    return;
  }
  io.out(`history NOT intact: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.events} stored events\n`);
  for (const problem of result.problems) {
    io.out(`  position ${problem.position}${problem.seq !== undefined ? ` (seq ${problem.seq})` : ''}: ${problem.kind} — ${problem.detail}\n`);
  }
}

export function registerHistory(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('history')
    .description('print the hash-chained decision history of an assessment; --verify proves it intact (exit 1 if not)')
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('[rec]', 'only this recommendation\'s events')
    .option('--verify', 're-hash the whole chain and report any edited, deleted or inserted row by position')
    .option('--json', 'machine-readable output')
    .action(async (idText: string, recId: string | undefined, options: { verify?: boolean; json?: boolean }, command: Command) => {
      const id = parseAssessmentId(idText);
      await withService(command, (service) => {
        const events = service.history(id, recId);
        const verification = options.verify ? service.verifyHistory(id) : undefined;
        if (options.json) {
          io.out(jsonText({ assessmentId: id, events, ...(verification ? { verification } : {}) }));
        } else {
          printEvents(io, events);
          if (verification) printVerification(io, verification, service.history(id).at(-1)?.hash);
        }
        if (verification && !verification.intact) setExit(1);
      });
    });
}
