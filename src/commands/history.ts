import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { isDecisionEvent, type DecisionEvent, type HistoryEvent } from '../model.js';
import { formatBytes, parseAssessmentId, type HistoryVerification } from '../service.js';
import { STATE_WORDS } from '../states.js';

function decisionChange(event: DecisionEvent): string {
  const from = STATE_WORDS[event.before?.status ?? 'undecided'];
  const after = event.after;
  const overrides = after.overrides ? ` (overrides automated ${after.overrides})` : '';
  const carried = after.carriedFrom ? ` (carried from assessment ${after.carriedFrom.assessmentId})` : '';
  return `${from} → ${STATE_WORDS[after.status]}${overrides}${carried}`;
}

/** The change column, and the quoted text under it (a justification, a note, a reason). */
function change(event: HistoryEvent): { what: string; text?: string } {
  if (isDecisionEvent(event)) return { what: decisionChange(event), text: event.after.justification || undefined };
  if (event.kind === 'scan') {
    const s = event.snapshot;
    return { what: `scanned ${s.source}: snapshot of ${s.collectedAt}, SHA-256 ${s.sha256}${s.originalSha256 ? ` (as collected ${s.originalSha256})` : ''}` };
  }
  const e = event.evidence;
  const file = `${e.name} (${formatBytes(e.size)}, SHA-256 ${e.sha256})`;
  return event.kind === 'attach' ? { what: `attached ${file}`, text: e.note } : { what: `detached ${file}; bytes kept`, text: event.reason };
}

function printEvents(io: Io, events: HistoryEvent[]): void {
  if (events.length === 0) {
    io.out('nothing recorded yet\n');
    return;
  }
  io.out(`${'seq'.padStart(4)}  ${'when (UTC)'.padEnd(24)}  ${'who'.padEnd(16)}  ${'rec'.padEnd(7)}  change\n`);
  for (const event of events) {
    const { what, text } = change(event);
    io.out(`${String(event.seq).padStart(4)}  ${event.at.padEnd(24)}  ${event.actor.padEnd(16)}  ${(event.recId || '—').padEnd(7)}  ${what}\n`);
    if (text) io.out(`${' '.repeat(6)}“${text.replace(/\s+/g, ' ')}”\n`);
    io.out(`${' '.repeat(6)}hash ${event.hash}  prev ${event.prevHash.slice(0, 16)}…\n`);
  }
}

function printVerification(io: Io, result: HistoryVerification, head: string | undefined): void {
  if (result.intact) {
    io.out(`history intact: ${result.events} event${result.events === 1 ? '' : 's'}, every hash and link checked${head ? `, head ${head}` : ''}\n`);
  } else {
    io.out(`history NOT intact: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.events} stored events\n`);
    for (const problem of result.problems) {
      io.out(`  position ${problem.position}${problem.seq !== undefined ? ` (seq ${problem.seq})` : ''}: ${problem.kind} — ${problem.detail}\n`);
    }
  }
  for (const note of result.notBound ?? []) io.out(`  ${note}\n`);
}

export function registerHistory(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('history')
    .description('print the hash-chained history of an assessment (decisions, attachments, scans); --verify proves it intact (exit 1 if not)')
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('[rec]', 'only this recommendation\'s events')
    .option('--verify', 're-hash the whole chain, report any edited, deleted, inserted or moved row by position, and check the attachments and the stored snapshot against it')
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
