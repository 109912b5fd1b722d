import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { applyImport, describeStored } from '../import/apply.js';
import { describeImport, readScannerFile } from '../import/index.js';
import { parseAssessmentId } from '../service.js';

interface ImportOptions {
  force?: boolean;
  json?: boolean;
}

export function registerImport(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('import')
    .description('add scanner findings to an assessment: Prowler CSV or OCSF JSON, or Security Hub ASFF (format detected from the content)')
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('<file>', 'a Prowler CSV / OCSF JSON file, or `aws securityhub get-findings` output')
    .option('--force', 'accept a file about a different AWS account than the assessment\'s')
    .option('--json', 'machine-readable report of what was mapped and what was not')
    .action(async (idText: string, file: string, options: ImportOptions, command: Command) => {
      const id = parseAssessmentId(idText);
      // Parsed before the database opens: a bad file changes nothing.
      const parsed = readScannerFile(file);
      await withService(command, (service) => {
        const applied = applyImport(service, id, parsed, options.force);
        for (const warning of applied.warnings) io.err(`${warning}\n`);
        if (options.json) {
          const { results: _results, ...report } = applied.outcome;
          io.out(jsonText({ assessment: id, replaced: applied.replaced, ...report }));
          return;
        }
        io.out(describeImport(applied.outcome));
        io.out(`${describeStored(applied, id)}\n`);
      });
    });
}
