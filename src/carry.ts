/**
 * Carry-forward: start a new assessment of the same account from an earlier one. Exceptions still
 * in force and decisions on manual recommendations come across marked "carried — confirm"
 * (Decision.carriedFrom) until an assessor decides again; an expired exception stays behind, so
 * its recommendation needs review instead of being silently extended.
 */
import { findRecommendation } from '../checks/catalog.js';
import { checkAccount } from './account-guard.js';
import { exceptionState } from './expiry.js';
import type { Assessment, Decision } from './model.js';
import type { AssayService, NewAssessmentInput } from './service.js';

export type CarriedKind = 'exception' | 'manual decision';

export interface CarriedItem {
  recId: string;
  kind: CarriedKind;
  /** After carrying: the decision as written in the new assessment, with its `carriedFrom`. */
  decision: Decision;
  /** Exceptions only: expires within 30 days. */
  expiring: boolean;
}

export interface LeftBehind {
  recId: string;
  decision: Decision;
  reason: string;
}

export interface CarryPlan {
  carry: CarriedItem[];
  leave: LeftBehind[];
}

/** Which decisions of the earlier assessment come across, and why the others do not. Pure. */
export function planCarry(decisions: readonly Decision[], today: Date): CarryPlan {
  const plan: CarryPlan = { carry: [], leave: [] };
  for (const decision of decisions) {
    if (decision.status === 'undecided') continue;
    if (decision.status === 'exception') {
      const state = exceptionState(decision, today);
      if (state === 'expired') {
        plan.leave.push({ recId: decision.recId, decision, reason: `exception expired on ${decision.expiresAt}: needs review, not extended` });
      } else {
        plan.carry.push({ recId: decision.recId, kind: 'exception', decision, expiring: state === 'expiring' });
      }
    } else if (findRecommendation(decision.recId)?.assessment === 'manual') {
      plan.carry.push({ recId: decision.recId, kind: 'manual decision', decision, expiring: false });
    } else {
      plan.leave.push({ recId: decision.recId, decision, reason: `${decision.status} decision on an automated result: the new results stand, decide again` });
    }
  }
  return plan;
}

export interface CarryOptions {
  /** Accept a new snapshot of a different account than the earlier assessment's. */
  force?: boolean;
  today?: Date;
}

export interface CarryOutcome {
  from: Assessment;
  assessment: Assessment;
  /** True when the new assessment was scanned from the earlier one's stored snapshot. */
  sameSnapshot: boolean;
  carried: CarriedItem[];
  left: LeftBehind[];
  /** Set when --force let a snapshot of another account through. */
  warning?: string;
}

/**
 * Creates the new assessment and carries the plan's decisions into it (each write goes through
 * the service, so the new assessment's history chain records the carry). Without a snapshot in
 * `input`, the earlier assessment's snapshot is scanned again. If carrying fails, the half-made
 * assessment is deleted so nothing is left behind.
 */
export function carryForward(service: AssayService, fromId: number, input: NewAssessmentInput, options: CarryOptions = {}): CarryOutcome {
  const from = service.getAssessment(fromId);
  const today = options.today ?? new Date();
  let warning: string | undefined;
  let create: NewAssessmentInput;
  if (input.snapshot) {
    warning = checkAccount(from, input.snapshot.account, `the new snapshot (${input.source})`, options.force);
    create = { ...input, carriedFrom: fromId };
  } else {
    const snapshot = service.getSnapshot(fromId);
    create = { name: input.name, source: from.source, account: from.account, carriedFrom: fromId, ...(snapshot ? { snapshot } : {}) };
  }
  const plan = planCarry(service.getDecisions(fromId), today);
  const assessment = service.createAssessment(create);
  let written: Map<string, Decision>;
  try {
    written = new Map(service.carryForward(assessment.id, fromId, plan.carry.map((item) => item.recId)).map((d) => [d.recId, d]));
  } catch (err) {
    service.deleteAssessment(assessment.id);
    throw err;
  }
  return {
    from,
    assessment: service.getAssessment(assessment.id),
    sameSnapshot: !input.snapshot && create.snapshot !== undefined,
    carried: plan.carry.map((item) => ({ ...item, decision: written.get(item.recId) ?? item.decision })),
    left: plan.leave,
    ...(warning ? { warning } : {}),
  };
}

/** The report `assay new --from` prints. */
export function describeCarry(outcome: CarryOutcome): string {
  const { from, assessment } = outcome;
  const data = outcome.sameSnapshot ? `the same snapshot as assessment ${from.id}` : assessment.snapshotCollectedAt ? assessment.source : 'no snapshot';
  const lines = [`created assessment ${assessment.id} "${assessment.name}" for account ${assessment.account} from assessment ${from.id} "${from.name}" (${data})`];
  if (outcome.warning) lines.push(outcome.warning);
  lines.push(outcome.carried.length > 0 ? `carried — confirm (${outcome.carried.length}):` : 'nothing to carry: no exceptions in force and no decisions on manual recommendations');
  for (const item of outcome.carried) {
    const d = item.decision;
    const note = item.kind === 'exception' ? `exception, approved by ${d.approver}, expires ${d.expiresAt}${item.expiring ? ' (within 30 days)' : ''}` : `${d.status}, decided ${d.decidedAt.slice(0, 10)} by ${d.decidedBy}`;
    lines.push(`  ${item.recId.padEnd(6)} ${note}`);
  }
  if (outcome.left.length > 0) {
    lines.push(`not carried (${outcome.left.length}):`);
    for (const item of outcome.left) lines.push(`  ${item.recId.padEnd(6)} ${item.reason}`);
  }
  return lines.join('\n') + '\n';
}
