import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { withService } from './common.js';
import { formatBytes, MAX_ATTACHMENT_BYTES, parseAssessmentId } from '../service.js';
import { evidenceSecrets } from '../secrets.js';
import { warnSecrets } from './secrets.js';

export function registerAttach(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('attach')
    .description(`store a file as evidence for a recommendation and print its SHA-256 (files up to ${formatBytes(MAX_ATTACHMENT_BYTES)})`)
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('<rec>', 'the recommendation id, e.g. 2.9')
    .argument('<file>', 'the file to attach')
    .option('--note <text>', 'a line on what the file shows')
    .option('--replace <sha256>', 'detach this earlier attachment of the recommendation (its SHA-256, or the first digits) in the same step, e.g. a redacted copy replacing a file that held a credential; packs leave the old file out, the database keeps its bytes')
    .action(async (idText: string, recId: string, file: string, options: { note?: string; replace?: string }, command: Command) => {
      const id = parseAssessmentId(idText);
      await withService(command, (service) => {
        const record = service.attach(id, recId, file, options.note, options.replace === undefined ? {} : { replaces: options.replace });
        io.out(`${record.sha256}  ${record.name}\n`);
        io.err(`attached to ${record.recId} of assessment ${id}: ${formatBytes(record.size)}, ${record.mediaType}${options.replace ? `, replacing ${options.replace}` : ''}\n`);
        warnSecrets(io, id, evidenceSecrets(service, record));
      });
    });
}
