/**
 * One open assessment's data, read through the service. The walk needs only each result's status
 * (read once, until a rescan); the findings themselves — thousands for a large account — are read
 * one recommendation at a time when its detail opens. Decisions are read fresh.
 */
import { findRecommendation } from '../checks/catalog.js';
import { exceptionState } from '../src/expiry.js';
import type { Assessment, StoredResult } from '../src/model.js';
import type { ResultStatus } from '../src/service.js';
import type { TuiDeps } from './deps.js';
import { buildWorkpaper, primaryResults, type Workpaper } from '../src/workpaper.js';
import { buildRows, type WalkRow } from './rows.js';
import type { DecideTarget } from './state/decide.js';
import type { DetailData } from './state/detail.js';

/** Recommendations whose findings stay in memory: the few the assessor moves between. */
const KEPT_RESULTS = 4;

export class OpenAssessment {
  private statuses?: ResultStatus[];
  private primary?: Map<string, ResultStatus>;
  private readonly findings = new Map<string, StoredResult[]>();
  assessment: Assessment;
  /** Where the assessor is: reopening the assessment lands here. */
  lastRecId: string | undefined;

  constructor(
    private readonly deps: TuiDeps,
    readonly id: number,
  ) {
    this.assessment = deps.service.getAssessment(id);
    this.lastRecId = this.assessment.lastRecId;
  }

  /** Records where the assessor is (one small write, skipped when nothing moved). */
  place(recId: string | undefined): void {
    if (!recId || recId === this.lastRecId) return;
    this.deps.service.setLastRec(this.id, recId);
    this.lastRecId = recId;
  }

  /** Every result of a recommendation with its findings: Assay's scan and any imports. */
  results(recId: string): StoredResult[] {
    let results = this.findings.get(recId);
    if (!results) {
      results = this.deps.service.resultsFor(this.id, recId);
      if (this.findings.size >= KEPT_RESULTS) this.findings.delete(this.findings.keys().next().value as string);
    } else this.findings.delete(recId);
    this.findings.set(recId, results);
    return results;
  }

  rows(): WalkRow[] {
    const { service } = this.deps;
    const today = this.deps.today();
    return buildRows(this.loadStatuses(), service.getDecisions(this.id), (d) => service.effectiveStatus(d, today), today);
  }

  /** Every recommendation as one table with the score, as the pack's workpaper.csv has it. */
  workpaper(): Workpaper {
    const { service } = this.deps;
    const today = this.deps.today();
    const decisions = service.getDecisions(this.id);
    const effective = Object.fromEntries(decisions.map((d) => [d.recId, service.effectiveStatus(d, today)]));
    return buildWorkpaper({ decisions, effective, results: this.loadStatuses(), evidence: service.listEvidence(this.id) });
  }

  /** What the decision form needs to know about the recommendations it decides. */
  targets(recIds: readonly string[]): DecideTarget[] {
    this.loadStatuses();
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

  /** After a rescan: read the results again; refresh the assessment's header data. */
  invalidate(): void {
    this.statuses = undefined;
    this.primary = undefined;
    this.findings.clear();
    this.assessment = this.deps.service.getAssessment(this.id);
  }

  private loadStatuses(): ResultStatus[] {
    if (!this.statuses) {
      this.statuses = this.deps.service.resultStatuses(this.id);
      this.primary = primaryResults(this.statuses);
    }
    return this.statuses;
  }
}
