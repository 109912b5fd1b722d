/**
 * The workpaper: one row per recommendation (all 63) with its automated result, decision, risk,
 * owner, due date and justification, plus the compliance score. Pure: built from the catalogue and
 * the assessment's data, so the TUI's workpaper view and the pack's `workpaper.csv` agree, and the
 * report computes its score with the same `verdictOf` and `tally`.
 */
import { CATALOG } from '../checks/catalog.js';
import { SECTION_TITLES, type AssessmentType, type CheckStatus, type Level, type Recommendation, type SectionId } from '../checks/types.js';
import type { Decision, EffectiveStatus, FindingSource } from './model.js';
import { riskLevel, riskScore, type Rating, type RiskLevel } from './risk.js';
import { STATE_WORDS } from './states.js';

/** Where a recommendation stands for the score. */
export type Verdict = 'pass' | 'fail' | 'exception' | 'not_applicable' | 'needs_review' | 'not_assessed';

export const SCORE_DEFINITION =
  'Compliance score = recommendations that pass ÷ recommendations in scope, where in scope means all ' +
  'recommendations except those decided not applicable. A recommendation passes when the assessor decided ' +
  '"pass", or when no decision was made and the automated check passed. Failures, exceptions (accepted ' +
  'risks), expired exceptions and undecided recommendations all count against the score.';

/** The decision counts; without one, the automated pass or fail; otherwise it is not assessed yet. */
export function verdictOf(decision: Decision | undefined, effective: EffectiveStatus, automated: CheckStatus | undefined): Verdict {
  if (effective === 'needs_review') return 'needs_review';
  if (decision && decision.status !== 'undecided') return decision.status;
  if (automated === 'pass') return 'pass';
  if (automated === 'fail') return 'fail';
  return 'not_assessed';
}

export interface Tally {
  total: number;
  pass: number;
  fail: number;
  exception: number;
  notApplicable: number;
  needsReview: number;
  notAssessed: number;
  inScope: number;
  /** pass ÷ inScope as a percentage with one decimal; undefined when nothing is in scope. */
  score?: number;
}

export function tally(verdicts: readonly Verdict[]): Tally {
  const count = (v: Verdict): number => verdicts.filter((verdict) => verdict === v).length;
  const t: Tally = {
    total: verdicts.length,
    pass: count('pass'),
    fail: count('fail'),
    exception: count('exception'),
    notApplicable: count('not_applicable'),
    needsReview: count('needs_review'),
    notAssessed: count('not_assessed'),
    inScope: verdicts.length - count('not_applicable'),
  };
  if (t.inScope > 0) t.score = Math.round((t.pass / t.inScope) * 1000) / 10;
  return t;
}

const SOURCE_ORDER: Record<FindingSource, number> = { assay: 0, prowler: 1, securityhub: 2 };

/** Per recommendation, the result that counts as "automated": Assay's own, else Prowler's, else Security Hub's. */
export function primaryResults<R extends { recId: string; source: FindingSource }>(results: readonly R[]): Map<string, R> {
  const byId = new Map<string, R>();
  for (const result of results) {
    const seen = byId.get(result.recId);
    if (!seen || SOURCE_ORDER[result.source] < SOURCE_ORDER[seen.source]) byId.set(result.recId, result);
  }
  return byId;
}

export interface WorkpaperInput {
  decisions: readonly Decision[];
  /** The walk's state of each recommendation that has a decision; the rest are undecided. */
  effective: Readonly<Record<string, EffectiveStatus>>;
  /** Automated and imported results (status only is read). */
  results: readonly { recId: string; source: FindingSource; status: CheckStatus }[];
  /** The attachments in force (only `recId` is read). */
  evidence: readonly { recId: string }[];
  /** Defaults to the benchmark's catalogue; tests may pass a part of it. */
  catalog?: readonly Recommendation[];
}

export interface WorkpaperRow {
  id: string;
  /** The catalogue's title, as the walk, the detail and the report show it. */
  title: string;
  section: SectionId;
  sectionTitle: string;
  level: Level;
  assessment: AssessmentType;
  automated: CheckStatus | 'none';
  automatedSource?: FindingSource;
  status: EffectiveStatus;
  /** The state's one word (src/states.ts). */
  state: string;
  verdict: Verdict;
  /** The automated result the decision contradicts, when it is an override. */
  overrides?: CheckStatus;
  likelihood: Rating;
  impact: Rating;
  riskScore: number;
  severity: RiskLevel;
  severityBasis: 'assessor' | 'catalogue default';
  owner?: string;
  dueDate?: string;
  justification?: string;
  decidedBy?: string;
  decidedAt?: string;
  attachments: number;
}

export interface Workpaper {
  rows: WorkpaperRow[];
  tally: Tally;
}

/** An exception is due for review on its expiry date unless the assessor set an earlier day. */
function dueOf(decision: Decision | undefined): string | undefined {
  if (!decision) return undefined;
  return decision.dueDate ?? (decision.status === 'exception' ? decision.expiresAt : undefined);
}

export function buildWorkpaper(input: WorkpaperInput): Workpaper {
  const automatedById = primaryResults(input.results);
  const decisions = new Map(input.decisions.map((d) => [d.recId, d]));
  const attachments = new Map<string, number>();
  for (const e of input.evidence) attachments.set(e.recId, (attachments.get(e.recId) ?? 0) + 1);
  const rows = (input.catalog ?? CATALOG).map((rec): WorkpaperRow => {
    const result = automatedById.get(rec.id);
    const decision = decisions.get(rec.id);
    const status = input.effective[rec.id] ?? 'undecided';
    const rated = decision?.likelihood !== undefined && decision.impact !== undefined;
    const likelihood = rated ? decision.likelihood! : rec.risk.likelihood;
    const impact = rated ? decision.impact! : rec.risk.impact;
    const due = dueOf(decision);
    return {
      id: rec.id,
      title: rec.title,
      section: rec.section,
      sectionTitle: SECTION_TITLES[rec.section],
      level: rec.level,
      assessment: rec.assessment,
      automated: result?.status ?? 'none',
      ...(result ? { automatedSource: result.source } : {}),
      status,
      state: STATE_WORDS[status],
      verdict: verdictOf(decision, status, result?.status),
      ...(decision?.overrides ? { overrides: decision.overrides } : {}),
      likelihood,
      impact,
      riskScore: riskScore(likelihood, impact),
      severity: riskLevel(likelihood, impact),
      severityBasis: rated ? 'assessor' : 'catalogue default',
      ...(decision?.owner ? { owner: decision.owner } : {}),
      ...(due ? { dueDate: due } : {}),
      ...(decision?.justification ? { justification: decision.justification } : {}),
      ...(decision && decision.status !== 'undecided' ? { decidedBy: decision.decidedBy, decidedAt: decision.decidedAt } : {}),
      attachments: attachments.get(rec.id) ?? 0,
    };
  });
  return { rows, tally: tally(rows.map((r) => r.verdict)) };
}

/** `workpaper.csv`'s header, in the order of `workpaperCells`. */
export const WORKPAPER_COLUMNS = [
  'rec_id',
  'title',
  'section',
  'level',
  'assessment',
  'automated',
  'automated_source',
  'state',
  'override',
  'severity',
  'severity_basis',
  'likelihood',
  'impact',
  'risk_score',
  'owner',
  'due_date',
  'justification',
  'decided_by',
  'decided_at',
  'attachments',
] as const;

/** One row's values for `WORKPAPER_COLUMNS`; free text is left as typed (the CSV writer guards it). */
export function workpaperCells(row: WorkpaperRow): (string | number)[] {
  return [
    row.id,
    row.title,
    `${row.section} ${row.sectionTitle}`,
    row.level,
    row.assessment,
    row.automated,
    row.automatedSource ?? '',
    row.state,
    row.overrides ? `overrides automated ${row.overrides}` : '',
    row.severity,
    row.severityBasis,
    row.likelihood,
    row.impact,
    row.riskScore,
    row.owner ?? '',
    row.dueDate ?? '',
    row.justification ?? '',
    row.decidedBy ?? '',
    row.decidedAt ?? '',
    row.attachments,
  ];
}
