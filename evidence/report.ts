/**
 * The pack's content model, derived from PackData by pure functions: one row per recommendation,
 * the summary and compliance score, risk cards, the mitigation schedule and the exceptions
 * register. Every renderer (HTML, CSV, JSON, OSCAL) reads this one model, so they agree.
 */
import { CATALOG, BENCHMARK } from '../checks/catalog.js';
import { MAPPING_SOURCES, NIST_171_REQUIREMENTS, mappingsFor, preferredNist } from '../checks/mappings.js';
import { SECTION_TITLES, type CheckStatus, type Finding, type Level, type Recommendation, type SectionId } from '../checks/types.js';
import { exceptionState, EXPIRY_WARNING_DAYS, type ExceptionState } from '../src/expiry.js';
import { computeDrift, type DriftEntry } from '../src/drift.js';
import { DECISION_STATUSES, isDecisionEvent, type Decision, type EffectiveStatus, type EvidenceRecord, type FindingSource, type HistoryEvent, type StoredResult } from '../src/model.js';
import {
  MITIGATION_MEANING,
  SEVERITY_ORDER,
  WINDOW_RULE,
  dueDate,
  riskLevel,
  riskScore,
  type MitigationType,
  type Rating,
  type RiskLevel,
} from '../src/risk.js';
import { STATE_WORDS } from '../src/states.js';
import { buildWorkpaper, tally as tallyOf, verdictOf, type Tally, type Verdict, type Workpaper } from '../src/workpaper.js';
import { formatBytes } from '../src/input-file.js';
import { attachmentEntryName, displayName } from './names.js';
import type { PackData } from './pack-data.js';

export { SCORE_DEFINITION, type Tally, type Verdict } from '../src/workpaper.js';

/** The one word of each verdict (src/states.ts); a recommendation nobody could judge yet is "undecided". */
export const VERDICT_LABELS: Record<Verdict, string> = {
  pass: STATE_WORDS.pass,
  fail: STATE_WORDS.fail,
  exception: STATE_WORDS.exception,
  not_applicable: STATE_WORDS.not_applicable,
  needs_review: STATE_WORDS.needs_review,
  not_assessed: STATE_WORDS.undecided,
};

export interface AttachmentRef {
  /** Path inside the pack. */
  entry: string;
  record: EvidenceRecord;
}

export interface ResultRef {
  source: FindingSource;
  status: CheckStatus;
  findings: Finding[];
}

export interface RecommendationRow {
  rec: Recommendation;
  sectionTitle: string;
  /** The automated result: Assay's own check, else the first imported one. */
  automated?: ResultRef;
  /** Every result, Assay's and imported ones. */
  results: ResultRef[];
  decision?: Decision;
  effective: EffectiveStatus;
  verdict: Verdict;
  /** Brought over from an earlier assessment and not yet confirmed. */
  carried: boolean;
  exceptionState?: ExceptionState;
  attachments: AttachmentRef[];
  /** Every recorded step of this recommendation (decisions, attachments), oldest first. */
  history: HistoryEntry[];
  /** Each time the history moved the due date of an open risk. */
  dueMoves: DueMove[];
}

/** One step of a recommendation's history: who, when and what changed, in words. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  kind: 'decision' | 'attach' | 'detach';
  /** Each change as "what: before → after", or what was attached or detached. */
  changes: string[];
}

/** A due date the history moved, and what moved it: a re-rating, or a new decision. */
export interface DueMove {
  from: string;
  to: string;
  at: string;
  actor: string;
  rerating?: { from: RiskLevel; to: RiskLevel };
  /** "due moved 2027-01-03 → 2027-02-04 by the re-rating high → medium on 2026-12-06 by ava". */
  text: string;
}

/** How far the assessment is: a pack is a draft while any recommendation is undecided. */
export interface Progress {
  /** Recommendations with a decision in force (pass, fail, exception, not applicable), as `assay list` counts them. */
  decided: number;
  total: number;
  draft: boolean;
  /** "draft — 22 of 63 decided" while a draft; absent when every recommendation is decided. */
  label?: string;
  /** Open risks (failures and exceptions on the schedule), and how many are rated by catalogue defaults. */
  openRisks: number;
  defaultRatings: number;
}

export interface Summary {
  overall: Tally;
  bySection: { section: SectionId; title: string; tally: Tally }[];
  byLevel: { level: Level; tally: Tally }[];
  progress: Progress;
}

export interface MappedRequirement {
  id: string;
  title: string;
  family: string;
  familyCode: string;
}

export interface CardMappings {
  nist171: MappedRequirement[];
  /** Which source the 800-171 ids come from (Prowler, else AWS Security Hub, else Steampipe). */
  nist171Source?: string;
  nist53: string[];
  nist53Source: string;
  iso27001: string[];
  soc2: string[];
  cisControlsV8: string[];
  securityHubControls: string[];
  prowlerChecks: string[];
  defaultSeverity: string;
}

export interface RiskCard {
  recId: string;
  title: string;
  section: SectionId;
  sectionTitle: string;
  level: Level;
  assessmentType: Recommendation['assessment'];
  kind: 'failure' | 'exception';
  verdict: Verdict;
  /** False when no assessor has decided yet: the card shows the catalogue's defaults. */
  decided: boolean;
  carriedFrom?: { assessmentId: number; decidedAt: string };
  awsServices: string[];
  /** What the control protects against: the risk in words. */
  risk: string;
  /** The resources that failed (all findings when none failed, e.g. a manual judgement). */
  affected: Finding[];
  likelihood: Rating;
  impact: Rating;
  /** The assessor's reasons for the rating, when they gave them. */
  likelihoodWhy?: string;
  impactWhy?: string;
  score: number;
  riskLevel: RiskLevel;
  ratingBasis: 'assessor' | 'catalogue default';
  mitigation: MitigationType;
  mitigationMeaning: string;
  mitigationWhy: string;
  mitigationBasis: 'assessor' | 'catalogue default' | 'the exception';
  remediation: string[];
  owner?: string;
  /** The decision date, or the scan date for a failure nobody has decided on yet. */
  windowStart: string;
  dueDate: string;
  windowRule: string;
  dueBasis: string;
  justification?: string;
  decidedBy?: string;
  decidedAt?: string;
  exception?: { approver: string; expiresAt: string; state: ExceptionState; daysLeft: number };
  /** Set when the decision contradicts the automated result (an exception over a passing check). */
  override?: Pick<Decision, 'status' | 'overrides' | 'decidedBy'>;
  mappings: CardMappings;
  attachments: AttachmentRef[];
  history: HistoryEntry[];
  dueMoves: DueMove[];
}

/** "on schedule", not "open": STIG readers take "open" for a finding, and every item here is one. */
export type ScheduleState = 'overdue' | 'due within 30 days' | 'on schedule' | 'exception expired' | 'exception expiring';

export interface ScheduleItem {
  recId: string;
  title: string;
  kind: 'failure' | 'exception';
  severity: RiskLevel;
  likelihood: Rating;
  impact: Rating;
  score: number;
  owner?: string;
  mitigation: MitigationType;
  /** When the window starts: the decision date, or the scan date for undecided failures. */
  startDate: string;
  dueDate: string;
  windowRule: string;
  dueBasis: string;
  ratingBasis: RiskCard['ratingBasis'];
  expiresAt?: string;
  state: ScheduleState;
  justification?: string;
  dueMoves: DueMove[];
}

export interface ExceptionEntry {
  recId: string;
  title: string;
  approver: string;
  decidedBy: string;
  decidedAt: string;
  expiresAt: string;
  state: ExceptionState;
  daysLeft: number;
  needsReview: boolean;
  /** "expires in 12 days", "expired on 2026-10-01", "valid until …". */
  note: string;
  riskLevel: RiskLevel;
  mitigation: MitigationType;
  mitigationWhy: string;
  owner?: string;
  justification: string;
  carried: boolean;
}

export interface Drift {
  previous: { id: number; name: string; snapshotCollectedAt?: string; createdAt: string };
  entries: (DriftEntry & { title: string })[];
}

export interface PackModel {
  data: PackData;
  benchmark: typeof BENCHMARK;
  asOfDay: string;
  rows: RecommendationRow[];
  summary: Summary;
  riskCards: RiskCard[];
  schedule: ScheduleItem[];
  exceptions: ExceptionEntry[];
  /** Present when the assessment was carried forward from one that still exists. */
  drift?: Drift;
  /** Who decided or recorded anything, in order of first appearance. */
  assessors: string[];
  attachments: AttachmentRef[];
  /** All recommendations as one table (src/workpaper.ts), the same as the TUI's workpaper view. */
  workpaper: Workpaper;
}

const DAY_MS = 86_400_000;

function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

const SOURCE_ORDER: Record<FindingSource, number> = { assay: 0, prowler: 1, securityhub: 2 };

function cardMappings(recId: string): CardMappings {
  const m = mappingsFor(recId);
  const requirement = (id: string): MappedRequirement => {
    const found = NIST_171_REQUIREMENTS.find((r) => r.id === id);
    return { id, title: found?.title ?? '(not in the NIST SP 800-171 r2 list)', family: found?.family ?? '', familyCode: found?.familyCode ?? '' };
  };
  // Prowler's join is the primary source; AWS's and Steampipe's fill in where Prowler has none.
  const nist = preferredNist(m);
  return {
    nist171: nist.nist171.ids.map(requirement),
    ...(nist.nist171.source ? { nist171Source: nist.nist171.source } : {}),
    nist53: nist.nist53.ids,
    nist53Source: nist.nist53.source ?? MAPPING_SOURCES.nist53,
    iso27001: m.iso27001,
    soc2: m.soc2,
    cisControlsV8: m.cisControlsV8,
    securityHubControls: m.securityHubControls,
    prowlerChecks: m.prowlerChecks,
    defaultSeverity: m.defaultSeverity,
  };
}

/** When a card's risk must be dealt with, and the rule that date came from. */
function plannedDate(decision: Decision | undefined, level: RiskLevel, startDate: string): { dueDate: string; windowRule: string; dueBasis: string } {
  const windowDue = dueDate(new Date(`${startDate}T00:00:00Z`), level);
  // The service fills in the window's date when none is given; any other date is the assessor's.
  const chosen = decision?.dueDate !== undefined && decision.dueDate !== windowDue ? decision.dueDate : undefined;
  if (!decision) {
    return { dueDate: windowDue, windowRule: WINDOW_RULE[level], dueBasis: `from the scan on ${startDate}; ${STATE_WORDS.undecided}` };
  }
  if (decision.status === 'exception' && decision.expiresAt) {
    // An accepted risk is revisited when its exception runs out, unless the assessor wants it fixed sooner.
    if (chosen && chosen < decision.expiresAt) return { dueDate: chosen, windowRule: EXCEPTION_RULE, dueBasis: `set by the assessor, before the expiry on ${decision.expiresAt}` };
    return { dueDate: decision.expiresAt, windowRule: EXCEPTION_RULE, dueBasis: `expiry of the exception approved by ${decision.approver ?? 'nobody recorded'}` };
  }
  if (chosen) return { dueDate: chosen, windowRule: WINDOW_RULE[level], dueBasis: `set by the assessor (window: ${windowDue})` };
  return { dueDate: windowDue, windowRule: WINDOW_RULE[level], dueBasis: `from the decision on ${startDate}` };
}

export const EXCEPTION_RULE = 'exception: review by its expiry date';

/** The rating an open-risk decision stands on: the assessor's, else the catalogue's default. */
function ratingOf(decision: Decision, rec: Recommendation): { likelihood: Rating; impact: Rating; level: RiskLevel; basis: RiskCard['ratingBasis'] } {
  const rated = decision.likelihood !== undefined && decision.impact !== undefined;
  const likelihood = rated ? decision.likelihood! : rec.risk.likelihood;
  const impact = rated ? decision.impact! : rec.risk.impact;
  return { likelihood, impact, level: riskLevel(likelihood, impact), basis: rated ? 'assessor' : 'catalogue default' };
}

const keepsRiskOpen = (decision: Decision | null | undefined): decision is Decision => decision?.status === 'fail' || decision?.status === 'exception';

function ratingText(decision: Decision | null, rec: Recommendation): string {
  if (!keepsRiskOpen(decision)) return '—';
  const r = ratingOf(decision, rec);
  return `${r.level} (${r.likelihood}×${r.impact}${r.basis === 'assessor' ? '' : ', catalogue default'})`;
}

/** The due date a decision gives its risk, as the card and schedule compute it; none unless it keeps a risk open. */
function dueOf(decision: Decision | null, rec: Recommendation): string | undefined {
  if (!keepsRiskOpen(decision)) return undefined;
  return plannedDate(decision, ratingOf(decision, rec).level, day(decision.decidedAt)).dueDate;
}

/** What one decision step changed, each as "what: before → after". */
function decisionChanges(before: Decision | null, after: Decision, rec: Recommendation): string[] {
  const changes: string[] = [];
  const change = (what: string, from: string | undefined, to: string | undefined): void => {
    if ((from ?? '—') !== (to ?? '—')) changes.push(`${what}: ${from ?? '—'} → ${to ?? '—'}`);
  };
  change('status', STATE_WORDS[before?.status ?? 'undecided'], STATE_WORDS[after.status]);
  change('rating', ratingText(before, rec), ratingText(after, rec));
  change('due', dueOf(before, rec), dueOf(after, rec));
  change('owner', before?.owner, after.owner);
  change('mitigation', before?.mitigation, after.mitigation);
  change('approver', before?.approver, after.approver);
  change('expires', before?.expiresAt, after.expiresAt);
  if (before && before.justification !== after.justification) changes.push('justification reworded');
  if (after.overrides) changes.push(`overrides the automated ${after.overrides}`);
  if (after.carriedFrom && !before?.carriedFrom) changes.push(`carried from assessment ${after.carriedFrom.assessmentId} — confirm`);
  if (before?.carriedFrom && !after.carriedFrom) changes.push('carried decision confirmed');
  return changes.length > 0 ? changes : ['recorded again, unchanged'];
}

/** One recommendation's history in words, and the due-date moves in it. */
function recommendationHistory(events: readonly HistoryEvent[], rec: Recommendation): { history: HistoryEntry[]; dueMoves: DueMove[] } {
  const history: HistoryEntry[] = [];
  const dueMoves: DueMove[] = [];
  for (const event of events) {
    if (event.recId !== rec.id) continue;
    const step = { seq: event.seq, at: event.at, actor: event.actor };
    if (isDecisionEvent(event)) {
      history.push({ ...step, kind: 'decision', changes: decisionChanges(event.before, event.after, rec) });
      const from = dueOf(event.before, rec);
      const to = dueOf(event.after, rec);
      if (from && to && from !== to) {
        const levels = { from: ratingOf(event.before!, rec).level, to: ratingOf(event.after, rec).level };
        const cause = levels.from === levels.to ? 'the decision' : `the re-rating ${levels.from} → ${levels.to}`;
        dueMoves.push({
          from,
          to,
          ...step,
          ...(levels.from === levels.to ? {} : { rerating: levels }),
          text: `due moved ${from} → ${to} by ${cause} on ${day(event.at)} by ${event.actor}`,
        });
      }
    } else if (event.kind === 'attach' || event.kind === 'detach') {
      const e = event.evidence;
      const what = `${displayName(e.name)} (${formatBytes(e.size)}, SHA-256 ${e.sha256})`;
      const change = event.kind === 'attach' ? `attached ${what}${e.note ? `: ${e.note}` : ''}` : `detached ${what}${event.reason ? ` — ${event.reason}` : ''}`;
      history.push({ ...step, kind: event.kind, changes: [change] });
    }
  }
  return { history, dueMoves };
}

function progressOf(rows: readonly RecommendationRow[], cards: readonly RiskCard[]): Progress {
  const decided = rows.filter((r) => (DECISION_STATUSES as readonly EffectiveStatus[]).includes(r.effective)).length;
  const draft = decided < rows.length;
  return {
    decided,
    total: rows.length,
    draft,
    ...(draft ? { label: `draft — ${decided} of ${rows.length} decided` } : {}),
    openRisks: cards.length,
    defaultRatings: cards.filter((c) => c.ratingBasis === 'catalogue default').length,
  };
}

function buildCard(row: RecommendationRow, data: PackData, asOfDay: string): RiskCard {
  const { rec } = row;
  // Only a decision that keeps the risk open shapes the card; otherwise it is the automated failure.
  const decision = row.verdict === 'fail' || row.verdict === 'exception' || row.verdict === 'needs_review' ? row.decision : undefined;
  const { likelihood, impact, level, basis } = decision ? ratingOf(decision, rec) : { ...rec.risk, level: riskLevel(rec.risk.likelihood, rec.risk.impact), basis: 'catalogue default' as const };
  const rated = basis === 'assessor';
  const startDate = decision ? day(decision.decidedAt) : day(data.assessment.snapshotCollectedAt ?? data.assessment.createdAt);
  const isException = decision?.status === 'exception' && decision.expiresAt !== undefined;
  const failing = row.automated?.findings.filter((f) => f.status === 'fail') ?? [];
  let mitigation: MitigationType = rec.risk.mitigation;
  let mitigationWhy = rec.risk.mitigationWhy;
  let mitigationBasis: RiskCard['mitigationBasis'] = 'catalogue default';
  if (decision?.mitigation) {
    mitigation = decision.mitigation;
    mitigationWhy = decision.mitigationWhy ?? (mitigation === rec.risk.mitigation ? rec.risk.mitigationWhy : '(no reason recorded)');
    mitigationBasis = 'assessor';
  } else if (isException) {
    mitigation = 'acceptance';
    mitigationWhy = decision.mitigationWhy ?? `Accepted as an exception by ${decision.approver ?? 'nobody recorded'} until ${decision.expiresAt}, then reviewed again.`;
    mitigationBasis = 'the exception';
  } else if (decision?.mitigationWhy) {
    mitigationWhy = decision.mitigationWhy;
  }
  return {
    recId: rec.id,
    title: rec.title,
    section: rec.section,
    sectionTitle: row.sectionTitle,
    level: rec.level,
    assessmentType: rec.assessment,
    kind: isException ? 'exception' : 'failure',
    verdict: row.verdict,
    decided: decision !== undefined,
    ...(decision?.carriedFrom ? { carriedFrom: decision.carriedFrom } : {}),
    awsServices: [...new Set(rec.reads.map((r) => r.service))],
    risk: rec.guidance.protects,
    affected: failing.length > 0 ? failing : (row.automated?.findings ?? []),
    likelihood,
    impact,
    ...(rated && decision?.likelihoodWhy ? { likelihoodWhy: decision.likelihoodWhy } : {}),
    ...(rated && decision?.impactWhy ? { impactWhy: decision.impactWhy } : {}),
    score: riskScore(likelihood, impact),
    riskLevel: level,
    ratingBasis: basis,
    mitigation,
    mitigationMeaning: MITIGATION_MEANING[mitigation],
    mitigationWhy,
    mitigationBasis,
    remediation: rec.guidance.remediation,
    ...(decision?.owner ? { owner: decision.owner } : {}),
    windowStart: startDate,
    ...plannedDate(decision, level, startDate),
    ...(decision ? { justification: decision.justification, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt } : {}),
    ...(isException && row.exceptionState
      ? { exception: { approver: decision.approver ?? '', expiresAt: decision.expiresAt!, state: row.exceptionState, daysLeft: daysBetween(asOfDay, decision.expiresAt!) } }
      : {}),
    ...(decision?.overrides ? { override: { status: decision.status, overrides: decision.overrides, decidedBy: decision.decidedBy } } : {}),
    mappings: cardMappings(rec.id),
    attachments: row.attachments,
    history: row.history,
    dueMoves: row.dueMoves,
  };
}

function scheduleState(card: RiskCard, asOfDay: string): ScheduleState {
  if (card.exception && card.dueDate === card.exception.expiresAt) {
    if (card.exception.state === 'expired') return 'exception expired';
    if (card.exception.state === 'expiring') return 'exception expiring';
  }
  const daysLeft = daysBetween(asOfDay, card.dueDate);
  return daysLeft < 0 ? 'overdue' : daysLeft <= EXPIRY_WARNING_DAYS ? 'due within 30 days' : 'on schedule';
}

function scheduleItem(card: RiskCard, asOfDay: string): ScheduleItem {
  return {
    recId: card.recId,
    title: card.title,
    kind: card.kind,
    severity: card.riskLevel,
    likelihood: card.likelihood,
    impact: card.impact,
    score: card.score,
    ...(card.owner ? { owner: card.owner } : {}),
    mitigation: card.mitigation,
    startDate: card.windowStart,
    dueDate: card.dueDate,
    windowRule: card.windowRule,
    dueBasis: card.dueBasis,
    ratingBasis: card.ratingBasis,
    ...(card.exception ? { expiresAt: card.exception.expiresAt } : {}),
    state: scheduleState(card, asOfDay),
    ...(card.justification ? { justification: card.justification } : {}),
    dueMoves: card.dueMoves,
  };
}

/** The register's line for an exception's risk card (every exception has one). */
function exceptionEntry(card: RiskCard): ExceptionEntry | undefined {
  const e = card.exception;
  if (!e) return undefined;
  const note =
    e.state === 'expired'
      ? `expired on ${e.expiresAt} — needs review`
      : e.state === 'expiring'
        ? `expires in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'} (within ${EXPIRY_WARNING_DAYS}) — needs review`
        : `valid until ${e.expiresAt}`;
  return {
    recId: card.recId,
    title: card.title,
    approver: e.approver,
    decidedBy: card.decidedBy ?? '',
    decidedAt: card.decidedAt ?? '',
    expiresAt: e.expiresAt,
    state: e.state,
    daysLeft: e.daysLeft,
    needsReview: e.state !== 'valid',
    note,
    riskLevel: card.riskLevel,
    mitigation: card.mitigation,
    mitigationWhy: card.mitigationWhy,
    ...(card.owner ? { owner: card.owner } : {}),
    justification: card.justification ?? '',
    carried: card.carriedFrom !== undefined,
  };
}

function resultRefs(results: readonly StoredResult[], recId: string): ResultRef[] {
  return results
    .filter((r) => r.recId === recId)
    .sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source])
    .map((r) => ({ source: r.source, status: r.status, findings: r.findings }));
}

/** What changed since the assessment this one was carried forward from (src/drift.ts decides). */
function packDrift(data: PackData): Drift | undefined {
  if (!data.previous || !data.previousResults) return undefined;
  const p = data.previous;
  return {
    previous: { id: p.id, name: p.name, createdAt: p.createdAt, ...(p.snapshotCollectedAt ? { snapshotCollectedAt: p.snapshotCollectedAt } : {}) },
    entries: computeDrift(data.previousResults, data.results).map((entry) => ({ ...entry, title: CATALOG.find((r) => r.id === entry.recId)?.title ?? entry.recId })),
  };
}

export function buildPackModel(data: PackData): PackModel {
  const asOfDay = day(data.asOf);
  const asOfDate = new Date(data.asOf);
  const decisions = new Map(data.decisions.map((d) => [d.recId, d]));
  const attachments: AttachmentRef[] = data.evidence.map((record) => ({ entry: attachmentEntryName(record.sha256, record.name), record }));
  const rows: RecommendationRow[] = CATALOG.map((rec) => {
    const results = resultRefs(data.results, rec.id);
    const automated = results[0];
    const decision = decisions.get(rec.id);
    const effective = data.effective[rec.id] ?? 'undecided';
    const state = exceptionState(decision, asOfDate);
    return {
      rec,
      sectionTitle: SECTION_TITLES[rec.section],
      ...(automated ? { automated } : {}),
      results,
      ...(decision ? { decision } : {}),
      effective,
      verdict: verdictOf(decision, effective, automated?.status),
      carried: decision?.carriedFrom !== undefined,
      ...(state ? { exceptionState: state } : {}),
      attachments: attachments.filter((a) => a.record.recId === rec.id),
      ...recommendationHistory(data.history, rec),
    };
  });
  const sections = [...new Set(CATALOG.map((r) => r.section))];
  const tally = (part: readonly RecommendationRow[]): Tally => tallyOf(part.map((r) => r.verdict));
  const riskCards = rows.filter((r) => r.verdict === 'fail' || r.verdict === 'exception' || r.verdict === 'needs_review').map((r) => buildCard(r, data, asOfDay));
  const schedule = riskCards
    .map((card) => scheduleItem(card, asOfDay))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || riskCards.findIndex((c) => c.recId === a.recId) - riskCards.findIndex((c) => c.recId === b.recId));
  const exceptions = riskCards.map(exceptionEntry).filter((e): e is ExceptionEntry => e !== undefined);
  const summary: Summary = {
    overall: tally(rows),
    bySection: sections.map((section) => ({ section, title: SECTION_TITLES[section], tally: tally(rows.filter((r) => r.rec.section === section)) })),
    byLevel: ([1, 2] as const).map((level) => ({ level, tally: tally(rows.filter((r) => r.rec.level === level)) })),
    progress: progressOf(rows, riskCards),
  };
  const assessors = [
    ...new Set([data.assessment.createdBy, ...data.history.map((e) => e.actor), ...data.decisions.map((d) => d.decidedBy), ...data.evidence.map((e) => e.addedBy)]),
  ].filter((name) => name !== '');
  const drift = packDrift(data);
  const workpaper = buildWorkpaper(data);
  return { data, benchmark: BENCHMARK, asOfDay, rows, summary, riskCards, schedule, exceptions, ...(drift ? { drift } : {}), assessors, attachments, workpaper };
}
