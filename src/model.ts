/**
 * Domain types shared by the store, the service layer, the TUI, the evidence pack and imports.
 * Nothing here touches SQLite, AWS or Ink.
 */
import type { CheckStatus, Finding } from '../checks/types.js';
import type { MitigationType, Rating, RiskLevel } from './risk.js';

export const DECISION_STATUSES = ['pass', 'fail', 'exception', 'not_applicable'] as const;
/** What an assessor decides; `undecided` is the state before any decision. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number] | 'undecided';

/**
 * What the walk and the pack show: the decision, unless time or carry-forward says a person must
 * look again (an expired exception, or a decision carried from an earlier assessment).
 */
export type EffectiveStatus = DecisionStatus | 'needs_review' | 'carried';

export type FindingSource = 'assay' | 'prowler' | 'securityhub';

export interface Assessment {
  id: number;
  name: string;
  account: string;
  regions: string[];
  createdAt: string;
  createdBy: string;
  /** Where the data came from: `demo`, `snapshot:<file name>`, `live:<profile>`. */
  source: string;
  /** collectedAt of the snapshot the automated results come from, if scanned. */
  snapshotCollectedAt?: string;
  /** The assessment this one was carried forward from. */
  carriedFrom?: number;
  /** The recommendation the assessor last had open: reopening lands there. */
  lastRecId?: string;
  /** The longest an exception may run, in days after its decision (the schema's default is 365). */
  maxExceptionDays?: number;
}

/** The automated (or imported) result of one recommendation in one assessment. */
export interface StoredResult {
  recId: string;
  status: CheckStatus;
  source: FindingSource;
  findings: Finding[];
}

export interface Decision {
  recId: string;
  status: DecisionStatus;
  justification: string;
  likelihood?: Rating;
  impact?: Rating;
  /** Why the likelihood was chosen, as the risk card states it; only alongside a rating. */
  likelihoodWhy?: string;
  /** Why the impact was chosen; only alongside a rating. */
  impactWhy?: string;
  /** Derived from likelihood × impact when both are set. */
  riskLevel?: RiskLevel;
  mitigation?: MitigationType;
  mitigationWhy?: string;
  owner?: string;
  /** YYYY-MM-DD; defaults from the risk level's window. */
  dueDate?: string;
  /** Exceptions only. */
  approver?: string;
  /** Exceptions only, YYYY-MM-DD. */
  expiresAt?: string;
  decidedBy: string;
  decidedAt: string;
  /**
   * The automated result this decision contradicted when it was made (see `isOverride` in
   * src/states.ts): a pass over `fail`, a fail or exception over `pass`. Needs a justification.
   */
  overrides?: CheckStatus;
  /** Set on decisions brought across by carry-forward until the assessor confirms them. */
  carriedFrom?: { assessmentId: number; decidedAt: string };
}

/** The fields a caller gives to record a decision; the service fills in who, when and the risk. */
export type DecisionInput = Omit<Decision, 'decidedBy' | 'decidedAt' | 'riskLevel' | 'carriedFrom' | 'overrides'>;

/**
 * One append-only history row; `hash` covers every other field, `prevHash` links the chain.
 * Decisions, attachments and scans share one chain, so "who attached what, when" and "which
 * snapshot the automated results came from" are as tamper-evident as the decisions.
 */
export type HistoryEvent = DecisionEvent | EvidenceEvent | ScanEvent;

interface EventBase {
  seq: number;
  assessmentId: number;
  actor: string;
  at: string;
  prevHash: string;
  hash: string;
}

/** A decision recorded or changed. Rows written before other kinds joined the chain have no `kind`. */
export interface DecisionEvent extends EventBase {
  kind?: undefined;
  recId: string;
  before: Decision | null;
  after: Decision;
}

/** The attachment as the history records it: enough to find and re-check its bytes. */
export interface EvidenceRef {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  note?: string;
}

/** A file attached to a recommendation, or detached from it (its stored bytes are kept). */
export interface EvidenceEvent extends EventBase {
  kind: 'attach' | 'detach';
  recId: string;
  evidence: EvidenceRef;
  /** detach only: why it was taken off (attached by mistake, superseded, …). */
  reason?: string;
}

/** The automated results were (re)computed from a snapshot; its SHA-256 binds the data to the chain. */
export interface ScanEvent extends EventBase {
  kind: 'scan';
  /** Empty: a scan is about the whole assessment. */
  recId: '';
  snapshot: {
    /** SHA-256 of the stored (redacted) snapshot blob, re-checked whenever it is read. */
    sha256: string;
    /** SHA-256 of the snapshot as collected, before redaction (matches `sha256sum` of the file). */
    originalSha256?: string;
    collectedAt: string;
    source: string;
  };
}

export function isDecisionEvent(event: HistoryEvent): event is DecisionEvent {
  return event.kind === undefined;
}

export interface EvidenceRecord {
  id: number;
  assessmentId: number;
  recId: string;
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  note?: string;
  addedBy: string;
  addedAt: string;
  /** Set once the attachment was taken off (by mistake, superseded); its bytes stay stored. */
  detached?: { by: string; at: string; reason: string };
}
