import type { Command } from 'commander';
import { checkAccounts } from '../account-guard.js';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { describeImport, readScannerFile } from '../import/index.js';
import { parseAssessmentId } from '../service.js';

interface ImportOptions {
  force?: boolean;
  json?: boolean;
}

const SOURCE_NAMES = { prowler: 'Prowler', securityhub: 'Security Hub' } as const;

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
      const outcome = readScannerFile(file);
      await withService(command, (service) => {
        const assessment = service.getAssessment(id);
        const warnings = checkAccounts(assessment, outcome.accounts, file, options.force);
        const replaced = service.getResults(id).filter((r) => r.source === outcome.source).length;
        service.storeResults(id, outcome.results, outcome.source);
        for (const warning of warnings) io.err(`${warning}\n`);
        if (options.json) {
          const { results: _results, ...report } = outcome;
          io.out(jsonText({ assessment: id, replaced, ...report }));
          return;
        }
        io.out(describeImport(outcome));
        const name = SOURCE_NAMES[outcome.source];
        io.out(
          `Stored as ${name} results in assessment ${id}${replaced > 0 ? `, replacing the ${replaced} from the previous ${name} import` : ''}. ` +
            "Assay's own results and the assessor's decisions are unchanged.\n",
        );
      });
    });
}
