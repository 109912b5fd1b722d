import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText, withService } from './common.js';
import { InputError } from '../errors.js';
import { assessmentSecrets, describeFindings, secretAdvice, type SecretFinding, type SecretWarning } from '../secrets.js';
import { parseAssessmentId } from '../service.js';

function withArticle(label: string): string {
  if (label.startsWith('the ')) return label;
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** Warnings printed at decide and attach time: stored, but not yet fit for a pack. */
export function warnSecrets(io: Io, id: number, warnings: readonly SecretWarning[]): void {
  if (warnings.length === 0) return;
  for (const { where, hit } of warnings) io.err(`warning: ${where}: looks like ${withArticle(hit.label)} [${hit.id}]\n`);
  io.err(`stored as given, but assay export ${id} refuses it until it is dealt with: ${secretAdvice(id)}\n`);
}

function describeFinding(finding: SecretFinding): string {
  const lines = describeFindings([finding]).map((line) => `${line}\n`);
  if (finding.kept) lines.push(`  kept by ${finding.kept.keptBy} at ${finding.kept.keptAt}: ${finding.kept.reason}\n`);
  else if (!finding.keepable) lines.push('  the environment\'s own credential: never packed, remove it\n');
  return lines.join('');
}

export function registerSecrets(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('secrets')
    .description('list what looks like a credential in an assessment\'s texts and attachments (exit 1 while any is not dealt with), or keep one on purpose')
    .argument('<id>', 'the assessment id (see assay list)')
    .option('--keep <finding>', 'the finding (its id in brackets) to let into packs: it is no credential, or it has been revoked')
    .option('--reason <text>', 'with --keep: why, recorded with who and when')
    .option('--json', 'machine-readable output')
    .action(async (idText: string, options: { keep?: string; reason?: string; json?: boolean }, command: Command) => {
      const id = parseAssessmentId(idText);
      if (options.reason !== undefined && options.keep === undefined) throw new InputError('--reason goes with --keep FINDING');
      await withService(command, (service) => {
        let findings = assessmentSecrets(service, id);
        if (options.keep !== undefined) {
          const wanted = options.keep.trim().toLowerCase();
          const finding = findings.find((f) => f.id === wanted);
          if (!finding) {
            const open = findings.filter((f) => !f.kept).map((f) => f.id);
            throw new InputError(`no finding ${options.keep} in assessment ${id}; ${open.length > 0 ? `open findings: ${open.join(', ')}` : 'none is open'}`);
          }
          if (!finding.keepable) throw new InputError(`finding ${finding.id} is ${finding.label}: it never goes into a pack; remove it instead`);
          if (finding.kept) throw new InputError(`finding ${finding.id} is kept already (by ${finding.kept.keptBy} at ${finding.kept.keptAt}: ${finding.kept.reason})`);
          service.keepSecret(id, finding, options.reason ?? '');
          findings = assessmentSecrets(service, id);
        }
        const open = findings.filter((f) => !f.kept);
        if (options.json) io.out(jsonText(findings));
        else if (findings.length === 0) io.out(`nothing in assessment ${id} looks like a credential\n`);
        else {
          io.out(findings.map(describeFinding).join(''));
          io.err(`${open.length} of ${findings.length} not dealt with${open.length > 0 ? `: ${secretAdvice(id)}` : ''}\n`);
        }
        // Listing is a check (exit 1 while any is open); keeping one is a change that succeeded.
        if (open.length > 0 && options.keep === undefined) setExit(1);
      });
    });
}
