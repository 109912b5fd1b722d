import { SnapshotIndex, type Snapshot } from '../src/snapshot.js';
import { CATALOG } from './catalog.js';
import { CheckContext, MissingInput, missingFinding, overallStatus } from './context.js';
import type { CheckResult, Finding, Recommendation } from './types.js';

/**
 * Runs one recommendation's check; missing or damaged input becomes an `error` result naming the
 * call (or a `manual` one naming what to obtain, when another account holds it), and so does
 * anything else that stops the check: a scan never ends in a stack trace.
 * Nothing a result needs is ever absent from it: a finding a check left without a resource or
 * region (a defect of the check) is stored against the account, globally, rather than lost.
 */
export function evaluateOne(rec: Recommendation, ctx: CheckContext): CheckResult {
  try {
    const findings = rec.evaluate(ctx).map((f): Finding => (f.resource && f.region ? f : { ...f, resource: f.resource || ctx.account, region: f.region || 'global' }));
    if (findings.length === 0) {
      return { id: rec.id, status: 'error', findings: [{ resource: ctx.account, region: 'global', status: 'error', detail: 'the check produced no findings' }] };
    }
    return { id: rec.id, status: overallStatus(findings, rec.assessment), findings };
  } catch (err) {
    if (err instanceof MissingInput) {
      const findings = [missingFinding(err)];
      return { id: rec.id, status: overallStatus(findings, rec.assessment), findings };
    }
    // Input no view could hold to the model (inside a report or a pattern) must not end the scan.
    const read = ctx.lastRead ? `, after reading ${ctx.lastRead}` : '';
    const detail = `check ${rec.id} could not judge its input${read}: ${(err as Error).message ?? String(err)}`;
    return { id: rec.id, status: 'error', findings: [{ resource: ctx.account, region: 'global', status: 'error', detail }] };
  }
}

/** Evaluates every recommendation of the catalogue against a snapshot, in catalogue order. */
export function evaluateSnapshot(snapshot: Snapshot, recommendations: readonly Recommendation[] = CATALOG): CheckResult[] {
  const ctx = new CheckContext(new SnapshotIndex(snapshot));
  return recommendations.map((rec) => evaluateOne(rec, ctx));
}
