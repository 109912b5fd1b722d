import { SnapshotIndex, type Snapshot } from '../src/snapshot.js';
import { CATALOG } from './catalog.js';
import { CheckContext, MissingInput, missingFinding, overallStatus } from './context.js';
import type { CheckResult, Recommendation } from './types.js';

/** Runs one recommendation's check; missing input becomes an `error` result naming the call. */
export function evaluateOne(rec: Recommendation, ctx: CheckContext): CheckResult {
  try {
    const findings = rec.evaluate(ctx);
    if (findings.length === 0) {
      return { id: rec.id, status: 'error', findings: [{ resource: ctx.account, region: 'global', status: 'error', detail: 'the check produced no findings' }] };
    }
    return { id: rec.id, status: overallStatus(findings, rec.assessment), findings };
  } catch (err) {
    if (err instanceof MissingInput) return { id: rec.id, status: 'error', findings: [missingFinding(err)] };
    throw err;
  }
}

/** Evaluates every recommendation of the catalogue against a snapshot, in catalogue order. */
export function evaluateSnapshot(snapshot: Snapshot, recommendations: readonly Recommendation[] = CATALOG): CheckResult[] {
  const ctx = new CheckContext(new SnapshotIndex(snapshot));
  return recommendations.map((rec) => evaluateOne(rec, ctx));
}
