import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { withService } from './common.js';
import { InputError } from '../errors.js';
import { DECISION_STATUSES, type Decision, type DecisionStatus } from '../model.js';
import { MITIGATION_TYPES, type MitigationType, type Rating } from '../risk.js';
import { parseAssessmentId } from '../service.js';
import { decisionSecrets, maskSecrets } from '../secrets.js';
import { warnSecrets } from './secrets.js';

interface DecideOptions {
  status: string;
  justification?: string;
  likelihood?: string;
  impact?: string;
  likelihoodWhy?: string;
  impactWhy?: string;
  mitigation?: string;
  mitigationWhy?: string;
  owner?: string;
  due?: string;
  expires?: string;
  approver?: string;
}

function parseRating(what: string, text: string | undefined): Rating | undefined {
  if (text === undefined) return undefined;
  const value = text.trim();
  if (!/^[1-4]$/.test(value)) throw new InputError(`invalid ${what} "${text}"; accepted: 1, 2, 3, 4`);
  return Number(value) as Rating;
}

/** Longer reasons would swamp the one-line summary; they stay in the store, history and pack. */
const SHORT_REASON = 40;

function rated(what: string, rating: Rating | undefined, why: string | undefined): string {
  return `${what} ${rating}${why && why.length <= SHORT_REASON ? ` — ${why}` : ''}`;
}

export function describeDecision(decision: Decision): string {
  const parts: string[] = [decision.status];
  if (decision.riskLevel) {
    parts.push(`risk ${decision.riskLevel} (${rated('likelihood', decision.likelihood, decision.likelihoodWhy)} × ${rated('impact', decision.impact, decision.impactWhy)})`);
  }
  if (decision.dueDate) parts.push(`due ${decision.dueDate}`);
  if (decision.status === 'exception') parts.push(`approved by ${decision.approver}, expires ${decision.expiresAt}`);
  if (decision.owner) parts.push(`owner ${decision.owner}`);
  return parts.join(', ');
}

export function registerDecide(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('decide')
    .description('record the assessor\'s decision on one or more recommendations (the same decision for each)')
    .argument('<id>', 'the assessment id (see assay list)')
    .argument('<rec...>', 'recommendation ids, e.g. 2.9')
    .requiredOption('--status <status>', `one of ${DECISION_STATUSES.join(', ')}`)
    .option('--justification <text>', 'why; required for manual recommendations, for fail, exception and not_applicable, and to go against the automated result')
    .option('--likelihood <1-4>', 'likelihood: 1 rare, 2 unlikely, 3 possible, 4 probable')
    .option('--impact <1-4>', 'impact: 1 low, 2 medium, 3 high, 4 very high')
    .option('--likelihood-why <text>', 'one line on why that likelihood (needs --likelihood and --impact)')
    .option('--impact-why <text>', 'one line on why that impact (needs --likelihood and --impact)')
    .option('--mitigation <type>', `one of ${MITIGATION_TYPES.join(', ')}`)
    .option('--mitigation-why <text>', 'one line on why that mitigation type fits')
    .option('--owner <name>', 'who fixes it')
    .option('--due <date>', 'due date YYYY-MM-DD (default: decision date + the risk level\'s window)')
    .option('--expires <date>', 'exceptions: expiry date YYYY-MM-DD, within the assessment\'s limit (assay new --max-exception-days, default 365)')
    .option('--approver <name>', 'exceptions: who approved the exception')
    .action(async (idText: string, recIds: string[], options: DecideOptions, command: Command) => {
      const id = parseAssessmentId(idText);
      const input = {
        status: options.status as DecisionStatus,
        justification: options.justification ?? '',
        likelihood: parseRating('likelihood', options.likelihood),
        impact: parseRating('impact', options.impact),
        likelihoodWhy: options.likelihoodWhy,
        impactWhy: options.impactWhy,
        mitigation: options.mitigation as MitigationType | undefined,
        mitigationWhy: options.mitigationWhy,
        owner: options.owner,
        dueDate: options.due,
        expiresAt: options.expires,
        approver: options.approver,
      };
      await withService(command, (service) => {
        const decisions = service.decideMany(id, recIds, input);
        for (const decision of decisions) {
          io.out(maskSecrets(`${decision.recId}: ${describeDecision(decision)} — recorded by ${decision.decidedBy}\n`));
        }
        warnSecrets(io, id, decisionSecrets(service, id, decisions));
      });
    });
}
