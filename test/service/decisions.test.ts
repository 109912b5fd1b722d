import { describe, expect, it } from 'vitest';
import { dueDate, riskLevel, type Rating } from '../../src/risk.js';
import { exceptionState } from '../../src/expiry.js';
import { isDecisionEvent, type Decision } from '../../src/model.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { AUTOMATED_REC, DECISION_TIME, MANUAL_REC, openService, tempDir } from './fixture.js';

/** An assessment where the automated recommendation fails (minimum length 8), or passes (14). */
function setup(minimumLength = 8) {
  const service = openService(`${tempDir()}/assay.db`);
  const { id } = service.createAssessment({ name: 'Q4', source: 'test', snapshot: passwordPolicySnapshot(minimumLength) });
  return { service, id };
}

describe('decision rules', () => {
  it('records a pass the automated result agrees with, without a justification, with who and when', () => {
    const { service, id } = setup(14);
    const decision = service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: '' });
    expect(decision).toEqual({ recId: AUTOMATED_REC, status: 'pass', justification: '', decidedBy: 'alice', decidedAt: DECISION_TIME.toISOString() });
    expect(service.getDecisions(id)).toEqual([decision]);
  });

  it('requires a justification for a manual recommendation, even a pass', () => {
    const { service, id } = setup();
    expect(() => service.decide(id, { recId: MANUAL_REC, status: 'pass', justification: '  ' })).toThrow(/justification is required for 2\.1 \(a manual recommendation\)/);
    expect(service.getDecisions(id)).toEqual([]);
    expect(service.decide(id, { recId: MANUAL_REC, status: 'pass', justification: 'contacts reviewed with the account owner' }).status).toBe('pass');
  });

  it.each([
    ['fail', 'a fail decision'],
    ['exception', 'an exception decision'],
    ['not_applicable', 'a not applicable decision'],
  ] as const)('requires a justification for %s', (status, what) => {
    const { service, id } = setup();
    expect(() =>
      service.decide(id, { recId: AUTOMATED_REC, status, justification: '', approver: status === 'exception' ? 'cto' : undefined, expiresAt: status === 'exception' ? '2027-03-01' : undefined }),
    ).toThrow(`a justification is required for ${what}`);
    expect(service.history(id).filter(isDecisionEvent)).toEqual([]);
  });

  it('requires an approver and a real expiry date for an exception', () => {
    const { service, id } = setup();
    const base = { recId: AUTOMATED_REC, status: 'exception' as const, justification: 'legacy SSO app cannot do 14' };
    expect(() => service.decide(id, { ...base, expiresAt: '2027-03-01' })).toThrow('an exception needs an approver (--approver NAME)');
    expect(() => service.decide(id, { ...base, approver: 'cto' })).toThrow('an exception needs an expiry date (--expires YYYY-MM-DD)');
    expect(() => service.decide(id, { ...base, approver: 'cto', expiresAt: '01/03/2027' })).toThrow('invalid expiry date "01/03/2027"; expected a real date as YYYY-MM-DD');
    expect(() => service.decide(id, { ...base, approver: 'cto', expiresAt: '2027-02-30' })).toThrow('invalid expiry date "2027-02-30"');
    expect(() => service.decide(id, { ...base, approver: 'cto', expiresAt: '2026-11-25' })).toThrow('the expiry date 2026-11-25 must be after the decision date 2026-11-25');
    expect(service.getDecisions(id)).toEqual([]);
    const decision = service.decide(id, { ...base, approver: 'cto', expiresAt: '2027-03-01' });
    expect(decision).toMatchObject({ status: 'exception', approver: 'cto', expiresAt: '2027-03-01' });
  });

  it('keeps approver and expiry to exceptions', () => {
    const { service, id } = setup();
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'too short', approver: 'cto' })).toThrow(
      'an approver and an expiry date belong to exceptions only, not to a fail decision',
    );
  });

  it('names an unknown recommendation, status, mitigation or date with what is accepted', () => {
    const { service, id } = setup();
    expect(() => service.decide(id, { recId: '9.9', status: 'pass', justification: 'x' })).toThrow(/unknown recommendation "9\.9"; accepted: .*2\.7/);
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'passed' as never, justification: 'x' })).toThrow(
      'unknown status "passed"; accepted: pass, fail, exception, not_applicable',
    );
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'undecided', justification: 'x' })).toThrow('unknown status "undecided"');
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', mitigation: 'ignore' as never })).toThrow(
      'unknown mitigation type "ignore"; accepted: avoidance, reduction, transference, acceptance',
    );
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', dueDate: '2026-13-01' })).toThrow('invalid due date "2026-13-01"');
    expect(() => service.decide(99, { recId: AUTOMATED_REC, status: 'pass', justification: '' })).toThrow('no assessment with id 99');
  });

  it('needs likelihood and impact together, each 1–4', () => {
    const { service, id } = setup();
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', likelihood: 3 })).toThrow('likelihood and impact go together');
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', likelihood: 5 as Rating, impact: 1 })).toThrow(
      'invalid likelihood "5"; accepted: 1, 2, 3, 4',
    );
  });

  it('stores the reasons for a rating, trimmed, and refuses a reason without a rating', () => {
    const { service, id } = setup();
    const decision = service.decide(id, {
      recId: AUTOMATED_REC,
      status: 'fail',
      justification: 'minimum length is 8',
      likelihood: 3,
      impact: 4,
      likelihoodWhy: '  password logins are attacked often ',
      impactWhy: 'a guessed admin password controls the account',
    });
    expect(decision).toMatchObject({ likelihoodWhy: 'password logins are attacked often', impactWhy: 'a guessed admin password controls the account' });
    expect(service.getDecisions(id)).toEqual([decision]);
    expect(service.history(id).filter(isDecisionEvent)[0]!.after).toEqual(decision);

    const blank = service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', likelihood: 2, impact: 2, likelihoodWhy: '   ' });
    expect(blank).not.toHaveProperty('likelihoodWhy');
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', impactWhy: 'big blast radius' })).toThrow(
      'a reason for the likelihood or impact needs the rating itself (--likelihood 1-4 --impact 1-4)',
    );
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: '', likelihoodWhy: 'rare' })).toThrow('needs the rating itself');
    expect(service.getDecisions(id)).toEqual([blank]);
  });

  it('carries the reasons forward with the decision', () => {
    const { service, id } = setup();
    const reasons = { likelihoodWhy: 'password logins are attacked often', impactWhy: 'an admin login is exposed' };
    service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'minimum length is 8', likelihood: 3, impact: 3, ...reasons });
    const next = service.createAssessment({ name: 'Q1', source: 'test', carriedFrom: id });
    const [carried] = service.carryForward(next.id, id, [AUTOMATED_REC]);
    expect(carried).toMatchObject(reasons);
    expect(service.getDecisions(next.id)[0]).toMatchObject(reasons);
  });
});

describe('risk level and due date', () => {
  const ratings: Rating[] = [1, 2, 3, 4];
  const cells = ratings.flatMap((likelihood) => ratings.map((impact) => [likelihood, impact] as const));
  const expectedLevel = (score: number) => (score >= 12 ? 'critical' : score >= 8 ? 'high' : score >= 4 ? 'medium' : 'low');
  const windowDays = { critical: 14, high: 28, medium: 60, low: 90 } as const;

  it.each(cells)('likelihood %i × impact %i gives the DESIGN.md level and window on a failure', (likelihood, impact) => {
    const { service, id } = setup();
    const decision = service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'minimum length is 8', likelihood, impact });
    const level = expectedLevel(likelihood * impact);
    expect(decision.riskLevel).toBe(level);
    expect(decision.riskLevel).toBe(riskLevel(likelihood, impact));
    const due = new Date(Date.UTC(2026, 10, 25 + windowDays[level])).toISOString().slice(0, 10);
    expect(decision.dueDate).toBe(due);
    expect(decision.dueDate).toBe(dueDate(DECISION_TIME, level));
  });

  it('keeps an earlier due date the assessor gives, and sets none for a pass', () => {
    const { service, id } = setup();
    expect(service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'x', likelihood: 4, impact: 4, dueDate: '2026-12-01' }).dueDate).toBe('2026-12-01');
    const pass = service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: 'the policy was raised to 14 today' });
    expect(pass.riskLevel).toBeUndefined();
    expect(pass.dueDate).toBeUndefined();
  });

  it('refuses a due date past the window of the risk level, or before the decision', () => {
    const { service, id } = setup();
    const fail = { recId: AUTOMATED_REC, status: 'fail' as const, justification: 'x', likelihood: 4 as Rating, impact: 4 as Rating };
    expect(() => service.decide(id, { ...fail, dueDate: '2027-03-01' })).toThrow(/past the 14-day window of a critical risk \(latest 2026-12-09\)/);
    expect(() => service.decide(id, { ...fail, dueDate: '2020-01-01' })).toThrow(/before the decision date 2026-11-25/);
  });

  it('refuses a risk rating on a pass or not applicable decision', () => {
    const { service, id } = setup();
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'not_applicable', justification: 'x', likelihood: 4, impact: 4 })).toThrow(
      'a risk rating and a due date belong to fail and exception decisions, not to a not applicable decision',
    );
  });

  it('makes an exception due for review on its expiry date', () => {
    const { service, id } = setup();
    const decision = service.decide(id, {
      recId: AUTOMATED_REC,
      status: 'exception',
      justification: 'vendor app',
      approver: 'cto',
      expiresAt: '2027-06-30',
      likelihood: 2,
      impact: 3,
      mitigation: 'acceptance',
      mitigationWhy: 'the app is retired in Q2',
      owner: 'platform team',
    });
    expect(decision).toMatchObject({ riskLevel: 'medium', dueDate: '2027-06-30', mitigation: 'acceptance', owner: 'platform team' });
  });
});

describe('overriding the automated result', () => {
  it('refuses a pass over an automated fail without a justification, naming the result and the option', () => {
    const { service, id } = setup(8);
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: ' ' })).toThrow(
      `a justification is required to pass ${AUTOMATED_REC}: its automated result is fail (--justification TEXT)`,
    );
    expect(service.getDecisions(id)).toEqual([]);
    const decision = service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: 'the SSO provider enforces 16 characters' });
    expect(decision.overrides).toBe('fail');
    expect(service.getDecisions(id)).toEqual([decision]);
    expect(service.history(id, AUTOMATED_REC).filter(isDecisionEvent).at(-1)?.after).toMatchObject({ overrides: 'fail' });
    expect(service.verifyHistory(id).intact).toBe(true);
  });

  it('marks a fail or exception over an automated pass, and nothing where the decision agrees', () => {
    const { service, id } = setup(14);
    expect(() => service.decide(id, { recId: AUTOMATED_REC, status: 'exception', justification: '', approver: 'cto', expiresAt: '2027-01-01' })).toThrow('a justification is required');
    expect(service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'the policy is not enforced for federated users' }).overrides).toBe('pass');
    expect(service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: '' }).overrides).toBeUndefined();
    expect(service.decide(id, { recId: MANUAL_REC, status: 'pass', justification: 'contacts current' }).overrides).toBeUndefined();
  });
});

describe('exception limit', () => {
  const exception = (expiresAt: string) => ({ recId: AUTOMATED_REC, status: 'exception' as const, justification: 'vendor app', approver: 'cto', expiresAt });

  it('refuses an expiry past the assessment limit (365 days by default), naming the limit and the latest day', () => {
    const { service, id } = setup();
    expect(service.getAssessment(id).maxExceptionDays).toBe(365);
    expect(() => service.decide(id, exception('9999-12-31'))).toThrow(
      "the expiry date 9999-12-31 is past this assessment's limit of 365 days for an exception (latest 2027-11-25) (--expires YYYY-MM-DD)",
    );
    expect(service.getDecisions(id)).toEqual([]);
    expect(service.decide(id, exception('2027-11-25')).expiresAt).toBe('2027-11-25');
  });

  it('takes the limit set on the assessment, and refuses a limit out of range', () => {
    const { service, id } = setup();
    expect(service.setMaxExceptionDays(id, 30)).toBe(30);
    expect(service.getAssessment(id).maxExceptionDays).toBe(30);
    expect(() => service.decide(id, exception('2026-12-26'))).toThrow('limit of 30 days for an exception (latest 2026-12-25)');
    expect(service.decide(id, exception('2026-12-25')).expiresAt).toBe('2026-12-25');
    expect(() => service.setMaxExceptionDays(id, 0)).toThrow('invalid exception limit "0"; accepted: a whole number of days from 1 to 3650');
    expect(() => service.setMaxExceptionDays(id, '1.5')).toThrow('invalid exception limit "1.5"');
    expect(service.getAssessment(id).maxExceptionDays).toBe(30);
  });
});

describe('drafts', () => {
  it('keeps one draft per key until dropped, and never in the history', () => {
    const { service, id } = setup();
    expect(service.loadDraft(id, '2.3 2.4')).toBeUndefined();
    service.saveDraft(id, '2.3 2.4', { justification: 'first' });
    service.saveDraft(id, '2.3 2.4', { justification: 'second' });
    expect(service.loadDraft(id, '2.3 2.4')).toEqual({ body: { justification: 'second' }, savedAt: DECISION_TIME.toISOString() });
    expect(service.loadDraft(id, '2.3')).toBeUndefined();
    expect(service.history(id).filter(isDecisionEvent)).toEqual([]);
    service.dropDraft(id, '2.3 2.4');
    expect(service.loadDraft(id, '2.3 2.4')).toBeUndefined();
  });
});

describe('effective status and expiry', () => {
  const exception = (expiresAt: string): Decision => ({
    recId: AUTOMATED_REC,
    status: 'exception',
    justification: 'x',
    approver: 'cto',
    expiresAt,
    decidedBy: 'alice',
    decidedAt: '2026-01-01T00:00:00Z',
  });

  it('reads an expired exception as needs_review, and flags one within 30 days', () => {
    const { service } = setup();
    const today = new Date('2026-11-25T12:00:00Z');
    expect(service.effectiveStatus(exception('2026-11-24'), today)).toBe('needs_review');
    expect(service.effectiveStatus(exception('2026-11-25'), today)).toBe('exception');
    expect(exceptionState(exception('2026-11-24'), today)).toBe('expired');
    expect(exceptionState(exception('2026-11-25'), today)).toBe('expiring');
    expect(exceptionState(exception('2026-12-25'), today)).toBe('expiring');
    expect(exceptionState(exception('2026-12-26'), today)).toBe('valid');
    expect(exceptionState({ ...exception('2026-12-26'), status: 'fail' }, today)).toBeUndefined();
    expect(service.effectiveStatus(undefined, today)).toBe('undecided');
  });

  it('counts decided, open, expiring and expired exceptions per assessment', () => {
    const { service, id } = setup();
    service.decide(id, { recId: AUTOMATED_REC, status: 'exception', justification: 'x', approver: 'cto', expiresAt: '2026-12-10' });
    service.decide(id, { recId: MANUAL_REC, status: 'pass', justification: 'reviewed' });
    const [now] = service.listAssessments(new Date('2026-11-26T00:00:00Z'));
    expect(now).toMatchObject({ decided: 2, openExceptions: 1, expiringExceptions: 1, expiredExceptions: 0 });
    const [later] = service.listAssessments(new Date('2026-12-11T00:00:00Z'));
    expect(later).toMatchObject({ decided: 1, openExceptions: 0, expiringExceptions: 0, expiredExceptions: 1 });
  });
});

describe('history and batches', () => {
  it('appends an event with the old and new values for every change', () => {
    const { service, id } = setup();
    const first = service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'length 8' });
    const second = service.decide(id, { recId: AUTOMATED_REC, status: 'exception', justification: 'vendor app', approver: 'cto', expiresAt: '2027-01-31' });
    const events = service.history(id, AUTOMATED_REC).filter(isDecisionEvent);
    expect(events.map((e) => [e.seq, e.before?.status ?? null, e.after.status, e.actor])).toEqual([
      [2, null, 'fail', 'alice'],
      [3, 'fail', 'exception', 'alice'],
    ]);
    expect(events[0]!.after).toEqual(first);
    expect(events[1]!.before).toEqual(first);
    expect(events[1]!.after).toEqual(second);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(service.verifyHistory(id)).toEqual({ intact: true, events: 3, problems: [] });
  });

  it('decides several recommendations in one go, all or none', () => {
    const { service, id } = setup();
    expect(() => service.decideMany(id, [AUTOMATED_REC, '2.99'], { status: 'not_applicable', justification: 'no users' })).toThrow('unknown recommendation "2.99"');
    expect(service.getDecisions(id)).toEqual([]);
    const decisions = service.decideMany(id, [AUTOMATED_REC, MANUAL_REC], { status: 'not_applicable', justification: 'no IAM users in this account' });
    expect(decisions.map((d) => d.recId)).toEqual([AUTOMATED_REC, MANUAL_REC]);
    expect(service.getDecisions(id).map((d) => [d.recId, d.status])).toEqual([
      [MANUAL_REC, 'not_applicable'],
      [AUTOMATED_REC, 'not_applicable'],
    ]);
    expect(service.history(id).filter(isDecisionEvent)).toHaveLength(2);
  });

  it('records a different input for each recommendation in one transaction, all or none', () => {
    const { service, id } = setup();
    const inputs = [
      { recId: AUTOMATED_REC, status: 'fail' as const, justification: 'length 8', likelihood: 3 as Rating, impact: 2 as Rating, mitigationWhy: 'longer passwords resist guessing' },
      { recId: MANUAL_REC, status: 'fail' as const, justification: 'contacts stale', likelihood: 2 as Rating, impact: 1 as Rating },
    ];
    expect(() => service.decideEach(id, [...inputs, { recId: '2.8', status: 'pass', justification: '' }])).toThrow(/^2\.8: a justification is required to pass 2\.8/);
    expect(service.getDecisions(id)).toEqual([]);
    const decisions = service.decideEach(id, inputs);
    expect(decisions.map((d) => [d.recId, d.likelihood, d.impact, d.riskLevel, d.mitigationWhy])).toEqual([
      [AUTOMATED_REC, 3, 2, 'medium', 'longer passwords resist guessing'],
      [MANUAL_REC, 2, 1, 'low', undefined],
    ]);
    expect(service.history(id).filter(isDecisionEvent)).toHaveLength(2);
  });

  it('carries decisions forward as "carried" until someone decides again', () => {
    const { service, id } = setup();
    const original = service.decide(id, { recId: MANUAL_REC, status: 'pass', justification: 'contacts current' });
    const next = service.createAssessment({ name: 'Q1', source: 'test', snapshot: passwordPolicySnapshot(8), carriedFrom: id });
    expect(next.carriedFrom).toBe(id);
    const [carried] = service.carryForward(next.id, id, [MANUAL_REC, AUTOMATED_REC]);
    expect(carried).toEqual({ ...original, carriedFrom: { assessmentId: id, decidedAt: original.decidedAt } });
    expect(service.getDecisions(next.id)).toEqual([carried]);
    expect(service.effectiveStatus(carried)).toBe('carried');
    const confirmed = service.decide(next.id, { recId: MANUAL_REC, status: 'pass', justification: 'confirmed again' });
    expect(confirmed.carriedFrom).toBeUndefined();
    expect(service.effectiveStatus(confirmed)).toBe('pass');
    expect(service.verifyHistory(next.id).intact).toBe(true);
  });
});
