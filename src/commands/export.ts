import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { withService } from './common.js';
import { InputError } from '../errors.js';
import { formatBytes, parseAssessmentId } from '../service.js';
import { exportPack } from '../../evidence/export.js';

/** `--as-of`: a YYYY-MM-DD day (its start, UTC), an ISO-8601 time with a zone, or `now`. */
export function parseAsOf(text: string): Date {
  const value = text.trim();
  if (value === 'now') return new Date();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const parsed = new Date(day ? `${value}T00:00:00Z` : value);
  if ((!day && !time) || Number.isNaN(parsed.getTime())) {
    throw new InputError(`invalid --as-of "${text}"; expected YYYY-MM-DD, an ISO-8601 time with a zone (2026-11-21T10:00:00Z) or "now"`);
  }
  return parsed;
}

export function registerExport(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('export')
    .description('write the evidence pack of an assessment: report, risk cards, schedule, exceptions, OSCAL, history, snapshot, attachments and checksums')
    .argument('<id>', 'the assessment id (see assay list)')
    .requiredOption('--out <file>', 'the zip file to write (replaced if it exists)')
    .option('--sign <key>', 'sign SHA256SUMS with this minisign secret key (see assay keygen)')
    .option(
      '--as-of <time>',
      'judge expiry and due dates at this time and record it as the export time (default: the latest change recorded in the assessment, so exporting again gives the same bytes)',
    )
    .action(async (idText: string, options: { out: string; sign?: string; asOf?: string }, command: Command) => {
      const id = parseAssessmentId(idText);
      const now = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
      await withService(command, async (service) => {
        const result = await exportPack(service, id, options.out, { ...(options.sign ? { signKey: options.sign } : {}), ...(now ? { now } : {}) });
        io.out(`wrote ${result.path}: ${result.files} files, ${formatBytes(result.bytes)}${options.sign ? ', signed' : ''}\n`);
      });
    });
}
