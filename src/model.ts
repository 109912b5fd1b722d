/**
 * Domain types shared by the store, the service layer, the TUI, the evidence pack and imports.
 * Nothing here touches SQLite, AWS or Ink.
 */
import type { CheckStatus, Finding } from '../checks/types.js';
import type { MitigationType, Rating, RiskLevel } from './risk.js';

export const DECISION_STATUSES = ['pass', 'fail', 'exception', 'not_applicable'] as const;
/** What an assessor decides; `not_reviewed` is the state before any decision. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number] | 'not_reviewed';

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
  /** Set on decisions brought across by carry-forward until the assessor confirms them. */
  carriedFrom?: { assessmentId: number; decidedAt: string };
}

/** The fields a caller gives to record a decision; the service fills in who, when and the risk. */
export type DecisionInput = Omit<Decision, 'decidedBy' | 'decidedAt' | 'riskLevel' | 'carriedFrom'> & { dueDate?: string };

/** One append-only history row; `hash` covers every other field, `prevHash` links the chain. */
export interface DecisionEvent {
  seq: number;
  assessmentId: number;
  recId: string;
  actor: string;
  at: string;
  before: Decision | null;
  after: Decision;
  prevHash: string;
  hash: string;
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
}
