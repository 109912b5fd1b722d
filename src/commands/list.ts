import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import type { AssessmentSummary } from '../service.js';

function exceptionsCell(summary: AssessmentSummary): string {
  const parts = [`${summary.openExceptions} open`];
  if (summary.expiringExceptions > 0) parts.push(`${summary.expiringExceptions} expiring`);
  if (summary.expiredExceptions > 0) parts.push(`${summary.expiredExceptions} expired`);
  return parts.join(', ');
}

export function registerList(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('list')
    .description('list the assessments in the database with their progress')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withService(command, (service) => {
        const summaries = service.listAssessments();
        if (options.json) {
          io.out(jsonText({ database: service.dbPath, assessments: summaries }));
          return;
        }
        if (summaries.length === 0) {
          io.out(`no assessments in ${service.dbPath}; create one with: assay new --name NAME --demo\n`);
          return;
        }
        io.out(`${'id'.padStart(4)}  ${'name'.padEnd(28)}  ${'account'.padEnd(12)}  ${'created'.padEnd(10)}  ${'decided'.padStart(7)}  exceptions\n`);
        for (const summary of summaries) {
          const { assessment } = summary;
          io.out(
            `${String(assessment.id).padStart(4)}  ${assessment.name.slice(0, 28).padEnd(28)}  ${(assessment.account || '—').padEnd(12)}  ${assessment.createdAt.slice(0, 10)}  ${`${summary.decided}/${summary.total}`.padStart(7)}  ${exceptionsCell(summary)}\n`,
          );
        }
      });
    });
}
