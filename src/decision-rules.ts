/**
 * The decision rules, in one place: what a decision needs before it is recorded (justification,
 * rating, due date, approver, expiry) and what it is recorded as. Pure: the service applies them
 * before writing, and the TUI form applies the same ones to say why it will not save yet.
 */
import type { AssessmentType, CheckStatus } from '../checks/types.js';
import { isoDay } from './expiry.js';
import { DECISION_STATUSES, type Decision, type DecisionInput, type DecisionStatus } from './model.js';
import { dueDate, isRating, MITIGATION_TYPES, REMEDIATION_DAYS, riskLevel, type RiskLevel } from './risk.js';
import { isOverride, STATE_WORDS } from './states.js';
import { defined } from './store/rows.js';

/** How long an exception may run, in days after its decision, unless the assessment sets another limit. */
export const DEFAULT_MAX_EXCEPTION_DAYS = 365;
/** The longest limit an assessment may set: ten years. */
export const MAX_EXCEPTION_DAYS_LIMIT = 3650;

export type DecisionField = Exclude<keyof DecisionInput, 'recId'>;

export interface DecisionProblem {
  field: DecisionField;
  message: string;
}

/** What a rule needs to know beyond the input: when, by whom, what the data says, and the assessment's limit. */
export interface DecisionContext {
  at: Date;
  actor: string;
  /** The automated result of Assay's own scan of this recommendation, if any. */
  automated: CheckStatus | 'none' | undefined;
  maxExceptionDays: number;
}

/** The recommendation as the rules see it. */
export interface RuleTarget {
  id: string;
  assessment: AssessmentType;
}

export type DecisionCheck = { decision: Decision; problems?: undefined } | { decision?: undefined; problems: DecisionProblem[] };

/** The command-line option for each field, which the CLI's messages name. */
export const DECISION_FLAGS: Record<DecisionField, string> = {
  status: '--status',
  justification: '--justification TEXT',
  likelihood: '--likelihood 1-4 --impact 1-4',
  impact: '--likelihood 1-4 --impact 1-4',
  likelihoodWhy: '--likelihood-why TEXT',
  impactWhy: '--impact-why TEXT',
  mitigation: '--mitigation TYPE',
  mitigationWhy: '--mitigation-why TEXT',
  owner: '--owner NAME',
  dueDate: '--due YYYY-MM-DD',
  approver: '--approver NAME',
  expiresAt: '--expires YYYY-MM-DD',
};

const NEEDS_JUSTIFICATION: readonly DecisionStatus[] = ['fail', 'exception', 'not_applicable'];

/** "a fail decision", "an exception decision", "a not applicable decision". */
function aDecision(status: DecisionStatus): string {
  return `${status === 'exception' ? 'an' : 'a'} ${STATE_WORDS[status]} decision`;
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the text is a real day written as YYYY-MM-DD. */
export function isRealDay(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return DAY.test(text) && !Number.isNaN(parsed.getTime()) && isoDay(parsed) === text;
}

/** The day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** The last day an exception decided on `at` may run to. */
export function latestExpiry(at: Date, maxExceptionDays: number): string {
  return addDays(isoDay(at), maxExceptionDays);
}

/** A limit on exceptions as given (a flag, a setting): a whole number of days within 1–3650. */
export function checkMaxExceptionDays(value: number | string): number | string {
  const text = String(value).trim();
  const days = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_EXCEPTION_DAYS_LIMIT) {
    return `invalid exception limit "${String(value)}"; accepted: a whole number of days from 1 to ${MAX_EXCEPTION_DAYS_LIMIT}`;
  }
  return days;
}

/**
 * A decision's problems in words; `withFlags` adds the command-line option of each field, as
 * `assay decide` prints them.
 */
export function describeProblems(problems: readonly DecisionProblem[], withFlags: boolean): string {
  return problems.map((p) => (withFlags ? `${p.message} (${DECISION_FLAGS[p.field]})` : p.message)).join('; ');
}

/**
 * When a failure must be fixed: the end of its level's window, unless an earlier day is given;
 * a later one is refused (a longer timeline is an exception, with an approver). An exception is
 * due for review on its expiry date; pass and not applicable carry no due date.
 */
export function checkDueDate(
  status: DecisionStatus,
  given: string | undefined,
  level: RiskLevel | undefined,
  expiresAt: string | undefined,
  at: Date,
): { due?: string; problem?: DecisionProblem } {
  const due = given?.trim() || undefined;
  const problem = (message: string) => ({ problem: { field: 'dueDate' as const, message } });
  if (due !== undefined && !isRealDay(due)) return problem(`invalid due date "${given}"; expected a real date as YYYY-MM-DD`);
  if (status === 'exception') {
    if (due !== undefined && due !== expiresAt) return problem(`an exception is due for review on its expiry date (${expiresAt ?? 'not given'}); change the expiry instead of giving the due date ${due}`);
    return { due: expiresAt };
  }
  if (status !== 'fail') return {};
  const day = isoDay(at);
  if (due !== undefined && due < day) return problem(`the due date ${due} is before the decision date ${day}`);
  if (!level) return { due };
  const latest = dueDate(at, level);
  if (due !== undefined && due > latest) {
    return problem(`the due date ${due} is past the ${REMEDIATION_DAYS[level]}-day window of a ${level} risk (latest ${latest}); a longer timeline needs an exception with an approver`);
  }
  return { due: due ?? latest };
}

/**
 * Applies every decision rule to one input. Returns the decision to record, or each problem with
 * the field it is about (all of them, so a form can mark every field at once).
 */
export function checkDecision(input: DecisionInput, rec: RuleTarget, ctx: DecisionContext): DecisionCheck {
  const problems: DecisionProblem[] = [];
  const refuse = (field: DecisionField, message: string) => problems.push({ field, message });
  const status = input.status;
  if (!(DECISION_STATUSES as readonly string[]).includes(status)) {
    return { problems: [{ field: 'status', message: `unknown status "${status}"; accepted: ${DECISION_STATUSES.join(', ')}` }] };
  }
  const day = isoDay(ctx.at);
  const justification = input.justification?.trim() ?? '';
  const overrides = isOverride(status, ctx.automated) ? (ctx.automated as CheckStatus) : undefined;
  if (!justification) {
    if (NEEDS_JUSTIFICATION.includes(status)) refuse('justification', `a justification is required for ${aDecision(status)}`);
    else if (rec.assessment === 'manual') refuse('justification', `a justification is required for ${rec.id} (a manual recommendation)`);
    else if (overrides) refuse('justification', `a justification is required to ${status} ${rec.id}: its automated result is ${overrides}`);
  }

  const approver = input.approver?.trim() || undefined;
  let expiresAt: string | undefined;
  if (status === 'exception') {
    if (!approver) refuse('approver', 'an exception needs an approver');
    const expires = input.expiresAt?.trim();
    const latest = latestExpiry(ctx.at, ctx.maxExceptionDays);
    if (!expires) refuse('expiresAt', 'an exception needs an expiry date');
    else if (!isRealDay(expires)) refuse('expiresAt', `invalid expiry date "${input.expiresAt}"; expected a real date as YYYY-MM-DD`);
    else if (expires <= day) refuse('expiresAt', `the expiry date ${expires} must be after the decision date ${day}`);
    else if (expires > latest) {
      refuse('expiresAt', `the expiry date ${expires} is past this assessment's limit of ${ctx.maxExceptionDays} days for an exception (latest ${latest})`);
    } else expiresAt = expires;
  } else if (approver || input.expiresAt?.trim()) {
    refuse(approver ? 'approver' : 'expiresAt', `an approver and an expiry date belong to exceptions only, not to ${aDecision(status)}`);
  }

  const { likelihood, impact } = input;
  if ((likelihood === undefined) !== (impact === undefined)) refuse('likelihood', 'likelihood and impact go together: give both or neither');
  if (likelihood !== undefined && !isRating(likelihood)) refuse('likelihood', `invalid likelihood "${String(likelihood)}"; accepted: 1, 2, 3, 4`);
  if (impact !== undefined && !isRating(impact)) refuse('impact', `invalid impact "${String(impact)}"; accepted: 1, 2, 3, 4`);
  const rated = status === 'fail' || status === 'exception';
  if (!rated && (likelihood !== undefined || input.dueDate?.trim())) {
    refuse(likelihood !== undefined ? 'likelihood' : 'dueDate', `a risk rating and a due date belong to fail and exception decisions, not to ${aDecision(status)}`);
  }
  const likelihoodWhy = input.likelihoodWhy?.trim() || undefined;
  const impactWhy = input.impactWhy?.trim() || undefined;
  if ((likelihoodWhy || impactWhy) && likelihood === undefined) {
    refuse('likelihood', 'a reason for the likelihood or impact needs the rating itself');
  }
  const mitigation = input.mitigation;
  if (mitigation !== undefined && !(MITIGATION_TYPES as readonly string[]).includes(mitigation)) {
    refuse('mitigation', `unknown mitigation type "${String(mitigation)}"; accepted: ${MITIGATION_TYPES.join(', ')}`);
  }
  const level = isRating(likelihood) && isRating(impact) ? riskLevel(likelihood, impact) : undefined;
  const due = checkDueDate(status, input.dueDate, level, expiresAt, ctx.at);
  if (due.problem && (status !== 'exception' || expiresAt)) problems.push(due.problem);
  if (problems.length > 0) return { problems };

  const decision: Decision = {
    recId: rec.id,
    status,
    justification,
    likelihood,
    impact,
    likelihoodWhy,
    impactWhy,
    riskLevel: level,
    mitigation,
    mitigationWhy: input.mitigationWhy?.trim() || undefined,
    owner: input.owner?.trim() || undefined,
    dueDate: due.due,
    approver: status === 'exception' ? approver : undefined,
    expiresAt,
    decidedBy: ctx.actor,
    decidedAt: ctx.at.toISOString(),
    overrides,
  };
  return { decision: defined(decision) };
}

/**
 * Advice that does not block saving: a pass where the scan could not tell (an `error`) is worth
 * a reason. The quick keys open the form for it.
 */
export function decisionAdvice(status: DecisionStatus, justification: string, automatedByRec: readonly { id: string; automated: CheckStatus | 'none' }[]): string | undefined {
  if (status !== 'pass' || justification.trim()) return undefined;
  const unsure = automatedByRec.filter((t) => t.automated === 'error').map((t) => t.id);
  return unsure.length > 0 ? `the automated check of ${unsure.join(', ')} could not tell (error): say why you judge it a pass` : undefined;
}
