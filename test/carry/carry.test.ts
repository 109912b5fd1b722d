import { isDecisionEvent } from '../../src/model.js';
import { describe, expect, it } from 'vitest';
import { carryForward, describeCarry, planCarry } from '../../src/carry.js';
import { computeDrift } from '../../src/drift.js';
import { InputError } from '../../src/errors.js';
import { exceptionState } from '../../src/expiry.js';
import type { Decision } from '../../src/model.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { openService, tempDir } from './fixture.js';

const DECIDED = new Date('2026-08-03T09:00:00Z');
const CARRY_DAY = new Date('2026-11-25T12:00:00Z');

/**
 * An earlier assessment with one decision of every kind carry-forward tells apart:
 * an expired, an expiring and a valid exception, two manual decisions and two automated ones.
 */
function earlierAssessment() {
  let clock = DECIDED;
  const service = openService(`${tempDir()}/assay.db`, () => clock);
  const from = service.createAssessment({ name: 'Q3 2026', source: 'snapshot:q3.json', snapshot: passwordPolicySnapshot(8) });
  const exception = (recId: string, expiresAt: string) =>
    service.decide(from.id, { recId, status: 'exception', justification: `accepted risk on ${recId}`, approver: 'cfo', expiresAt, likelihood: 2, impact: 2 });
  exception('2.7', '2026-11-10'); // expired by the carry day
  exception('2.8', '2026-12-10'); // expires within 30 days of the carry day
  exception('2.9', '2027-06-30'); // valid
  service.decide(from.id, { recId: '2.1', status: 'pass', justification: 'contacts checked with the account owner' });
  service.decide(from.id, { recId: '2.5', status: 'fail', justification: 'root uses a virtual MFA app', likelihood: 2, impact: 4, owner: 'it-ops' });
  service.decide(from.id, { recId: '2.3', status: 'fail', justification: 'root access key found' });
  service.decide(from.id, { recId: '2.4', status: 'not_applicable', justification: 'root managed centrally' });
  clock = CARRY_DAY;
  return { service, from };
}

const byRec = (decisions: Decision[]) => new Map(decisions.map((d) => [d.recId, d]));

describe('planCarry', () => {
  it('carries exceptions in force and manual decisions, and says why the rest stay', () => {
    const { service, from } = earlierAssessment();
    const plan = planCarry(service.getDecisions(from.id), CARRY_DAY);
    expect(plan.carry.map((c) => [c.recId, c.kind, c.expiring])).toEqual([
      ['2.1', 'manual decision', false],
      ['2.5', 'manual decision', false],
      ['2.8', 'exception', true],
      ['2.9', 'exception', false],
    ]);
    expect(plan.leave.map((l) => [l.recId, l.reason])).toEqual([
      ['2.3', 'fail decision on an automated result: the new results stand, decide again'],
      ['2.4', 'not_applicable decision on an automated result: the new results stand, decide again'],
      ['2.7', 'exception expired on 2026-11-10: needs review, not extended'],
    ]);
  });
});

describe('carryForward', () => {
  it('brings the decisions across marked carried, linked to where they were made', () => {
    const { service, from } = earlierAssessment();
    const before = byRec(service.getDecisions(from.id));
    const outcome = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });

    const to = outcome.assessment;
    expect(to).toMatchObject({ name: 'Q4 2026', account: from.account, carriedFrom: from.id, source: from.source });
    const carried = service.getDecisions(to.id);
    expect(carried.map((d) => d.recId)).toEqual(['2.1', '2.5', '2.8', '2.9']);
    for (const decision of carried) {
      const original = before.get(decision.recId)!;
      expect(decision).toEqual({ ...original, carriedFrom: { assessmentId: from.id, decidedAt: original.decidedAt } });
      expect(service.effectiveStatus(decision, CARRY_DAY)).toBe('carried');
    }
  });

  it('leaves an expired exception behind: its recommendation needs review, the expiry is not extended', () => {
    const { service, from } = earlierAssessment();
    const outcome = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });
    const inNew = byRec(service.getDecisions(outcome.assessment.id));
    expect(inNew.has('2.7')).toBe(false);
    expect(service.effectiveStatus(inNew.get('2.7'), CARRY_DAY)).toBe('undecided');
    expect(outcome.left.find((l) => l.recId === '2.7')?.reason).toMatch(/expired on 2026-11-10/);
    // In the earlier assessment the same exception shows as needing review, as before.
    expect(service.effectiveStatus(byRec(service.getDecisions(from.id)).get('2.7'), CARRY_DAY)).toBe('needs_review');
  });

  it('keeps the expiry dates: the expiring exception is still flagged, the valid one still holds', () => {
    const { service, from } = earlierAssessment();
    const outcome = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });
    const inNew = byRec(service.getDecisions(outcome.assessment.id));
    expect(exceptionState(inNew.get('2.8'), CARRY_DAY)).toBe('expiring');
    expect(exceptionState(inNew.get('2.9'), CARRY_DAY)).toBe('valid');
    expect(inNew.get('2.8')).toMatchObject({ expiresAt: '2026-12-10', approver: 'cfo' });
    expect(outcome.carried.find((c) => c.recId === '2.8')?.expiring).toBe(true);
    expect(describeCarry(outcome)).toContain('2.8    exception, approved by cfo, expires 2026-12-10 (within 30 days)');
  });

  it('records the carry in the new assessment\'s history chain and leaves the earlier one untouched', () => {
    const { service, from } = earlierAssessment();
    const historyBefore = service.history(from.id);
    const decisionsBefore = service.getDecisions(from.id);
    const { assessment } = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });
    const events = service.history(assessment.id).filter(isDecisionEvent);
    expect(events.map((e) => [e.recId, e.before, e.after.carriedFrom?.assessmentId])).toEqual([
      ['2.1', null, from.id],
      ['2.5', null, from.id],
      ['2.8', null, from.id],
      ['2.9', null, from.id],
    ]);
    expect(service.verifyHistory(assessment.id).intact).toBe(true);
    expect(service.history(from.id)).toEqual(historyBefore);
    expect(service.getDecisions(from.id)).toEqual(decisionsBefore);
  });

  it('scans the same snapshot again unless a new one is given', () => {
    const { service, from } = earlierAssessment();
    const outcome = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });
    expect(outcome.sameSnapshot).toBe(true);
    expect(service.getSnapshot(outcome.assessment.id)).toEqual(service.getSnapshot(from.id));
    expect(computeDrift(service.getResults(from.id), service.getResults(outcome.assessment.id))).toEqual([]);
    expect(describeCarry(outcome)).toMatch(/^created assessment \d+ "Q4 2026" for account 111122223333 from assessment \d+ "Q3 2026" \(the same snapshot as assessment \d+\)/);
  });

  it('scans a new snapshot of the same account, and drift shows what changed', () => {
    const { service, from } = earlierAssessment();
    const outcome = carryForward(service, from.id, { name: 'Q4 2026', source: 'snapshot:q4.json', snapshot: passwordPolicySnapshot(14) }, { today: CARRY_DAY });
    expect(outcome.sameSnapshot).toBe(false);
    const drift = computeDrift(service.getResults(from.id), service.getResults(outcome.assessment.id));
    expect(drift.map((d) => [d.recId, d.before, d.after])).toEqual([['2.7', 'fail', 'pass']]);
  });

  it('refuses a new snapshot of another account, naming both, and creates nothing', () => {
    const { service, from } = earlierAssessment();
    const other = passwordPolicySnapshot(14, '444455556666');
    const count = service.listAssessments().length;
    const input = { name: 'Q4 2026', source: 'snapshot:other.json', snapshot: other };
    const err = (() => {
      try {
        carryForward(service, from.id, input, { today: CARRY_DAY });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('444455556666');
    expect((err as InputError).message).toContain('111122223333');
    expect((err as InputError).message).toContain('--force');
    expect(service.listAssessments()).toHaveLength(count);

    const forced = carryForward(service, from.id, input, { today: CARRY_DAY, force: true });
    expect(forced.warning).toMatch(/^warning: .*444455556666.*111122223333.*--force/);
    expect(service.getDecisions(forced.assessment.id)).toHaveLength(4);
  });

  it('keeps the first origin when a carried decision is carried again before anyone confirms it', () => {
    const { service, from } = earlierAssessment();
    const second = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY }).assessment;
    service.decide(second.id, { recId: '2.1', status: 'pass', justification: 'contacts confirmed again' });
    const third = carryForward(service, second.id, { name: 'Q1 2027', source: 'none' }, { today: CARRY_DAY }).assessment;
    const inThird = byRec(service.getDecisions(third.id));
    expect(inThird.get('2.5')?.carriedFrom?.assessmentId).toBe(from.id);
    expect(inThird.get('2.1')?.carriedFrom).toEqual({ assessmentId: second.id, decidedAt: CARRY_DAY.toISOString() });
  });

  it('an assessor confirms a carried decision by deciding again', () => {
    const { service, from } = earlierAssessment();
    const { assessment } = carryForward(service, from.id, { name: 'Q4 2026', source: 'none' }, { today: CARRY_DAY });
    const confirmed = service.decide(assessment.id, { recId: '2.1', status: 'pass', justification: 'contacts confirmed' });
    expect(confirmed.carriedFrom).toBeUndefined();
    expect(service.effectiveStatus(confirmed, CARRY_DAY)).toBe('pass');
  });
});
