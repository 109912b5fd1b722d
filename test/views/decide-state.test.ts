import { describe, expect, it } from 'vitest';
import { findRecommendation } from '../../checks/catalog.js';
import type { Decision } from '../../src/model.js';
import {
  batchNote,
  decideReducer,
  draftOf,
  fieldsFor,
  formProblems,
  initialDecide,
  isDirty,
  quickDecisionNeedsForm,
  riskPreview,
  toInputs,
  type DecideAction,
  type DecideState,
  type DecideTarget,
  type FieldId,
} from '../../views/state/decide.js';

const TODAY = new Date('2026-11-25T12:00:00Z');
const press = (name: string) => ({ name, text: name.length === 1 ? name : name === 'space' ? ' ' : '' });

const target = (recId: string, extra: Partial<DecideTarget> = {}): DecideTarget => ({
  recId,
  title: recId,
  assessment: 'automated',
  automated: 'fail',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'fix the setting' },
  ...extra,
});

/** A target as the walk builds it, with the catalogue's own risk defaults. */
const catalogued = (recId: string, automated: DecideTarget['automated'] = 'fail'): DecideTarget => {
  const rec = findRecommendation(recId)!;
  return { recId, title: rec.title, assessment: rec.assessment, automated, risk: rec.risk };
};

const run = (state: DecideState, ...actions: DecideAction[]) => actions.reduce(decideReducer, state);
const typeInto = (state: DecideState, field: FieldId, text: string) =>
  run(state, { type: 'focus-field', field }, ...[...text].map((c): DecideAction => ({ type: 'key', press: press(c === ' ' ? 'space' : c) })));
const messages = (state: DecideState) => formProblems(state).map((p) => p.message);

describe('decision form', () => {
  it('says why an exception will not save, in the rules’ words and per field, until it has what they need', () => {
    let s = initialDecide([target('2.9')], TODAY, { status: 'exception' });
    expect(formProblems(s)).toEqual([
      { field: 'justification', message: 'a justification is required for an exception decision' },
      { field: 'approver', message: 'an exception needs an approver' },
      { field: 'expiresAt', message: 'an exception needs an expiry date' },
    ]);
    s = typeInto(s, 'justification', 'why');
    s = typeInto(s, 'approver', 'CISO');
    s = typeInto(s, 'expiresAt', '2026-11-25');
    expect(messages(s)).toEqual(['the expiry date 2026-11-25 must be after the decision date 2026-11-25']);
    s = run(s, { type: 'key', press: press('backspace') });
    s = typeInto(s, 'expiresAt', '6');
    expect(formProblems(s)).toEqual([]);
    expect(toInputs(s)).toEqual([
      { recId: '2.9', status: 'exception', justification: 'why', likelihood: 2, impact: 3, mitigation: 'acceptance', approver: 'CISO', expiresAt: '2026-11-26' },
    ]);
    expect(isDirty(s)).toBe(true);
  });

  it('sends no approver or expiry for other statuses, and shows the risk and due date as they change', () => {
    let s = initialDecide([target('2.9')], TODAY, { status: 'fail' });
    expect(fieldsFor('fail')).not.toContain('approver');
    expect(riskPreview(s)).toMatchObject({ level: 'medium', score: 6, due: '2027-01-24' });
    s = run(s, { type: 'focus-field', field: 'likelihood' }, { type: 'key', press: press('4') });
    expect(riskPreview(s)).toMatchObject({ level: 'critical', score: 12, due: '2026-12-09' });
    s = run(s, { type: 'focus-field', field: 'status' }, { type: 'cycle', by: -1 });
    expect(s.values.status).toBe('pass');
    expect(toInputs(s)).toEqual([{ recId: '2.9', status: 'pass', justification: '' }]);
  });

  it('sends the reasons for the rating with a fail, pre-filled from the decision being changed, and drops them for a pass', () => {
    const existing = { recId: '2.9', status: 'fail' as const, justification: 'no MFA', likelihood: 3 as const, impact: 4 as const, likelihoodWhy: 'phished often', decidedBy: 'a', decidedAt: '2026-11-01T00:00:00Z' };
    let s = initialDecide([target('2.9', { decision: existing })], TODAY);
    expect(s.values.likelihoodWhy.value).toBe('phished often');
    expect(s.values.impactWhy.value).toBe('');
    expect(fieldsFor('fail').slice(2, 6)).toEqual(['likelihood', 'likelihoodWhy', 'impact', 'impactWhy']);
    // Tab from the justification, through both pickers, to the impact's reason.
    for (let i = 0; i < 4; i++) s = run(s, { type: 'focus', by: 1 });
    expect(s.focus).toBe('impactWhy');
    for (const c of ' root access ') s = run(s, { type: 'key', press: press(c === ' ' ? 'space' : c) });
    expect(isDirty(s)).toBe(true);
    expect(toInputs(s)[0]).toMatchObject({ status: 'fail', likelihood: 3, impact: 4, likelihoodWhy: 'phished often', impactWhy: 'root access' });
    s = run(s, { type: 'focus-field', field: 'status' }, { type: 'cycle', by: -1 });
    expect(toInputs(s)).toEqual([{ recId: '2.9', status: 'pass', justification: 'no MFA' }]);
  });

  it('opens the form from a quick key only when the rules need more than the status', () => {
    expect(quickDecisionNeedsForm('pass', [target('2.3', { automated: 'pass' })])).toBe(false);
    expect(quickDecisionNeedsForm('pass', [target('2.3', { automated: 'fail' })])).toBe(true);
    expect(quickDecisionNeedsForm('pass', [target('2.3', { automated: 'error' })])).toBe(true);
    expect(quickDecisionNeedsForm('pass', [target('2.1', { assessment: 'manual', automated: 'manual' })])).toBe(true);
    for (const status of ['fail', 'exception', 'not_applicable'] as const) expect(quickDecisionNeedsForm(status, [target('2.3', { automated: 'pass' })])).toBe(true);
  });
});

describe('batch decisions', () => {
  it('keeps each recommendation’s own catalogue rating, mitigation and its reason when the auditor changes none of them', () => {
    const targets = [catalogued('2.3'), catalogued('2.8'), catalogued('2.9')];
    const s = typeInto(initialDecide(targets, TODAY, { status: 'fail' }), 'justification', 'found in the scan');
    const inputs = toInputs(s);
    expect(inputs.map((i) => i.recId)).toEqual(['2.3', '2.8', '2.9']);
    for (const [i, t] of targets.entries()) {
      expect(inputs[i]).toMatchObject({ status: 'fail', justification: 'found in the scan', likelihood: t.risk.likelihood, impact: t.risk.impact, mitigation: t.risk.mitigation, mitigationWhy: t.risk.mitigationWhy });
    }
    // The form shows that each keeps its own, and no one's reason in a shared field.
    expect(batchNote(s, 'likelihood')).toBe('each its own: 2.3 L3×I4, 2.8 L2×I3, 2.9 L3×I3');
    expect(batchNote(s, 'mitigation')).toBe('each its own: 2.3 avoidance, 2.8 reduction, 2.9 reduction');
    expect(s.values.mitigationWhy.value).toBe('');
    expect(batchNote(s, 'justification')).toBe('applies to all 3');
  });

  it('applies a changed field to all and says so, leaving the untouched ones each its own', () => {
    const targets = [catalogued('2.3'), catalogued('2.8')];
    let s = initialDecide(targets, TODAY, { status: 'fail' });
    s = run(s, { type: 'focus-field', field: 'impact' }, { type: 'key', press: press('1') });
    expect(batchNote(s, 'impact')).toBe('applies to all 2');
    expect(batchNote(s, 'likelihood')).toBe('each its own: 2.3 L3, 2.8 L2');
    s = typeInto(s, 'justification', 'both seen');
    expect(toInputs(s).map((i) => [i.recId, i.likelihood, i.impact, i.mitigationWhy])).toEqual([
      ['2.3', 3, 1, targets[0]!.risk.mitigationWhy],
      ['2.8', 2, 1, targets[1]!.risk.mitigationWhy],
    ]);
    // A reason the auditor types is the one reason given for all.
    s = typeInto(s, 'mitigationWhy', 'one ticket fixes both');
    expect(new Set(toInputs(s).map((i) => i.mitigationWhy))).toEqual(new Set(['one ticket fixes both']));
  });

  it('starts each recommendation that has a decision from that decision', () => {
    const decided: Decision = { recId: '2.8', status: 'fail', justification: 'reuse allowed', likelihood: 4, impact: 4, mitigation: 'transference', mitigationWhy: 'the MSP owns it', owner: 'MSP', decidedBy: 'a', decidedAt: '2026-11-01T00:00:00Z' };
    const s = typeInto(initialDecide([catalogued('2.3'), { ...catalogued('2.8'), decision: decided }], TODAY, { status: 'fail' }), 'justification', 'again');
    const [first, second] = toInputs(s);
    expect(first).toMatchObject({ likelihood: 3, impact: 4, mitigation: 'avoidance' });
    expect(first).not.toHaveProperty('owner');
    expect(second).toMatchObject({ likelihood: 4, impact: 4, mitigation: 'transference', mitigationWhy: 'the MSP owns it', owner: 'MSP' });
    expect(batchNote(s, 'owner')).toBe('each keeps its own (2.8)');
  });
});

describe('rules the form shares with the service', () => {
  it('will not pass an automated fail without a justification', () => {
    let s = initialDecide([target('2.8', { automated: 'fail' })], TODAY, { status: 'pass' });
    expect(formProblems(s)).toEqual([{ field: 'justification', message: 'a justification is required to pass 2.8: its automated result is fail' }]);
    s = typeInto(s, 'justification', 'enforced by the IdP');
    expect(formProblems(s)).toEqual([]);
    // Failing what passes is an override as well.
    expect(messages(initialDecide([target('2.3', { automated: 'pass' })], TODAY, { status: 'fail' }))).toContain('a justification is required for a fail decision');
  });

  it('refuses an exception past the assessment’s limit, naming it and the latest day', () => {
    const exception = (maxExceptionDays?: number) => {
      const s = initialDecide([target('2.9')], TODAY, { status: 'exception', ...(maxExceptionDays ? { maxExceptionDays } : {}) });
      return typeInto(typeInto(typeInto(s, 'justification', 'vendor'), 'approver', 'CISO'), 'expiresAt', '9999-12-31');
    };
    expect(formProblems(exception())).toEqual([
      { field: 'expiresAt', message: "the expiry date 9999-12-31 is past this assessment's limit of 365 days for an exception (latest 2027-11-25)" },
    ]);
    expect(messages(exception(90))).toEqual(["the expiry date 9999-12-31 is past this assessment's limit of 90 days for an exception (latest 2027-02-23)"]);
  });

  it('takes an earlier due date for a fail, and refuses one past the level’s window', () => {
    let s = typeInto(initialDecide([target('2.9')], TODAY, { status: 'fail' }), 'justification', 'seen');
    expect(fieldsFor('fail')).toContain('dueDate');
    expect(toInputs(s)[0]).not.toHaveProperty('dueDate');
    s = typeInto(s, 'dueDate', '2026-12-15');
    expect(riskPreview(s).due).toBe('2026-12-15');
    expect(toInputs(s)[0]).toMatchObject({ dueDate: '2026-12-15' });
    // Critical: a 14-day window ends on 2026-12-09.
    s = run(s, { type: 'focus-field', field: 'likelihood' }, { type: 'key', press: press('4') }, { type: 'focus-field', field: 'impact' }, { type: 'key', press: press('4') });
    expect(formProblems(s)).toEqual([
      {
        field: 'dueDate',
        message: 'the due date 2026-12-15 is past the 14-day window of a critical risk (latest 2026-12-09); a longer timeline needs an exception with an approver',
      },
    ]);
  });
});

describe('mitigation when a decision becomes an exception', () => {
  const failed: Decision = { recId: '2.9', status: 'fail', justification: 'no MFA', likelihood: 3, impact: 3, mitigation: 'reduction', mitigationWhy: 'turn MFA on', decidedBy: 'a', decidedAt: '2026-11-01T00:00:00Z' };

  it('switches a failed row to acceptance on e, and its reason with it', () => {
    const s = initialDecide([target('2.9', { decision: failed })], TODAY, { status: 'exception' });
    expect(s.values.mitigation).toBe('acceptance');
    expect(s.values.mitigationWhy.value).toBe('');
    expect(s.values.justification.value).toBe('no MFA');
  });

  it('switches when the status is cycled to exception, unless the auditor chose a mitigation', () => {
    let s = initialDecide([target('2.9', { decision: failed })], TODAY);
    s = run(s, { type: 'focus-field', field: 'status' }, { type: 'cycle', by: 1 });
    expect(s.values).toMatchObject({ status: 'exception', mitigation: 'acceptance' });
    s = run(s, { type: 'cycle', by: -1 });
    expect(s.values).toMatchObject({ status: 'fail', mitigation: 'reduction' });
    expect(s.values.mitigationWhy.value).toBe('turn MFA on');
    s = run(s, { type: 'focus-field', field: 'mitigation' }, { type: 'cycle', by: 1 }, { type: 'focus-field', field: 'status' }, { type: 'cycle', by: 1 });
    expect(s.values).toMatchObject({ status: 'exception', mitigation: 'transference' });
  });
});

describe('drafts', () => {
  it('offers a kept draft back and restores what the auditor had changed', () => {
    const targets = [catalogued('2.3'), catalogued('2.8')];
    let typed = initialDecide(targets, TODAY, { status: 'fail' });
    typed = run(typeInto(typed, 'justification', 'half a thought'), { type: 'focus-field', field: 'impact' }, { type: 'key', press: press('1') });
    const body = JSON.parse(JSON.stringify(draftOf(typed))) as unknown;

    let reopened = initialDecide(targets, TODAY, { status: 'fail' });
    reopened = run(reopened, { type: 'draft-found', savedAt: '2026-11-25T11:58:00Z', body });
    expect(reopened.draft?.savedAt).toBe('2026-11-25T11:58:00Z');
    reopened = run(reopened, { type: 'restore-draft' });
    expect(reopened.draft).toBeUndefined();
    expect(toInputs(reopened)).toEqual(toInputs(typed));
    expect(batchNote(reopened, 'impact')).toBe('applies to all 2');
  });

  it('ignores a stored draft it did not write', () => {
    const s = initialDecide([target('2.9')], TODAY);
    expect(run(s, { type: 'draft-found', savedAt: '2026-11-25T11:58:00Z', body: { status: 'maybe' } })).toBe(s);
  });
});
