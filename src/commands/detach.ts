import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { withService } from './common.js';
import { parseAssessmentId } from '../service.js';

export function registerDetach(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('detach')
    .description('take an attachment off a recommendation (attached by mistake, superseded): recorded in the history with who, when and why; the stored bytes are kept, packs leave the file out')
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('<rec>', 'the recommendation id, e.g. 2.9')
    .argument('<sha256>', 'the attachment\'s SHA-256, or its first digits (at least 6), as `assay attach` printed it')
    .requiredOption('--reason <text>', 'why it is taken off, e.g. "attached by mistake"')
    .action(async (idText: string, recId: string, sha256: string, options: { reason: string }, command: Command) => {
      const id = parseAssessmentId(idText);
      await withService(command, (service) => {
        const record = service.detachEvidence(id, recId, sha256, options.reason);
        io.out(`${record.sha256}  ${record.name}\n`);
        io.err(`detached from ${record.recId} of assessment ${id}; its bytes stay stored and the history records it (see assay history ${id} ${record.recId})\n`);
      });
    });
}
