import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { collectScript } from '../collect/script.js';

export function registerCollectScript(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('collect-script')
    .description('print a POSIX sh script (AWS CLI v2 + jq, e.g. for AWS CloudShell) that writes the same snapshot as assay collect')
    .addHelpText(
      'after',
      '\nExample:\n  assay collect-script > assay-collect.sh\n  # in CloudShell: sh assay-collect.sh assay-snapshot.json, then download the file\n  assay scan --snapshot assay-snapshot.json',
    )
    .action(() => {
      io.out(collectScript());
    });
}
