/**
 * The decision form: status, justification, risk rating and its reasons, mitigation, owner, due
 * date, approver and expiry, for one recommendation or a batch. The reducer is pure. Whether the
 * form will save is the decision rules' answer (`src/decision-rules.ts`), the same rules the
 * service applies when it records.
 *
 * In a batch every recommendation starts from its own values (its decision, else its catalogue
 * risk defaults); a field the auditor changes applies to all, the others keep each one's own.
 */
import type { AssessmentType, CheckStatus, RiskDefaults } from '../../checks/types.js';
import { checkDecision, checkDueDate, decisionAdvice, DEFAULT_MAX_EXCEPTION_DAYS, isRealDay, type DecisionProblem } from '../../src/decision-rules.js';
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
  | 'dueDate'
  | 'approver'
  | 'expiresAt'
  | 'save';
export type TextFieldId = 'justification' | 'likelihoodWhy' | 'impactWhy' | 'mitigationWhy' | 'owner' | 'dueDate' | 'approver' | 'expiresAt';
/** A field that holds a value (every field but the Save button). */
export type ValueField = Exclude<FieldId, 'save'>;

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
  dueDate: TextField;
  approver: TextField;
  expiresAt: TextField;
}

/** What a kept draft holds: the fields the auditor changed, with their values. */
export interface DraftBody {
  status: Status;
  changed: ValueField[];
  likelihood: Rating;
  impact: Rating;
  mitigation: MitigationType;
  text: Record<TextFieldId, string>;
}

export interface DecideState {
  targets: readonly DecideTarget[];
  /** YYYY-MM-DD: the decision date for the due date and the expiry check. */
  today: string;
  /** The assessment's limit on how long an exception may run. */
  maxExceptionDays: number;
  /** What the form shows. */
  values: DecideValues;
  initial: DecideValues;
  /** The fields the auditor set: in a batch these apply to all, the others keep each one's own. */
  changed: readonly ValueField[];
  focus: FieldId;
  /** Set when esc was pressed on a changed form: the question is showing. */
  confirmDiscard: boolean;
  /** The service's refusal of the last save. */
  refusal?: string;
  /** A draft kept from an earlier session of this form, offered back until answered. */
  draft?: { savedAt: string; body: DraftBody };
}

export type DecideAction =
  | { type: 'focus'; by: 1 | -1 }
  | { type: 'focus-field'; field: FieldId }
  | { type: 'cycle'; by: 1 | -1 }
  /** `justificationWidth`: the columns the justification is drawn in, so ↑/↓ and Home/End follow its wrapped rows. */
  | { type: 'key'; press: KeyPress; justificationWidth?: number }
  | { type: 'ask-discard' }
  | { type: 'keep-editing' }
  | { type: 'refused'; message: string }
  | { type: 'draft-found'; savedAt: string; body: unknown }
  | { type: 'restore-draft' }
  | { type: 'forget-draft' };

export interface DecideOptions {
  /** The status a quick key chose; otherwise the decision's, else pass. */
  status?: Status;
  maxExceptionDays?: number;
}

const TEXT_FIELDS: readonly TextFieldId[] = ['justification', 'likelihoodWhy', 'impactWhy', 'mitigationWhy', 'owner', 'dueDate', 'approver', 'expiresAt'];
const RATINGS: readonly Rating[] = [1, 2, 3, 4];
/** Only for a form with no target at all, which the walk never opens. */
const NO_RISK: RiskDefaults = { likelihood: 2, impact: 2, mitigation: 'reduction', mitigationWhy: '' };

export function isTextField(field: FieldId): field is TextFieldId {
  return (TEXT_FIELDS as readonly FieldId[]).includes(field);
}

/** The fields the status asks for, top to bottom. */
export function fieldsFor(status: Status): FieldId[] {
  switch (status) {
    case 'pass':
    case 'not_applicable':
      return ['status', 'justification', 'save'];
    case 'fail':
      return ['status', 'justification', 'likelihood', 'likelihoodWhy', 'impact', 'impactWhy', 'mitigation', 'mitigationWhy', 'owner', 'dueDate', 'save'];
    case 'exception':
      return ['status', 'justification', 'likelihood', 'likelihoodWhy', 'impact', 'impactWhy', 'mitigation', 'mitigationWhy', 'owner', 'approver', 'expiresAt', 'save'];
  }
}

/** The due date a fail decision was given, when it is not simply its level's window. */
function givenDueDate(decision: Decision): string {
  if (decision.status !== 'fail' || !decision.dueDate || !decision.riskLevel) return '';
  return decision.dueDate === dueDate(new Date(decision.decidedAt), decision.riskLevel) ? '' : decision.dueDate;
}

/**
 * One recommendation's own values for a status: its decision's, else its catalogue defaults.
 * Deciding an exception on what was not one switches the mitigation to acceptance; a reason for a
 * mitigation type goes only with that type.
 */
export function ownValues(target: DecideTarget | undefined, status: Status): DecideValues {
  const decided = target?.decision && target.decision.status !== 'undecided' ? target.decision : undefined;
  const defaults = target?.risk ?? NO_RISK;
  const becomesException = status === 'exception' && decided?.status !== 'exception';
  const mitigation = becomesException ? 'acceptance' : (decided?.mitigation ?? (status === 'exception' ? 'acceptance' : defaults.mitigation));
  const mitigationWhy = mitigation === decided?.mitigation ? (decided.mitigationWhy ?? '') : mitigation === defaults.mitigation ? defaults.mitigationWhy : '';
  return {
    status,
    likelihood: decided?.likelihood ?? defaults.likelihood,
    impact: decided?.impact ?? defaults.impact,
    mitigation,
    justification: textField(decided?.justification ?? ''),
    likelihoodWhy: textField(decided?.likelihoodWhy ?? ''),
    impactWhy: textField(decided?.impactWhy ?? ''),
    mitigationWhy: textField(mitigationWhy),
    owner: textField(decided?.owner ?? ''),
    dueDate: textField(decided ? givenDueDate(decided) : ''),
    approver: textField(decided?.approver ?? ''),
    expiresAt: textField(decided?.expiresAt ?? ''),
  };
}

/**
 * What the form shows before the auditor changes a field: one recommendation's own values; for a
 * batch, the first one's choices (to cycle from) and empty text, as no one's text is another's.
 */
function shownValues(targets: readonly DecideTarget[], status: Status): DecideValues {
  const own = ownValues(targets[0], status);
  if (targets.length === 1) return own;
  const blank = Object.fromEntries(TEXT_FIELDS.map((f) => [f, textField('')])) as Pick<DecideValues, TextFieldId>;
  return { ...own, ...blank };
}

/** The changed fields of `values` laid over `base`. */
function withChanges(base: DecideValues, values: DecideValues, changed: readonly ValueField[]): DecideValues {
  return { ...base, ...Object.fromEntries(changed.map((f) => [f, values[f]])), status: values.status };
}

export function initialDecide(targets: readonly DecideTarget[], today: Date, options: DecideOptions = {}): DecideState {
  const first = targets[0]?.decision;
  const status: Status = options.status ?? (targets.length === 1 && first && first.status !== 'undecided' ? first.status : 'pass');
  const values = shownValues(targets, status);
  // The cursor starts where typing is needed: the justification.
  return {
    targets,
    today: isoDay(today),
    maxExceptionDays: options.maxExceptionDays ?? DEFAULT_MAX_EXCEPTION_DAYS,
    values,
    initial: values,
    changed: [],
    focus: 'justification',
    confirmDiscard: false,
  };
}

function snapshotOf(values: DecideValues): string {
  return JSON.stringify(Object.entries(values).map(([field, value]) => [field, typeof value === 'object' ? value.value : value]));
}

export function isDirty(state: DecideState): boolean {
  return snapshotOf(state.values) !== snapshotOf(state.initial);
}

function cycleOf<T>(list: readonly T[], current: T, by: 1 | -1): T {
  const i = list.indexOf(current);
  return list[(i + by + list.length) % list.length] as T;
}

/** Sets one field as the auditor chose it; a new status brings each unchanged field's value for it. */
function setField<F extends ValueField>(state: DecideState, field: F, value: DecideValues[F]): DecideState {
  const changed = state.changed.includes(field) ? state.changed : [...state.changed, field];
  let values = { ...state.values, [field]: value };
  if (field === 'status') values = withChanges(shownValues(state.targets, value as Status), values, changed);
  const focus = fieldsFor(values.status).includes(state.focus) ? state.focus : 'status';
  return { ...state, values, changed, focus, refusal: undefined };
}

function cycleValue(state: DecideState, by: 1 | -1): DecideState {
  const v = state.values;
  switch (state.focus) {
    case 'status':
      return setField(state, 'status', cycleOf(DECISION_STATUSES, v.status, by));
    case 'likelihood':
      return setField(state, 'likelihood', cycleOf(RATINGS, v.likelihood, by));
    case 'impact':
      return setField(state, 'impact', cycleOf(RATINGS, v.impact, by));
    case 'mitigation':
      return setField(state, 'mitigation', cycleOf(MITIGATION_TYPES, v.mitigation, by));
    default:
      return state;
  }
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
        return setField(state, focus, Number(action.press.name) as Rating);
      }
      if (!isTextField(focus)) return state;
      const edited = editField(state.values[focus], action.press, focus === 'justification' ? { multiline: true, width: action.justificationWidth } : false);
      if (!edited) return state;
      // Moving the cursor changes no value: only an edit makes the field the auditor's.
      return edited.value === state.values[focus].value ? { ...state, values: { ...state.values, [focus]: edited } } : setField(state, focus, edited);
    }
    case 'ask-discard':
      return { ...state, confirmDiscard: true };
    case 'keep-editing':
      return { ...state, confirmDiscard: false };
    case 'refused':
      return { ...state, refusal: action.message };
    case 'draft-found': {
      const body = readDraft(action.body);
      return body ? { ...state, draft: { savedAt: action.savedAt, body } } : state;
    }
    case 'restore-draft':
      return state.draft ? restoreDraft(state, state.draft.body) : state;
    case 'forget-draft': {
      const { draft: _draft, ...rest } = state;
      return rest;
    }
  }
}

/** Whether the focused field takes typed text (then printable keys are text, not commands). */
export function isTyping(state: DecideState): boolean {
  return isTextField(state.focus);
}

// ── drafts ──────────────────────────────────────────────────────────────────────────────────

/** The key a draft is kept under: the recommendations it decides, sorted. */
export function draftKey(targets: readonly DecideTarget[]): string {
  return targets
    .map((t) => t.recId)
    .sort()
    .join(' ');
}

export function draftOf(state: DecideState): DraftBody {
  const v = state.values;
  return {
    status: v.status,
    changed: [...state.changed],
    likelihood: v.likelihood,
    impact: v.impact,
    mitigation: v.mitigation,
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, v[f].value])) as Record<TextFieldId, string>,
  };
}

/** A stored draft read back; undefined when it is not one this form wrote. */
function readDraft(body: unknown): DraftBody | undefined {
  const b = body as Partial<DraftBody> | null;
  const valueFields: readonly string[] = [...TEXT_FIELDS, 'status', 'likelihood', 'impact', 'mitigation'];
  const ok =
    typeof b === 'object' &&
    b !== null &&
    (DECISION_STATUSES as readonly unknown[]).includes(b.status) &&
    (RATINGS as readonly unknown[]).includes(b.likelihood) &&
    (RATINGS as readonly unknown[]).includes(b.impact) &&
    (MITIGATION_TYPES as readonly unknown[]).includes(b.mitigation) &&
    Array.isArray(b.changed) &&
    b.changed.every((f) => valueFields.includes(f)) &&
    typeof b.text === 'object' &&
    b.text !== null &&
    TEXT_FIELDS.every((f) => typeof b.text?.[f] === 'string');
  return ok ? (b as DraftBody) : undefined;
}

function restoreDraft(state: DecideState, body: DraftBody): DecideState {
  const kept: DecideValues = {
    ...state.values,
    status: body.status,
    likelihood: body.likelihood,
    impact: body.impact,
    mitigation: body.mitigation,
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, textField(body.text[f])])) as Pick<DecideValues, TextFieldId>),
  };
  const values = withChanges(shownValues(state.targets, body.status), kept, body.changed);
  const { draft: _draft, ...rest } = state;
  return { ...rest, values, changed: body.changed, focus: 'justification' };
}

// ── what is recorded ────────────────────────────────────────────────────────────────────────

/** The values recorded for one target: the changed fields as shown, the others its own. */
function valuesFor(state: DecideState, target: DecideTarget): DecideValues {
  if (state.targets.length === 1) return state.values;
  return withChanges(ownValues(target, state.values.status), state.values, state.changed);
}

function inputOf(recId: string, v: DecideValues): DecisionInput {
  const text = (field: TextFieldId) => v[field].value.trim();
  const optional = (field: TextFieldId) => (text(field) ? { [field]: text(field) } : {});
  const base = { recId, status: v.status, justification: text('justification') };
  if (v.status === 'pass' || v.status === 'not_applicable') return base;
  const risk = {
    ...base,
    likelihood: v.likelihood,
    impact: v.impact,
    ...optional('likelihoodWhy'),
    ...optional('impactWhy'),
    mitigation: v.mitigation,
    ...optional('mitigationWhy'),
    ...optional('owner'),
  };
  if (v.status === 'fail') return { ...risk, ...optional('dueDate') };
  return { ...risk, approver: text('approver'), expiresAt: text('expiresAt') };
}

/** The decision to send for each recommendation (one service call records them together). */
export function toInputs(state: DecideState): DecisionInput[] {
  return state.targets.map((t) => inputOf(t.recId, valuesFor(state, t)));
}

/** The rules' problems with what the form would record, each once (a batch shares most of them). */
export function formProblems(state: DecideState): DecisionProblem[] {
  const at = new Date(`${state.today}T00:00:00Z`);
  const problems = new Map<string, DecisionProblem>();
  for (const target of state.targets) {
    const checked = checkDecision(
      inputOf(target.recId, valuesFor(state, target)),
      { id: target.recId, assessment: target.assessment },
      { at, actor: '', automated: target.automated, maxExceptionDays: state.maxExceptionDays },
    );
    for (const problem of checked.problems ?? []) problems.set(problem.message, problem);
  }
  return [...problems.values()];
}

/** Advice that does not block saving (a pass where the scan could not tell). */
export function formAdvice(state: DecideState): string | undefined {
  return decisionAdvice(
    state.values.status,
    state.values.justification.value,
    state.targets.map((t) => ({ id: t.recId, automated: t.automated })),
  );
}

/**
 * Whether a quick key can record the decision at once, or must open the form: it opens when the
 * rules refuse the bare status (a justification is needed) or advise a reason.
 */
export function quickDecisionNeedsForm(status: Status, targets: readonly DecideTarget[], today: Date = new Date()): boolean {
  const state = initialDecide(targets, today, { status });
  const bare = { ...state, values: { ...state.values, justification: textField('') }, changed: ['justification' as const] };
  return formProblems(bare).length > 0 || formAdvice(bare) !== undefined;
}

/** A decision as it stands, to record again: confirming a carried decision keeps its dates. */
export function sameDecision(decision: Decision): Omit<DecisionInput, 'recId'> {
  const { recId: _recId, decidedBy: _by, decidedAt: _at, riskLevel: _level, carriedFrom: _from, overrides: _overrides, ...input } = decision;
  return input;
}

// ── what the form says ──────────────────────────────────────────────────────────────────────

export interface RiskPreview {
  level: RiskLevel;
  score: number;
  due: string;
  likelihoodLabel: string;
  impactLabel: string;
}

export function riskPreview(state: DecideState): RiskPreview {
  const v = state.values;
  const level = riskLevel(v.likelihood, v.impact);
  const at = new Date(`${state.today}T00:00:00Z`);
  const expires = v.expiresAt.value.trim();
  // An exception is reviewed when it expires; a failure is due on the day given, else at its level's window.
  const window = checkDueDate('fail', v.dueDate.value, level, undefined, at).due ?? dueDate(at, level);
  return {
    level,
    score: riskScore(v.likelihood, v.impact),
    due: v.status === 'exception' ? (isRealDay(expires) ? expires : dueDate(at, level)) : window,
    likelihoodLabel: LIKELIHOOD_LABELS[v.likelihood - 1] ?? '',
    impactLabel: IMPACT_LABELS[v.impact - 1] ?? '',
  };
}

/** The end of the rating's window, which an empty due date means. */
export function windowEnd(state: DecideState): string {
  return dueDate(new Date(`${state.today}T00:00:00Z`), riskLevel(state.values.likelihood, state.values.impact));
}

/**
 * In a batch, what the form says beside a field: that a changed one applies to all, or what each
 * recommendation keeps of an unchanged one. Undefined for a single recommendation, or where
 * there is nothing to say.
 */
export function batchNote(state: DecideState, field: ValueField): string | undefined {
  const { targets, changed } = state;
  if (targets.length < 2 || field === 'status') return undefined;
  if (changed.includes(field)) return `applies to all ${targets.length}`;
  const own = targets.map((t) => ({ id: t.recId, v: ownValues(t, state.values.status) }));
  switch (field) {
    case 'likelihood':
      return `each its own: ${own.map(({ id, v }) => (changed.includes('impact') ? `${id} L${v.likelihood}` : `${id} L${v.likelihood}×I${v.impact}`)).join(', ')}`;
    case 'impact':
      // Beside the likelihood while both are each one's own.
      return changed.includes('likelihood') ? `each its own: ${own.map(({ id, v }) => `${id} I${v.impact}`).join(', ')}` : undefined;
    case 'mitigation':
      return `each its own: ${own.map(({ id, v }) => `${id} ${v.mitigation}`).join(', ')}`;
    case 'dueDate':
      return 'empty: each its own window';
    default: {
      const kept = own.filter(({ v }) => v[field].value.trim()).map(({ id }) => id);
      return kept.length > 0 ? `each keeps its own (${kept.join(', ')})` : undefined;
    }
  }
}
