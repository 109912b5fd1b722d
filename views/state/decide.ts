/**
 * The decision form: status, justification, risk rating and its reasons, mitigation, owner, approver and expiry.
 * The reducer is pure; `formProblems` says why the form will not save, with the same rules the
 * service applies (the service stays the authority: its refusal is shown as well).
 */
import type { AssessmentType, CheckStatus, RiskDefaults } from '../../checks/types.js';
import { isoDay } from '../../src/expiry.js';
import { DECISION_STATUSES, type Decision, type DecisionInput } from '../../src/model.js';
import { dueDate, IMPACT_LABELS, LIKELIHOOD_LABELS, MITIGATION_TYPES, riskLevel, riskScore, type MitigationType, type Rating, type RiskLevel } from '../../src/risk.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';

export type Status = (typeof DECISION_STATUSES)[number];

export interface DecideTarget {
  recId: string;
  title: string;
  assessment: AssessmentType;
  automated: CheckStatus | 'none';
  decision?: Decision;
  risk: RiskDefaults;
}

export type FieldId =
  | 'status'
  | 'justification'
  | 'likelihood'
  | 'likelihoodWhy'
  | 'impact'
  | 'impactWhy'
  | 'mitigation'
  | 'mitigationWhy'
  | 'owner'
  | 'approver'
  | 'expiresAt'
  | 'save';
export type TextFieldId = 'justification' | 'likelihoodWhy' | 'impactWhy' | 'mitigationWhy' | 'owner' | 'approver' | 'expiresAt';

export interface DecideValues {
  status: Status;
  likelihood: Rating;
  impact: Rating;
  mitigation: MitigationType;
  justification: TextField;
  likelihoodWhy: TextField;
  impactWhy: TextField;
  mitigationWhy: TextField;
  owner: TextField;
  approver: TextField;
  expiresAt: TextField;
}

export interface DecideState {
  targets: readonly DecideTarget[];
  /** YYYY-MM-DD: the decision date for the due date and the expiry check. */
  today: string;
  values: DecideValues;
  initial: DecideValues;
  focus: FieldId;
  /** Set when esc was pressed on a changed form: the question is showing. */
  confirmDiscard: boolean;
  /** The service's refusal of the last save. */
  refusal?: string;
}

export type DecideAction =
  | { type: 'focus'; by: 1 | -1 }
  | { type: 'focus-field'; field: FieldId }
  | { type: 'cycle'; by: 1 | -1 }
  | { type: 'key'; press: KeyPress }
  | { type: 'ask-discard' }
  | { type: 'keep-editing' }
  | { type: 'refused'; message: string };

const TEXT_FIELDS: readonly FieldId[] = ['justification', 'likelihoodWhy', 'impactWhy', 'mitigationWhy', 'owner', 'approver', 'expiresAt'];
const NEEDS_JUSTIFICATION: readonly Status[] = ['fail', 'exception', 'not_applicable'];

export function isTextField(field: FieldId): field is TextFieldId {
  return TEXT_FIELDS.includes(field);
}

/** The fields the status asks for, top to bottom. */
export function fieldsFor(status: Status): FieldId[] {
  switch (status) {
    case 'pass':
    case 'not_applicable':
      return ['status', 'justification', 'save'];
    case 'fail':
      return ['status', 'justification', 'likelihood', 'likelihoodWhy', 'impact', 'impactWhy', 'mitigation', 'mitigationWhy', 'owner', 'save'];
    case 'exception':
      return ['status', 'justification', 'likelihood', 'likelihoodWhy', 'impact', 'impactWhy', 'mitigation', 'mitigationWhy', 'owner', 'approver', 'expiresAt', 'save'];
  }
}

function startValues(targets: readonly DecideTarget[], status: Status | undefined): DecideValues {
  const first = targets[0];
  // A single recommendation starts from its decision (an expired or carried one included).
  const existing = targets.length === 1 && first?.decision && first.decision.status !== 'undecided' ? first.decision : undefined;
  const chosen: Status = status ?? (existing?.status as Status | undefined) ?? 'pass';
  const defaults = first?.risk ?? { likelihood: 2, impact: 2, mitigation: 'reduction' as const, mitigationWhy: '' };
  const mitigation = existing?.mitigation ?? (chosen === 'exception' ? 'acceptance' : defaults.mitigation);
  return {
    status: chosen,
    likelihood: existing?.likelihood ?? defaults.likelihood,
    impact: existing?.impact ?? defaults.impact,
    mitigation,
    justification: textField(existing?.justification ?? ''),
    likelihoodWhy: textField(existing?.likelihoodWhy ?? ''),
    impactWhy: textField(existing?.impactWhy ?? ''),
    mitigationWhy: textField(existing?.mitigationWhy ?? (mitigation === defaults.mitigation ? defaults.mitigationWhy : '')),
    owner: textField(existing?.owner ?? ''),
    approver: textField(existing?.approver ?? ''),
    expiresAt: textField(existing?.expiresAt ?? ''),
  };
}

export function initialDecide(targets: readonly DecideTarget[], today: Date, status?: Status): DecideState {
  const values = startValues(targets, status);
  // The cursor starts where typing is needed: the justification.
  return { targets, today: isoDay(today), values, initial: values, focus: 'justification', confirmDiscard: false };
}

function snapshotOf(values: DecideValues): string {
  const { justification, likelihoodWhy, impactWhy, mitigationWhy, owner, approver, expiresAt, ...choices } = values;
  return JSON.stringify({ ...choices, t: [justification, likelihoodWhy, impactWhy, mitigationWhy, owner, approver, expiresAt].map((f) => f.value) });
}

export function isDirty(state: DecideState): boolean {
  return snapshotOf(state.values) !== snapshotOf(state.initial);
}

function cycleOf<T>(list: readonly T[], current: T, by: 1 | -1): T {
  const i = list.indexOf(current);
  return list[(i + by + list.length) % list.length] as T;
}

const RATINGS: readonly Rating[] = [1, 2, 3, 4];

function cycleValue(state: DecideState, by: 1 | -1): DecideState {
  const v = state.values;
  switch (state.focus) {
    case 'status': {
      const status = cycleOf(DECISION_STATUSES, v.status, by);
      const fields = fieldsFor(status);
      const mitigation = status === 'exception' && !isDirtyChoice(state, 'mitigation') ? 'acceptance' : v.mitigation;
      return { ...state, values: { ...v, status, mitigation }, focus: fields.includes(state.focus) ? state.focus : 'status' };
    }
    case 'likelihood':
      return { ...state, values: { ...v, likelihood: cycleOf(RATINGS, v.likelihood, by) } };
    case 'impact':
      return { ...state, values: { ...v, impact: cycleOf(RATINGS, v.impact, by) } };
    case 'mitigation':
      return { ...state, values: { ...v, mitigation: cycleOf(MITIGATION_TYPES, v.mitigation, by) } };
    default:
      return state;
  }
}

function isDirtyChoice(state: DecideState, field: 'mitigation'): boolean {
  return state.values[field] !== state.initial[field];
}

export function decideReducer(state: DecideState, action: DecideAction): DecideState {
  switch (action.type) {
    case 'focus': {
      const fields = fieldsFor(state.values.status);
      const i = fields.indexOf(state.focus);
      return { ...state, focus: fields[Math.max(0, Math.min(fields.length - 1, i + action.by))] ?? 'status' };
    }
    case 'focus-field':
      return fieldsFor(state.values.status).includes(action.field) ? { ...state, focus: action.field } : state;
    case 'cycle':
      return cycleValue(state, action.by);
    case 'key': {
      const { focus } = state;
      if ((focus === 'likelihood' || focus === 'impact') && /^[1-4]$/.test(action.press.name)) {
        return { ...state, values: { ...state.values, [focus]: Number(action.press.name) as Rating } };
      }
      if (!isTextField(focus)) return state;
      const edited = editField(state.values[focus], action.press, focus === 'justification');
      return edited ? { ...state, values: { ...state.values, [focus]: edited }, refusal: undefined } : state;
    }
    case 'ask-discard':
      return { ...state, confirmDiscard: true };
    case 'keep-editing':
      return { ...state, confirmDiscard: false };
    case 'refused':
      return { ...state, refusal: action.message };
  }
}

/** Whether the focused field takes typed text (then printable keys are text, not commands). */
export function isTyping(state: DecideState): boolean {
  return isTextField(state.focus);
}

export interface RiskPreview {
  level: RiskLevel;
  score: number;
  due: string;
  likelihoodLabel: string;
  impactLabel: string;
}

export function riskPreview(state: DecideState): RiskPreview {
  const { likelihood, impact } = state.values;
  const level = riskLevel(likelihood, impact);
  return {
    level,
    score: riskScore(likelihood, impact),
    // An exception is reviewed when it expires; a failure is due within its level's window.
    due: state.values.status === 'exception' && isRealDay(state.values.expiresAt.value.trim()) ? state.values.expiresAt.value.trim() : dueDate(new Date(`${state.today}T00:00:00Z`), level),
    likelihoodLabel: LIKELIHOOD_LABELS[likelihood - 1] ?? '',
    impactLabel: IMPACT_LABELS[impact - 1] ?? '',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return DAY.test(text) && !Number.isNaN(parsed.getTime()) && isoDay(parsed) === text;
}

/** Why the form will not save, in the service's words of its rules; empty when it will. */
export function formProblems(state: DecideState): string[] {
  const v = state.values;
  const problems: string[] = [];
  if (!v.justification.value.trim()) {
    if (NEEDS_JUSTIFICATION.includes(v.status)) problems.push(`${v.status === 'exception' ? 'an exception' : v.status === 'fail' ? 'a fail' : 'a not applicable'} decision needs a justification`);
    else {
      const manual = state.targets.filter((t) => t.assessment === 'manual').map((t) => t.recId);
      if (manual.length > 0) problems.push(`${manual.join(', ')} ${manual.length === 1 ? 'is a manual recommendation: it needs' : 'are manual: they need'} a justification`);
    }
  }
  if (v.status === 'exception') {
    if (!v.approver.value.trim()) problems.push('an exception needs an approver');
    const expires = v.expiresAt.value.trim();
    if (!expires) problems.push('an exception needs an expiry date (YYYY-MM-DD)');
    else if (!isRealDay(expires)) problems.push(`expiry "${expires}" is not a date as YYYY-MM-DD`);
    else if (expires <= state.today) problems.push(`the expiry ${expires} must be after today (${state.today})`);
  }
  return problems;
}

/** Advice that does not block saving: a pass over a failing automated result deserves a reason. */
export function formAdvice(state: DecideState): string | undefined {
  if (state.values.status !== 'pass' || state.values.justification.value.trim()) return undefined;
  const overridden = state.targets.filter((t) => t.automated === 'fail' || t.automated === 'error').map((t) => t.recId);
  return overridden.length > 0 ? `the automated result of ${overridden.join(', ')} is not a pass: say why you judge it a pass` : undefined;
}

/** The decision to send to the service (approver and expiry only for exceptions). */
export function toInput(state: DecideState): Omit<DecisionInput, 'recId'> {
  const v = state.values;
  const base = { status: v.status, justification: v.justification.value.trim() };
  if (v.status === 'pass' || v.status === 'not_applicable') return base;
  const risk = {
    ...base,
    likelihood: v.likelihood,
    impact: v.impact,
    ...(v.likelihoodWhy.value.trim() ? { likelihoodWhy: v.likelihoodWhy.value.trim() } : {}),
    ...(v.impactWhy.value.trim() ? { impactWhy: v.impactWhy.value.trim() } : {}),
    mitigation: v.mitigation,
    ...(v.mitigationWhy.value.trim() ? { mitigationWhy: v.mitigationWhy.value.trim() } : {}),
    ...(v.owner.value.trim() ? { owner: v.owner.value.trim() } : {}),
  };
  if (v.status !== 'exception') return risk;
  return { ...risk, approver: v.approver.value.trim(), expiresAt: v.expiresAt.value.trim() };
}

/**
 * Whether a quick key can record the decision at once, or must open the form: the service's
 * rules need a justification for fail, exception, not applicable and manual recommendations, and
 * a pass over a failing automated result is worth one too.
 */
export function quickDecisionNeedsForm(status: Status, targets: readonly DecideTarget[]): boolean {
  if (status !== 'pass') return true;
  return targets.some((t) => t.assessment === 'manual' || t.automated === 'fail' || t.automated === 'error');
}

/** A decision as it stands, to record again: confirming a carried decision keeps its dates. */
export function sameDecision(decision: Decision): Omit<DecisionInput, 'recId'> {
  const { recId: _recId, decidedBy: _by, decidedAt: _at, riskLevel: _level, carriedFrom: _from, ...input } = decision;
  return input;
}
