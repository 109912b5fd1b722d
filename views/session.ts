/**
 * One open assessment's data, read through the service and kept while the assessment is open:
 * the automated results (the bulk: thousands of findings) are read once and reused by the walk,
 * the detail and the decision form until a rescan replaces them; decisions are read fresh.
 */
import { findRecommendation } from '../checks/catalog.js';
import { exceptionState } from '../src/expiry.js';
import type { Assessment, StoredResult } from '../src/model.js';
import type { TuiDeps } from './deps.js';
import { buildRows, primaryResults, type WalkRow } from './rows.js';
import type { DecideTarget } from './state/decide.js';
import type { DetailData, Pane } from './state/detail.js';

export class OpenAssessment {
  private resultsByRec?: Map<string, StoredResult[]>;
  private primary?: Map<string, StoredResult>;
  assessment: Assessment;
  /** The detail pane the assessor last chose; the next recommendation opens on it. */
  pane: Pane = 'findings';

  constructor(
    private readonly deps: TuiDeps,
    readonly id: number,
  ) {
    this.assessment = deps.service.getAssessment(id);
  }

  /** Every result of a recommendation: Assay's scan and any imports. */
  results(recId: string): StoredResult[] {
    this.loadResults();
    return this.resultsByRec?.get(recId) ?? [];
  }

  rows(): WalkRow[] {
    this.loadResults();
    const { service } = this.deps;
    const today = this.deps.today();
    const all = [...(this.resultsByRec?.values() ?? [])].flat();
    return buildRows(all, service.getDecisions(this.id), (d) => service.effectiveStatus(d, today), today);
  }

  /** What the decision form needs to know about the recommendations it decides. */
  targets(recIds: readonly string[]): DecideTarget[] {
    this.loadResults();
    const decisions = new Map(this.deps.service.getDecisions(this.id).map((d) => [d.recId, d]));
    return recIds.flatMap((recId) => {
      const rec = findRecommendation(recId);
      if (!rec) return [];
      const decision = decisions.get(recId);
      return [
        {
          recId,
          title: rec.title,
          assessment: rec.assessment,
          automated: this.primary?.get(recId)?.status ?? 'none',
          risk: rec.risk,
          ...(decision ? { decision } : {}),
        },
      ];
    });
  }

  /** Everything the detail screen shows about one recommendation. */
  detail(recId: string): DetailData {
    const rec = findRecommendation(recId);
    if (!rec) throw new Error(`unknown recommendation ${recId}`);
    const { service } = this.deps;
    const today = this.deps.today();
    const decision = service.getDecisions(this.id).find((d) => d.recId === recId);
    const expiry = exceptionState(decision, today);
    return {
      rec,
      results: this.results(recId),
      ...(decision ? { decision } : {}),
      status: service.effectiveStatus(decision, today),
      ...(expiry ? { expiry } : {}),
      evidence: service.listEvidence(this.id, recId),
      history: service.history(this.id, recId),
    };
  }

  /** After a rescan or an import: read the results again; refresh the assessment's header data. */
  invalidate(): void {
    this.resultsByRec = undefined;
    this.primary = undefined;
    this.assessment = this.deps.service.getAssessment(this.id);
  }

  private loadResults(): void {
    if (this.resultsByRec) return;
    const results = this.deps.service.getResults(this.id);
    const byRec = new Map<string, StoredResult[]>();
    for (const result of results) {
      const list = byRec.get(result.recId) ?? [];
      list.push(result);
      byRec.set(result.recId, list);
    }
    this.resultsByRec = byRec;
    this.primary = primaryResults(results);
  }
}
