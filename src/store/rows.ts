/** Rows as SQLite returns them, and their mapping to the domain types of src/model.ts. */
import type { Assessment, Decision, DecisionStatus, EvidenceEvent, EvidenceRecord, HistoryEvent, ScanEvent } from '../model.js';
import type { Rating } from '../risk.js';
import { parseStoredJson, StoredDataDamaged } from './faults.js';

export interface AssessmentRow {
  id: number;
  name: string;
  account: string;
  regions: string;
  created_at: string;
  created_by: string;
  source: string;
  snapshot_sha256: string | null;
  snapshot_collected_at: string | null;
  chain_length: number;
  chain_head: string;
  carried_from: number | null;
  last_rec_id: string | null;
  max_exception_days: number;
}

export interface DecisionRow {
  assessment_id: number;
  rec_id: string;
  status: DecisionStatus;
  justification: string;
  likelihood: number | null;
  impact: number | null;
  likelihood_why: string | null;
  impact_why: string | null;
  risk_level: string | null;
  mitigation: string | null;
  mitigation_why: string | null;
  owner: string | null;
  due_date: string | null;
  approver: string | null;
  expires_at: string | null;
  decided_by: string;
  decided_at: string;
  carried_from_assessment: number | null;
  carried_from_decided_at: string | null;
  overrides: string | null;
}

export interface EventRow {
  assessment_id: number;
  seq: number;
  rec_id: string;
  actor: string;
  at: string;
  before_json: string | null;
  /** The JSON text `null` for attach, detach and scan rows. */
  after_json: string;
  prev_hash: string;
  hash: string;
  /** NULL for a decision (and every row before schema v5). */
  kind: HistoryEvent['kind'] | null;
  /** The payload of an attach, detach or scan row. */
  body_json: string | null;
}

export interface EvidenceRow {
  id: number;
  assessment_id: number;
  rec_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  note: string | null;
  added_by: string;
  added_at: string;
  detached_by: string | null;
  detached_at: string | null;
  detach_reason: string | null;
}

/** Drops undefined members so stored JSON and hashes never depend on how an object was built. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toAssessment(row: AssessmentRow): Assessment {
  return defined({
    id: row.id,
    name: row.name,
    account: row.account,
    regions: parseStoredJson<string[]>(row.regions, `the regions of assessment ${row.id}`),
    createdAt: row.created_at,
    createdBy: row.created_by,
    source: row.source,
    snapshotCollectedAt: row.snapshot_collected_at ?? undefined,
    carriedFrom: row.carried_from ?? undefined,
    lastRecId: row.last_rec_id ?? undefined,
    maxExceptionDays: row.max_exception_days,
  });
}

export function toDecision(row: DecisionRow): Decision {
  return defined({
    recId: row.rec_id,
    status: row.status,
    justification: row.justification,
    likelihood: (row.likelihood ?? undefined) as Rating | undefined,
    impact: (row.impact ?? undefined) as Rating | undefined,
    likelihoodWhy: row.likelihood_why ?? undefined,
    impactWhy: row.impact_why ?? undefined,
    riskLevel: (row.risk_level ?? undefined) as Decision['riskLevel'],
    mitigation: (row.mitigation ?? undefined) as Decision['mitigation'],
    mitigationWhy: row.mitigation_why ?? undefined,
    owner: row.owner ?? undefined,
    dueDate: row.due_date ?? undefined,
    approver: row.approver ?? undefined,
    expiresAt: row.expires_at ?? undefined,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    overrides: (row.overrides ?? undefined) as Decision['overrides'],
    carriedFrom:
      row.carried_from_assessment !== null && row.carried_from_decided_at !== null
        ? { assessmentId: row.carried_from_assessment, decidedAt: row.carried_from_decided_at }
        : undefined,
  });
}

/** What an attach or detach row keeps in body_json. */
export type EvidenceEventBody = Pick<EvidenceEvent, 'evidence' | 'reason'>;
/** What a scan row keeps in body_json. */
export type ScanEventBody = Pick<ScanEvent, 'snapshot'>;

/** Members keep the order history.jsonl has always had: seq, assessmentId, recId, actor, at, …, prevHash, hash. */
export function toEvent(row: EventRow): HistoryEvent {
  const what = `history row ${row.seq} of assessment ${row.assessment_id}`;
  const { seq, assessment_id: assessmentId, actor, at, prev_hash: prevHash, hash } = row;
  if (row.kind === null) {
    const before = row.before_json === null ? null : parseStoredJson<Decision>(row.before_json, what);
    return { seq, assessmentId, recId: row.rec_id, actor, at, before, after: parseStoredJson<Decision>(row.after_json, what), prevHash, hash };
  }
  const body = parseStoredJson<Partial<EvidenceEventBody & ScanEventBody> | null>(row.body_json ?? 'null', what);
  if (row.kind === 'scan' && body?.snapshot) return { seq, assessmentId, recId: '', actor, at, kind: 'scan', snapshot: body.snapshot, prevHash, hash };
  if ((row.kind === 'attach' || row.kind === 'detach') && body?.evidence) {
    return defined({ seq, assessmentId, recId: row.rec_id, actor, at, kind: row.kind, evidence: body.evidence, reason: body.reason, prevHash, hash });
  }
  throw new StoredDataDamaged(`${what} is of kind "${String(row.kind)}" without the payload that kind needs`);
}

export function toEvidence(row: EvidenceRow): EvidenceRecord {
  return defined({
    id: row.id,
    assessmentId: row.assessment_id,
    recId: row.rec_id,
    sha256: row.sha256,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    note: row.note ?? undefined,
    addedBy: row.added_by,
    addedAt: row.added_at,
    detached: row.detached_at === null ? undefined : { by: row.detached_by ?? '', at: row.detached_at, reason: row.detach_reason ?? '' },
  });
}
