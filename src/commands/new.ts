import { basename } from 'node:path';
import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { withService } from './common.js';
import { loadDemoSnapshot } from '../demo.js';
import { InputError } from '../errors.js';
import { parseAssessmentId, type NewAssessmentInput } from '../service.js';
import { carryForward, describeCarry } from '../carry.js';
import { checkMaxExceptionDays, DEFAULT_MAX_EXCEPTION_DAYS } from '../decision-rules.js';
import { readSnapshotFile } from '../snapshot.js';

/** The options of `assay new`; each source of data is one optional flag. */
export interface NewOptions {
  name: string;
  snapshot?: string;
  demo?: boolean;
  from?: string;
  force?: boolean;
  maxExceptionDays?: string;
}

/** What to create from the flags: at most one data source, named in `source`. */
export function newAssessmentInput(options: NewOptions): NewAssessmentInput {
  if (options.snapshot !== undefined && options.demo) throw new InputError('give either --snapshot FILE or --demo, not both');
  if (options.demo) return { name: options.name, source: 'demo', snapshot: loadDemoSnapshot() };
  if (options.snapshot !== undefined) {
    return { name: options.name, source: `snapshot:${basename(options.snapshot)}`, snapshot: readSnapshotFile(options.snapshot) };
  }
  return { name: options.name, source: 'none' };
}

export function registerNew(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('new')
    .description('create an assessment (scanning the snapshot if one is given) and print its id')
    .requiredOption('--name <name>', 'a name for the assessment, e.g. "Northwind prod Q4"')
    .option('--snapshot <file>', 'an assay.snapshot/v1 file to scan into it')
    .option('--demo', 'scan the bundled demo account into it')
    .option('--from <id>', 'carry exceptions in force and manual decisions over from this earlier assessment (its snapshot unless one is given)')
    .option('--force', 'with --from: accept a new snapshot of a different account')
    .option('--max-exception-days <days>', `the longest an exception may run, in days after its decision (default ${DEFAULT_MAX_EXCEPTION_DAYS})`)
    .action(async (options: NewOptions, command: Command) => {
      // Checked before anything is created, so a bad limit leaves no half-made assessment.
      const limit = options.maxExceptionDays === undefined ? undefined : checkMaxExceptionDays(options.maxExceptionDays);
      if (typeof limit === 'string') throw new InputError(`${limit} (--max-exception-days)`);
      const input = newAssessmentInput(options);
      if (options.force && options.from === undefined) throw new InputError('--force applies with --from ID only');
      await withService(command, (service) => {
        if (options.from !== undefined) {
          const outcome = carryForward(service, parseAssessmentId(options.from), input, { force: options.force });
          if (limit !== undefined) service.setMaxExceptionDays(outcome.assessment.id, limit);
          io.err(describeCarry(outcome));
          io.out(`${outcome.assessment.id}\n`);
          return;
        }
        const assessment = service.createAssessment(input);
        if (limit !== undefined) service.setMaxExceptionDays(assessment.id, limit);
        const scanned = input.snapshot ? `, ${service.getResults(assessment.id).length} results from ${assessment.source}` : '';
        io.err(`created assessment ${assessment.id} "${assessment.name}"${assessment.account ? ` for account ${assessment.account}` : ''}${scanned}\n`);
        io.out(`${assessment.id}\n`);
      });
    });
}
