/**
 * The service layer: the one API the CLI, the TUI, the evidence pack and the importers use to
 * read and change assessments. It owns validation and the decision history; the store below it
 * only keeps rows. Every change is one SQLite transaction.
 */
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { CATALOG, compareIds, findRecommendation } from '../checks/catalog.js';
import { evaluateSnapshot } from '../checks/evaluate.js';
import type { CheckResult, CheckStatus, Finding } from '../checks/types.js';
import { checkDecision, checkMaxExceptionDays, describeProblems, isRealDay } from './decision-rules.js';
import { errorReason, InputError, oneOf } from './errors.js';
import { formatBytes, INPUT_KINDS, MAX_ATTACHMENT_BYTES } from './input-file.js';
import { exceptionState } from './expiry.js';
import {
  DECISION_STATUSES,
  type Assessment,
  type Decision,
  type DecisionEvent,
  type DecisionInput,
  type EffectiveStatus,
  type EvidenceEvent,
  type EvidenceRecord,
  type EvidenceRef,
  type FindingSource,
  type HistoryEvent,
  isDecisionEvent,
  type ScanEvent,
  type StoredResult,
} from './model.js';
import type { Snapshot } from './snapshot.js';
import { redactSecretMembers } from '../evidence/secrets.js';
import { SecretScanner, type DetectOptions, type KeptSecret, type SecretHit, type SecretKind } from './secrets.js';
import { blobStream, deleteUnusedBlobs, putBlob, putBlobFromFile, readBlob, readFileInChunks, sha256Hex, storedSha256 } from './store/blobs.js';
import { canonicalJson, eventHash, GENESIS_HASH, verifyChain, type UnhashedEvent } from './store/chain.js';
import { BUSY_TIMEOUT_MS, openDatabase, type Db } from './store/database.js';
import { databaseFault, parseStoredJson, StoredDataDamaged } from './store/faults.js';
import { mediaTypeFor } from './store/media-types.js';
import { defined, toAssessment, toDecision, toEvent, toEvidence, type AssessmentRow, type DecisionRow, type EventRow, type EvidenceRow } from './store/rows.js';
import { defaultDbPath } from './store/paths.js';

export { canonicalJson, eventHash, GENESIS_HASH, verifyChain } from './store/chain.js';

export interface AssessmentSummary {
  assessment: Assessment;
  /** Recommendations whose effective status is a decision (not carried, not needing review). */
  decided: number;
  /** Recommendations in the catalogue (63). */
  total: number;
  /** Exceptions still in force (including those expiring soon). */
  openExceptions: number;
  expiredExceptions: number;
  /** Exceptions in force that expire within 30 days. */
  expiringExceptions: number;
}

/** A stored result without its findings. */
export interface ResultStatus {
  recId: string;
  source: FindingSource;
  status: CheckStatus;
}

export interface HistoryProblem {
  /** 1-based position of the row in the assessment's chain (ordered by seq). */
  position: number;
  seq?: number;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered';
  detail: string;
}

export interface HistoryVerification {
  intact: boolean;
  events: number;
  problems: HistoryProblem[];
  /**
   * What the chain cannot vouch for because it was recorded before attachments and scans joined
   * it (databases written before schema v5): named, not counted as problems.
   */
  notBound?: string[];
}

export interface OpenOptions {
  /** Default: $ASSAY_DB, else <platform data folder>/assay/assay.db. */
  dbPath?: string;
  /** Default: $ASSAY_ASSESSOR, else the OS user. */
  actor?: string;
  /** The clock for decision and creation times (tests fix it). */
  now?: () => Date;
}

export interface NewAssessmentInput {
  name: string;
  /** `demo`, `snapshot:<file name>`, `live:<profile>`, `import:<tool>`. */
  source: string;
  /** Scanned at once; the results and the snapshot itself are stored. */
  snapshot?: Snapshot;
  /** The account id when there is no snapshot to take it from. */
  account?: string;
  /** The earlier assessment this one continues (carry-forward). */
  carriedFrom?: number;
}

export { formatBytes, MAX_ATTACHMENT_BYTES } from './input-file.js';

const RECOMMENDATION_IDS = CATALOG.map((rec) => rec.id);

/** An event as the service appends it: the chain fills in seq, assessment and links. */
type NewEvent = HistoryEvent extends infer E ? (E extends HistoryEvent ? Omit<E, 'seq' | 'assessmentId' | 'prevHash' | 'hash'> : never) : never;

/** Who is recorded as acting: the option, else $ASSAY_ASSESSOR, else the OS user. */
export function resolveActor(option?: string): string {
  const given = option?.trim() || process.env.ASSAY_ASSESSOR?.trim();
  if (given) return given;
  try {
    return userInfo().username;
  } catch {
    // Containers may run as a uid with no passwd entry.
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

/** A date given as YYYY-MM-DD that names a real day; anything else is refused with the format. */
export function parseDay(what: string, value: string): string {
  const trimmed = value.trim();
  if (!isRealDay(trimmed)) {
    throw new InputError(`invalid ${what} "${value}"; expected a real date as YYYY-MM-DD`);
  }
  return trimmed;
}

/** An assessment id as typed on a command line. */
export function parseAssessmentId(text: string): number {
  const id = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new InputError(`invalid assessment id "${text}"; expected a positive whole number (see \`assay list\`)`);
  return id;
}

/** A recommendation id of the catalogue; anything else is refused with the accepted ids. */
export function checkRecommendation(recId: string): string {
  return oneOf('recommendation', recId, RECOMMENDATION_IDS);
}

export class AssayService {
  private constructor(
    private readonly db: Db,
    readonly dbPath: string,
    readonly actor: string,
    private readonly now: () => Date,
  ) {}

  /** Opens (creating if needed) the database; refuses files that are not Assay databases. */
  static open(options: OpenOptions = {}): AssayService {
    const dbPath = options.dbPath ?? defaultDbPath();
    return new AssayService(openDatabase(dbPath), dbPath, resolveActor(options.actor), options.now ?? (() => new Date()));
  }

  /** Opens the database, runs `work`, and closes it again whatever happens; a damaged, full or read-only database is told as such. */
  static async using<T>(options: OpenOptions, work: (service: AssayService) => T | Promise<T>): Promise<T> {
    const service = AssayService.open(options);
    try {
      return await work(service);
    } catch (err) {
      throw databaseFault(service.dbPath, err);
    } finally {
      service.close();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ── assessments ────────────────────────────────────────────────────────────────────────────

  listAssessments(today: Date = this.now()): AssessmentSummary[] {
    const rows = this.db.prepare('SELECT * FROM assessments ORDER BY id').all() as AssessmentRow[];
    const decisions = this.db.prepare('SELECT * FROM decisions').all() as DecisionRow[];
    const byAssessment = new Map<number, Decision[]>();
    for (const row of decisions) {
      const list = byAssessment.get(row.assessment_id) ?? [];
      list.push(toDecision(row));
      byAssessment.set(row.assessment_id, list);
    }
    return rows.map((row) => {
      const list = byAssessment.get(row.id) ?? [];
      const states = list.map((d) => exceptionState(d, today));
      return {
        assessment: toAssessment(row),
        decided: list.filter((d) => (DECISION_STATUSES as readonly string[]).includes(this.effectiveStatus(d, today))).length,
        total: CATALOG.length,
        openExceptions: states.filter((s) => s === 'valid' || s === 'expiring').length,
        expiredExceptions: states.filter((s) => s === 'expired').length,
        expiringExceptions: states.filter((s) => s === 'expiring').length,
      };
    });
  }

  /** Creates an assessment; with a snapshot, evaluates it and stores the results and the snapshot. */
  createAssessment(input: NewAssessmentInput): Assessment {
    const name = input.name.trim();
    if (!name) throw new InputError('an assessment needs a name (--name)');
    if (input.carriedFrom !== undefined) this.getAssessment(input.carriedFrom);
    const account = input.snapshot?.account ?? input.account ?? '';
    const results = input.snapshot ? evaluateSnapshot(input.snapshot) : undefined;
    const id = this.write(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO assessments (name, account, regions, created_at, created_by, source, chain_head, carried_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(name, account, JSON.stringify(input.snapshot?.regions ?? []), this.now().toISOString(), this.actor, input.source, GENESIS_HASH, input.carriedFrom ?? null);
      const newId = Number(lastInsertRowid);
      if (input.snapshot && results) this.writeScan(newId, input.snapshot, results, { original: originalSha256(input.snapshot), source: input.source });
      return newId;
    });
    return this.getAssessment(id);
  }

  getAssessment(id: number): Assessment {
    return toAssessment(this.assessmentRow(id));
  }

  renameAssessment(id: number, name: string): void {
    const trimmed = name.trim();
    if (!trimmed) throw new InputError('an assessment needs a name');
    this.assessmentRow(id);
    this.write(() => this.db.prepare('UPDATE assessments SET name = ? WHERE id = ?').run(trimmed, id));
  }

  /** Deletes the assessment with its results, decisions, history and evidence rows. */
  deleteAssessment(id: number): void {
    this.assessmentRow(id);
    this.write(() => {
      this.db.prepare('DELETE FROM assessments WHERE id = ?').run(id);
      deleteUnusedBlobs(this.db);
    });
  }

  setLastRec(id: number, recId: string): void {
    checkRecommendation(recId);
    this.assessmentRow(id);
    this.write(() => this.db.prepare('UPDATE assessments SET last_rec_id = ? WHERE id = ?').run(recId, id));
  }

  // ── automated results ──────────────────────────────────────────────────────────────────────

  /**
   * Evaluates a snapshot (by default the one stored) and replaces the assessment's Assay results
   * with it. Decisions, imported results and the history are left alone. A snapshot of another
   * account is refused unless `force` is set.
   */
  rescan(id: number, snapshot?: Snapshot, options: { force?: boolean; source?: string } = {}): StoredResult[] {
    const row = this.assessmentRow(id);
    const scanned = snapshot ?? this.getSnapshot(id);
    if (!scanned) throw new InputError(`assessment ${id} has no snapshot to scan again; give one (--snapshot FILE, --demo or --profile P)`);
    if (row.account && scanned.account !== row.account && !options.force) {
      throw new InputError(`the snapshot is of account ${scanned.account} but assessment ${id} is of account ${row.account}; use --force to scan it anyway`);
    }
    const results = evaluateSnapshot(scanned);
    this.write(() => {
      // The stored snapshot is redacted already; its original's hash stays as recorded.
      this.writeScan(id, scanned, results, snapshot ? { original: originalSha256(snapshot), source: options.source ?? 'rescan' } : { source: 'rescan of the stored snapshot' });
      deleteUnusedBlobs(this.db);
    });
    return this.getResults(id);
  }

  /** Replaces the results of one source (Assay's own, or an import) and leaves the others. */
  storeResults(id: number, results: CheckResult[], source: FindingSource): void {
    this.assessmentRow(id);
    oneOf('finding source', source, ['assay', 'prowler', 'securityhub'] as const);
    for (const result of results) {
      checkRecommendation(result.id);
      this.checkStatus(result.status, `result of ${result.id}`);
      for (const finding of result.findings) this.checkStatus(finding.status, `finding of ${result.id}`);
    }
    this.write(() => this.replaceResults(id, results, source));
  }

  getResults(id: number): StoredResult[] {
    this.assessmentRow(id);
    const results = this.db.prepare('SELECT rec_id, source, status FROM results WHERE assessment_id = ?').all(id) as {
      rec_id: string;
      source: FindingSource;
      status: CheckStatus;
    }[];
    const findings = this.db
      .prepare('SELECT rec_id, source, resource, region, status, detail FROM findings WHERE assessment_id = ? ORDER BY rec_id, source, position')
      .all(id) as (Finding & { rec_id: string; source: string })[];
    const byKey = new Map<string, StoredResult>();
    for (const row of results) byKey.set(`${row.rec_id}\u0000${row.source}`, { recId: row.rec_id, status: row.status, source: row.source, findings: [] });
    for (const { rec_id, source, resource, region, status, detail } of findings) {
      byKey.get(`${rec_id}\u0000${source}`)?.findings.push({ resource, region, status, detail });
    }
    return [...byKey.values()].sort((a, b) => compareIds(a.recId, b.recId) || a.source.localeCompare(b.source));
  }

  /**
   * Each result's status without its findings: what a list of all 63 needs (the TUI's walk opens
   * on this), without reading every finding of a large account.
   */
  resultStatuses(id: number): ResultStatus[] {
    this.assessmentRow(id);
    const rows = this.db.prepare('SELECT rec_id AS recId, source, status FROM results WHERE assessment_id = ?').all(id) as ResultStatus[];
    return rows.sort((a, b) => compareIds(a.recId, b.recId) || a.source.localeCompare(b.source));
  }

  /** The results of one recommendation (every source), with their findings. */
  resultsFor(id: number, recId: string): StoredResult[] {
    this.assessmentRow(id);
    checkRecommendation(recId);
    const results = this.db.prepare('SELECT source, status FROM results WHERE assessment_id = ? AND rec_id = ? ORDER BY source').all(id, recId) as {
      source: FindingSource;
      status: CheckStatus;
    }[];
    const findings = this.db.prepare('SELECT resource, region, status, detail FROM findings WHERE assessment_id = ? AND rec_id = ? AND source = ? ORDER BY position');
    return results.map((r) => ({ recId, source: r.source, status: r.status, findings: findings.all(id, recId, r.source) as Finding[] }));
  }

  /** The SHA-256 of the snapshot as given, before its secret members were redacted for storing. */
  snapshotOriginalSha256(id: number): string | undefined {
    this.assessmentRow(id);
    const row = this.db.prepare('SELECT snapshot_original_sha256 FROM assessments WHERE id = ?').get(id) as { snapshot_original_sha256: string | null };
    return row.snapshot_original_sha256 ?? undefined;
  }

  /**
   * The stored snapshot, re-checked on every read: its bytes must hash to the key they are stored
   * under, and that key must be the one the latest scan event of the history recorded. A snapshot
   * changed after it was scanned is refused as damage, never evaluated.
   */
  getSnapshot(id: number): Snapshot | undefined {
    const row = this.assessmentRow(id);
    if (!row.snapshot_sha256) return undefined;
    const mismatch = this.snapshotMismatch(row, this.latestScan(id));
    if (mismatch) throw new StoredDataDamaged(`${mismatch}; see \`assay history ${id} --verify\``);
    const bytes = readBlob(this.db, row.snapshot_sha256);
    return bytes ? (parseStoredJson<Snapshot>(bytes.toString('utf8'), `the stored snapshot of assessment ${id}`)) : undefined;
  }

  // ── decisions ──────────────────────────────────────────────────────────────────────────────

  /** Validates and records one decision, appending a hash-chained history event. */
  decide(id: number, input: DecisionInput): Decision {
    const [decision] = this.decideEach(id, [input]);
    return decision!;
  }

  /** The same decision for several recommendations, in one transaction. */
  decideMany(id: number, recIds: string[], input: Omit<DecisionInput, 'recId'>): Decision[] {
    return this.decideEach(
      id,
      recIds.map((recId) => ({ ...input, recId })),
    );
  }

  /**
   * A decision for each recommendation, each with its own input (a batch where every one keeps its
   * own rating), in one transaction: all are recorded, or none when any is refused.
   */
  decideEach(id: number, inputs: readonly DecisionInput[]): Decision[] {
    const row = this.assessmentRow(id);
    if (inputs.length === 0) throw new InputError('no recommendation given to decide');
    const seen = new Set<string>();
    const unique = inputs.filter((input) => !seen.has(input.recId) && seen.add(input.recId));
    const decidedAt = this.now();
    const decisions = unique.map((input) => this.buildDecision(id, row, input, decidedAt, unique.length > 1));
    this.write(() => {
      for (const decision of decisions) this.writeDecision(id, decision, decision.decidedAt);
    });
    return decisions;
  }

  /** Sets how long an exception decided from now on may run, in days after its decision. */
  setMaxExceptionDays(id: number, days: number | string): number {
    this.assessmentRow(id);
    const limit = checkMaxExceptionDays(days);
    if (typeof limit === 'string') throw new InputError(limit);
    this.write(() => this.db.prepare('UPDATE assessments SET max_exception_days = ? WHERE id = ?').run(limit, id));
    return limit;
  }

  // ── drafts (unsaved forms: not assessment data, never exported, not history) ─────────────────

  /** Keeps a form's unsaved state under `key` (e.g. its sorted recommendation ids), replacing any earlier one. */
  saveDraft(id: number, key: string, body: unknown): void {
    this.assessmentRow(id);
    this.write(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO drafts (assessment_id, draft_key, body_json, saved_at) VALUES (?, ?, ?, ?)')
        .run(id, key, JSON.stringify(body), this.now().toISOString()),
    );
  }

  loadDraft(id: number, key: string): { body: unknown; savedAt: string } | undefined {
    this.assessmentRow(id);
    const row = this.db.prepare('SELECT body_json, saved_at FROM drafts WHERE assessment_id = ? AND draft_key = ?').get(id, key) as
      | { body_json: string; saved_at: string }
      | undefined;
    return row ? { body: JSON.parse(row.body_json) as unknown, savedAt: row.saved_at } : undefined;
  }

  dropDraft(id: number, key: string): void {
    this.assessmentRow(id);
    this.write(() => this.db.prepare('DELETE FROM drafts WHERE assessment_id = ? AND draft_key = ?').run(id, key));
  }

  /**
   * Brings decisions of an earlier assessment into this one, marked as carried until an assessor
   * decides again. Which recommendations to carry is the caller's choice; ones without a decision
   * in the earlier assessment are skipped. Returns the carried decisions.
   */
  carryForward(id: number, fromId: number, recIds: string[]): Decision[] {
    this.assessmentRow(id);
    this.assessmentRow(fromId);
    recIds.forEach(checkRecommendation);
    const source = new Map(this.getDecisions(fromId).map((d) => [d.recId, d]));
    const carried = recIds.flatMap((recId) => {
      const original = source.get(recId);
      if (!original) return [];
      const origin = original.carriedFrom ?? { assessmentId: fromId, decidedAt: original.decidedAt };
      return [{ ...original, carriedFrom: origin }];
    });
    const at = this.now().toISOString();
    this.write(() => {
      for (const decision of carried) this.writeDecision(id, decision, at);
    });
    return carried;
  }

  getDecisions(id: number): Decision[] {
    this.assessmentRow(id);
    const rows = this.db.prepare('SELECT * FROM decisions WHERE assessment_id = ?').all(id) as DecisionRow[];
    return rows.map(toDecision).sort((a, b) => compareIds(a.recId, b.recId));
  }

  /**
   * What the walk shows: `undecided` without a decision, `needs_review` for an expired
   * exception, `carried` for a carried decision not yet confirmed, otherwise the status.
   */
  effectiveStatus(decision: Decision | undefined, today: Date = this.now()): EffectiveStatus {
    if (!decision) return 'undecided';
    if (exceptionState(decision, today) === 'expired') return 'needs_review';
    if (decision.carriedFrom) return 'carried';
    return decision.status;
  }

  // ── history ────────────────────────────────────────────────────────────────────────────────

  history(id: number, recId?: string): HistoryEvent[] {
    this.assessmentRow(id);
    const rows = (
      recId === undefined
        ? this.db.prepare('SELECT * FROM decision_events WHERE assessment_id = ? ORDER BY seq').all(id)
        : this.db.prepare('SELECT * FROM decision_events WHERE assessment_id = ? AND rec_id = ? ORDER BY seq').all(id, checkRecommendation(recId))
    ) as EventRow[];
    return rows.map(toEvent);
  }

  /**
   * Re-hashes the whole chain, checks every link and the recorded head, and that each current
   * decision is what its last history row says.
   */
  verifyHistory(id: number): HistoryVerification {
    const row = this.assessmentRow(id);
    const events = this.history(id);
    const problems: HistoryProblem[] = verifyChain(events, { length: row.chain_length, hash: row.chain_head });
    const lastEvent = new Map<string, { event: DecisionEvent; position: number }>();
    events.forEach((event, index) => {
      if (isDecisionEvent(event)) lastEvent.set(event.recId, { event, position: index + 1 });
    });
    for (const decision of this.getDecisions(id)) {
      const last = lastEvent.get(decision.recId);
      if (!last) {
        problems.push({ position: events.length + 1, kind: 'inserted', detail: `the decision on ${decision.recId} has no history row` });
      } else if (canonicalJson(last.event.after) !== canonicalJson(decision)) {
        problems.push({
          position: last.position,
          seq: last.event.seq,
          kind: 'edited',
          detail: `the current decision on ${decision.recId} differs from its last history row (seq ${last.event.seq})`,
        });
      }
    }
    const notBound: string[] = [];
    this.checkEvidenceEvents(id, events, problems, notBound);
    this.checkScanEvents(row, events, problems, notBound);
    problems.sort((a, b) => a.position - b.position);
    return { intact: problems.length === 0, events: events.length, problems, ...(notBound.length > 0 ? { notBound } : {}) };
  }

  /**
   * Every attachment row, attached or detached, against the attach and detach events: each must
   * have one, say the same about the file, and be detached exactly when its last event is a detach.
   * Rows older than the first such event were recorded before attachments joined the chain.
   */
  private checkEvidenceEvents(id: number, events: readonly HistoryEvent[], problems: HistoryProblem[], notBound: string[]): void {
    const lastByFile = new Map<string, { event: EvidenceEvent; position: number }>();
    events.forEach((event, index) => {
      if (event.kind === 'attach' || event.kind === 'detach') lastByFile.set(`${event.recId}\u0000${event.evidence.sha256}`, { event, position: index + 1 });
    });
    const firstBound = events.find((event) => event.kind !== undefined)?.at;
    const rows = this.listEvidence(id, undefined, { includeDetached: true });
    for (const record of rows) {
      const key = `${record.recId}\u0000${record.sha256}`;
      const last = lastByFile.get(key);
      lastByFile.delete(key);
      const file = `the attachment ${record.sha256.slice(0, 12)} (${record.name}) of ${record.recId}`;
      if (!last) {
        if (firstBound === undefined || Date.parse(record.addedAt) < Date.parse(firstBound)) notBound.push(`${file}: not bound (recorded before attachments joined the history)`);
        else problems.push({ position: events.length + 1, kind: 'inserted', detail: `${file} has no attach event in the history` });
        continue;
      }
      const { event, position } = last;
      if (canonicalJson(evidenceRef(record)) !== canonicalJson(event.evidence)) {
        problems.push({ position, seq: event.seq, kind: 'edited', detail: `${file} differs from what its ${event.kind} event (seq ${event.seq}) records` });
      } else if ((event.kind === 'detach') !== (record.detached !== undefined)) {
        problems.push({
          position,
          seq: event.seq,
          kind: 'edited',
          detail: `${file} is ${record.detached ? 'detached' : 'attached'} in the evidence table, but its last history event (seq ${event.seq}) ${event.kind}es it`,
        });
      }
    }
    for (const { event, position } of lastByFile.values()) {
      problems.push({ position, seq: event.seq, kind: 'deleted', detail: `the attachment ${event.evidence.sha256.slice(0, 12)} (${event.evidence.name}) of ${event.recId}, ${event.kind}ed at seq ${event.seq}, is gone from the evidence table` });
    }
  }

  /** The stored snapshot against the latest scan event; one stored before scans joined the chain is not bound. */
  private checkScanEvents(row: AssessmentRow, events: readonly HistoryEvent[], problems: HistoryProblem[], notBound: string[]): void {
    const index = events.findLastIndex((event) => event.kind === 'scan');
    const scan = index < 0 ? undefined : (events[index] as ScanEvent);
    if (row.snapshot_sha256 && !scan) {
      notBound.push(`the stored snapshot (SHA-256 ${row.snapshot_sha256.slice(0, 12)}…): not bound (recorded before scans joined the history)`);
      return;
    }
    const mismatch = this.snapshotMismatch(row, scan);
    if (mismatch) problems.push({ position: index + 1, seq: scan?.seq, kind: 'edited', detail: mismatch });
  }

  /** The latest scan event of the chain as stored, if any. */
  private latestScan(id: number): ScanEvent | undefined {
    const row = this.db.prepare("SELECT * FROM decision_events WHERE assessment_id = ? AND kind = 'scan' ORDER BY seq DESC LIMIT 1").get(id) as EventRow | undefined;
    return row ? (toEvent(row) as ScanEvent) : undefined;
  }

  /**
   * Why the stored snapshot is not the one the scan event recorded: the event no longer matches
   * its own hash, the snapshot is stored under another key, or its bytes no longer hash to that key.
   */
  private snapshotMismatch(row: AssessmentRow, scan: ScanEvent | undefined): string | undefined {
    if (!scan) return undefined;
    const what = `the stored snapshot of assessment ${row.id}`;
    if (eventHash(scan) !== scan.hash) return `the scan event (seq ${scan.seq}) that records ${what} no longer matches its hash`;
    if (row.snapshot_sha256 !== scan.snapshot.sha256) {
      return `${what} is stored as SHA-256 ${row.snapshot_sha256 ?? 'none'}, but the latest scan (seq ${scan.seq}) recorded ${scan.snapshot.sha256}: it was replaced after it was scanned`;
    }
    const actual = storedSha256(this.db, scan.snapshot.sha256);
    // Bytes that no longer hash to their own key are damage to the file, told as such wherever they are read.
    if (actual !== scan.snapshot.sha256) {
      throw new StoredDataDamaged(`${what} ${actual === undefined ? 'is missing' : `now hashes to ${actual}`}, but the latest scan (seq ${scan.seq}) recorded ${scan.snapshot.sha256}: its bytes were changed after it was scanned`);
    }
    return undefined;
  }

  // ── evidence ───────────────────────────────────────────────────────────────────────────────

  /**
   * Stores a file's bytes (once per distinct content) and links them to a recommendation,
   * appending an attach event. Attaching the same bytes to the same recommendation again returns
   * the existing record (one detached before is attached again). `replaces` detaches an earlier
   * attachment in the same step; its bytes stay stored, as with `detachEvidence`. `name` records
   * a name other than the file's own (a file staged under a temporary name); packs treat it as
   * untrusted text either way.
   */
  attach(id: number, recId: string, filePath: string, note?: string, options: { replaces?: string; name?: string } = {}): EvidenceRecord {
    this.assessmentRow(id);
    checkRecommendation(recId);
    const replaced = options.replaces === undefined ? undefined : this.attachedEvidence(id, recId, options.replaces);
    const { sha256, size } = this.readAttachment(filePath);
    if (replaced && replaced.sha256 === sha256) throw new InputError(`${filePath} is the very file it would replace (SHA-256 ${sha256}); nothing was changed`);
    const name = options.name ?? basename(filePath);
    const existing = this.evidenceRow(id, recId, sha256);
    if (existing && existing.detached_at === null && !replaced) return toEvidence(existing);
    const at = this.now().toISOString();
    const evidenceId = this.write(() => {
      if (replaced) this.markDetached(replaced, `replaced by ${sha256.slice(0, 12)} (${name})`, at);
      if (existing) {
        if (existing.detached_at !== null) {
          this.db.prepare('UPDATE evidence SET detached_by = NULL, detached_at = NULL, detach_reason = NULL WHERE id = ?').run(existing.id);
          this.appendEvent(id, { kind: 'attach', recId, actor: this.actor, at, evidence: evidenceRef(toEvidence(existing)) });
        }
        return existing.id;
      }
      let unchanged: boolean;
      try {
        unchanged = putBlobFromFile(this.db, filePath, INPUT_KINDS.attachment, sha256, size);
      } catch (err) {
        if (err instanceof Error && 'code' in err && typeof err.code === 'string' && !err.code.startsWith('SQLITE')) {
          throw new InputError(`cannot read ${filePath} (${err.code}); nothing was attached`);
        }
        throw err;
      }
      if (!unchanged) {
        throw new InputError(`${filePath} changed while it was being stored; nothing was attached, try again`);
      }
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO evidence (assessment_id, rec_id, sha256, name, media_type, size, note, added_by, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, recId, sha256, name, mediaTypeFor(name), size, note?.trim() || null, this.actor, at);
      const record = toEvidence(this.db.prepare('SELECT * FROM evidence WHERE id = ?').get(lastInsertRowid) as EvidenceRow);
      this.appendEvent(id, { kind: 'attach', recId, actor: this.actor, at, evidence: evidenceRef(record) });
      return record.id;
    });
    return toEvidence(this.db.prepare('SELECT * FROM evidence WHERE id = ?').get(evidenceId) as EvidenceRow);
  }

  /**
   * Takes an attachment off a recommendation (added by mistake, superseded): the record is marked
   * detached with who, when and why, a detach event is appended, and the stored bytes are kept.
   * Packs and `listEvidence` leave it out from then on.
   */
  detachEvidence(id: number, recId: string, sha256OrPrefix: string, reason: string): EvidenceRecord {
    this.assessmentRow(id);
    checkRecommendation(recId);
    const why = reason.trim();
    if (!why) throw new InputError('detaching an attachment needs a reason (--reason TEXT), e.g. "attached by mistake" or "superseded by the redacted copy"');
    const record = this.attachedEvidence(id, recId, sha256OrPrefix);
    this.write(() => this.markDetached(record, why, this.now().toISOString()));
    return toEvidence(this.evidenceRow(id, recId, record.sha256)!);
  }

  /** Searches stored bytes for credentials a chunk at a time (see src/secrets.ts). */
  scanEvidence(sha256: string, options: DetectOptions = {}): SecretHit[] {
    const scanner = new SecretScanner(options);
    for (const chunk of this.db.prepare('SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY idx').pluck().iterate(sha256)) scanner.push(chunk as Buffer);
    return scanner.finish();
  }

  // ── credentials kept on purpose ────────────────────────────────────────────────────────────

  keptSecrets(id: number): KeptSecret[] {
    this.assessmentRow(id);
    return this.db
      .prepare('SELECT fingerprint AS id, kind, reason, kept_by AS keptBy, kept_at AS keptAt FROM kept_secrets WHERE assessment_id = ? ORDER BY kept_at, fingerprint')
      .all(id) as KeptSecret[];
  }

  /**
   * Records that a value which looks like a credential goes into packs on purpose (it is none, or
   * it has been revoked), with who, when and why. Append-only, like the decision history.
   */
  keepSecret(id: number, finding: { id: string; kind: SecretKind }, reason: string): KeptSecret {
    this.assessmentRow(id);
    const why = reason.trim();
    if (!why) throw new InputError('keeping a credential in the pack needs a reason (--reason TEXT), e.g. "revoked on 2026-11-25" or "an example key, not a credential"');
    const kept: KeptSecret = { id: finding.id, kind: finding.kind, reason: why, keptBy: this.actor, keptAt: this.now().toISOString() };
    this.write(() =>
      this.db
        .prepare('INSERT OR IGNORE INTO kept_secrets (assessment_id, fingerprint, kind, reason, kept_by, kept_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, kept.id, kept.kind, kept.reason, kept.keptBy, kept.keptAt),
    );
    return this.keptSecrets(id).find((k) => k.id === finding.id)!;
  }

  /** The attachments of an assessment (or one recommendation); detached ones only when asked for. */
  listEvidence(id: number, recId?: string, options: { includeDetached?: boolean } = {}): EvidenceRecord[] {
    this.assessmentRow(id);
    const attachedOnly = options.includeDetached ? '' : ' AND detached_at IS NULL';
    const rows = (
      recId === undefined
        ? this.db.prepare(`SELECT * FROM evidence WHERE assessment_id = ?${attachedOnly} ORDER BY id`).all(id)
        : this.db.prepare(`SELECT * FROM evidence WHERE assessment_id = ? AND rec_id = ?${attachedOnly} ORDER BY id`).all(id, checkRecommendation(recId))
    ) as EvidenceRow[];
    return rows.map(toEvidence);
  }

  /** Streams stored bytes one chunk at a time; the service must stay open until the stream ends. */
  openEvidence(sha256: string): NodeJS.ReadableStream {
    const blob = this.db.prepare('SELECT chunks FROM blobs WHERE sha256 = ?').get(sha256) as { chunks: number } | undefined;
    if (!blob) throw new InputError(`no stored file with SHA-256 ${sha256}`);
    return blobStream(this.db, sha256, blob.chunks);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  /** An attachment of the recommendation still attached, named by its SHA-256 (or the start of it). */
  private attachedEvidence(id: number, recId: string, sha256: string): EvidenceRecord {
    const given = sha256.trim().toLowerCase();
    const attached = this.listEvidence(id, recId);
    const matches = /^[0-9a-f]{6,64}$/.test(given) ? attached.filter((e) => e.sha256.startsWith(given)) : [];
    if (matches.length === 1) return matches[0]!;
    const accepted = attached.length > 0 ? `; its attachments: ${attached.map((e) => `${e.sha256.slice(0, 12)} ${e.name}`).join(', ')}` : '';
    throw new InputError(`${recId} has no attachment with SHA-256 ${sha256}${matches.length > 1 ? ' alone (give more digits)' : ''}${accepted}`);
  }

  private evidenceRow(id: number, recId: string, sha256: string): EvidenceRow | undefined {
    return this.db.prepare('SELECT * FROM evidence WHERE assessment_id = ? AND rec_id = ? AND sha256 = ?').get(id, recId, sha256) as EvidenceRow | undefined;
  }

  /** Marks an attachment detached and appends its detach event; call inside a write transaction. */
  private markDetached(record: EvidenceRecord, reason: string, at: string): void {
    this.db.prepare('UPDATE evidence SET detached_by = ?, detached_at = ?, detach_reason = ? WHERE id = ?').run(this.actor, at, reason, record.id);
    this.appendEvent(record.assessmentId, { kind: 'detach', recId: record.recId, actor: this.actor, at, evidence: evidenceRef(record), reason });
  }

  /**
   * Runs `work` as one write transaction. BEGIN IMMEDIATE takes the write lock up front, so
   * concurrent processes queue (up to the busy timeout) instead of failing half-way.
   */
  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_BUSY')) {
        throw new InputError(`the database ${this.dbPath} stayed busy for ${BUSY_TIMEOUT_MS / 1000} s (another Assay is writing to it); nothing was changed, try again`);
      }
      throw err;
    }
  }

  private assessmentRow(id: number): AssessmentRow {
    if (!Number.isSafeInteger(id) || id < 1) throw new InputError(`invalid assessment id "${id}"; expected a positive whole number (see \`assay list\`)`);
    const row = this.db.prepare('SELECT * FROM assessments WHERE id = ?').get(id) as AssessmentRow | undefined;
    if (!row) throw new InputError(`no assessment with id ${id} in ${this.dbPath} (see \`assay list\`)`);
    return row;
  }

  private checkStatus(status: string, what: string): void {
    oneOf(`status of the ${what}`, status, ['pass', 'fail', 'manual', 'error'] as const);
  }

  /**
   * Stores the results and the snapshot, the latter redacted as a pack redacts it (the checks have
   * run on the whole of it already); `original` is the unredacted one's hash, undefined to keep the
   * one recorded. A scan event binds the stored snapshot's hash (and the original's) to the chain.
   */
  private writeScan(id: number, snapshot: Snapshot, results: CheckResult[], scan: { original?: string; source: string }): void {
    const { original } = scan;
    const sha256 = putBlob(this.db, Buffer.from(JSON.stringify(redactSecretMembers(snapshot)), 'utf8'));
    this.db
      .prepare(
        `UPDATE assessments SET snapshot_sha256 = ?, snapshot_collected_at = ?, regions = ?,
           account = CASE WHEN account = '' THEN ? ELSE account END,
           snapshot_original_sha256 = COALESCE(?, snapshot_original_sha256) WHERE id = ?`,
      )
      .run(sha256, snapshot.collectedAt, JSON.stringify(snapshot.regions), snapshot.account, original ?? null, id);
    this.replaceResults(id, results, 'assay');
    const originalSha256 = original ?? this.snapshotOriginalSha256(id);
    this.appendEvent(id, {
      kind: 'scan',
      recId: '',
      actor: this.actor,
      at: this.now().toISOString(),
      snapshot: defined({ sha256, originalSha256, collectedAt: snapshot.collectedAt, source: scan.source }),
    });
  }

  private replaceResults(id: number, results: CheckResult[], source: FindingSource): void {
    this.db.prepare('DELETE FROM results WHERE assessment_id = ? AND source = ?').run(id, source);
    const storedAt = this.now().toISOString();
    const insertResult = this.db.prepare('INSERT INTO results (assessment_id, rec_id, source, status, stored_at) VALUES (?, ?, ?, ?, ?)');
    const insertFinding = this.db.prepare(
      'INSERT INTO findings (assessment_id, rec_id, source, position, resource, region, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const result of results) {
      insertResult.run(id, result.id, source, result.status, storedAt);
      result.findings.forEach((f, position) => insertFinding.run(id, result.id, source, position, f.resource, f.region, f.status, f.detail));
    }
  }

  /**
   * Applies the decision rules (`decision-rules.ts`) against the automated result of Assay's own
   * scan; every refusal names the field's option and what is accepted (and, in a batch, `named`,
   * the recommendation refused).
   */
  private buildDecision(id: number, assessment: AssessmentRow, input: DecisionInput, decidedAt: Date, named: boolean): Decision {
    const recId = checkRecommendation(input.recId);
    const rec = findRecommendation(recId)!;
    const result = this.db.prepare("SELECT status FROM results WHERE assessment_id = ? AND rec_id = ? AND source = 'assay'").get(id, recId) as
      | { status: CheckStatus }
      | undefined;
    const checked = checkDecision(
      { ...input, recId },
      { id: recId, assessment: rec.assessment },
      { at: decidedAt, actor: this.actor, automated: result?.status, maxExceptionDays: assessment.max_exception_days },
    );
    if (checked.problems) throw new InputError(`${named ? `${recId}: ` : ''}${describeProblems(checked.problems, true)}`);
    return checked.decision;
  }

  /** Writes the current state and appends its history event; call inside a write transaction. */
  private writeDecision(id: number, decision: Decision, at: string): void {
    const beforeRow = this.db.prepare('SELECT * FROM decisions WHERE assessment_id = ? AND rec_id = ?').get(id, decision.recId) as DecisionRow | undefined;
    this.db
      .prepare(
        `INSERT OR REPLACE INTO decisions (assessment_id, rec_id, status, justification, likelihood, impact, likelihood_why, impact_why,
           risk_level, mitigation, mitigation_why, owner, due_date, approver, expires_at, decided_by, decided_at,
           carried_from_assessment, carried_from_decided_at, overrides)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        decision.recId,
        decision.status,
        decision.justification,
        decision.likelihood ?? null,
        decision.impact ?? null,
        decision.likelihoodWhy ?? null,
        decision.impactWhy ?? null,
        decision.riskLevel ?? null,
        decision.mitigation ?? null,
        decision.mitigationWhy ?? null,
        decision.owner ?? null,
        decision.dueDate ?? null,
        decision.approver ?? null,
        decision.expiresAt ?? null,
        decision.decidedBy,
        decision.decidedAt,
        decision.carriedFrom?.assessmentId ?? null,
        decision.carriedFrom?.decidedAt ?? null,
        decision.overrides ?? null,
      );
    this.appendEvent(id, { recId: decision.recId, actor: this.actor, at, before: beforeRow ? toDecision(beforeRow) : null, after: decision });
  }

  /**
   * Appends one event to the assessment's hash chain and moves its recorded head; call inside a
   * write transaction. Attach, detach and scan rows keep their payload in body_json (and the JSON
   * text null in after_json); a decision's row is as it always was.
   */
  private appendEvent(id: number, fields: NewEvent): HistoryEvent {
    const head = this.db.prepare('SELECT chain_length, chain_head FROM assessments WHERE id = ?').get(id) as
      | { chain_length: number; chain_head: string }
      | undefined;
    // Checked again inside the transaction: another process may have deleted it meanwhile.
    if (!head) throw new InputError(`no assessment with id ${id} in ${this.dbPath} (see \`assay list\`)`);
    const unhashed = { seq: head.chain_length + 1, assessmentId: id, ...fields, prevHash: head.chain_head } as UnhashedEvent;
    const event = { ...unhashed, hash: eventHash(unhashed) } as HistoryEvent;
    const decision = isDecisionEvent(event) ? event : undefined;
    const body = isDecisionEvent(event) ? null : JSON.stringify(event.kind === 'scan' ? { snapshot: event.snapshot } : defined({ evidence: event.evidence, reason: event.reason }));
    this.db
      .prepare(
        `INSERT INTO decision_events (assessment_id, seq, rec_id, actor, at, before_json, after_json, prev_hash, hash, kind, body_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, event.seq, event.recId, event.actor, event.at, decision?.before ? JSON.stringify(decision.before) : null, JSON.stringify(decision?.after ?? null), event.prevHash, event.hash, event.kind ?? null, body);
    this.db.prepare('UPDATE assessments SET chain_length = ?, chain_head = ? WHERE id = ?').run(event.seq, event.hash, id);
    return event;
  }

  private readAttachment(filePath: string): { sha256: string; size: number } {
    let read;
    try {
      read = readFileInChunks(filePath, INPUT_KINDS.attachment);
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`cannot read ${filePath} (${errorReason(err)})`);
    }
    if (read.size > MAX_ATTACHMENT_BYTES) throw new InputError(`${filePath} grew past ${formatBytes(MAX_ATTACHMENT_BYTES)} while being read`);
    return read;
  }
}

/** An attachment as its history events record it. */
function evidenceRef(record: EvidenceRecord): EvidenceRef {
  return defined({ sha256: record.sha256, name: record.name, mediaType: record.mediaType, size: record.size, note: record.note });
}

/**
 * The SHA-256 of a snapshot before redaction, over the bytes `assay collect --out` writes for it
 * (two-space JSON and a newline), so a collected file can be matched with `sha256sum`.
 */
export function originalSha256(snapshot: Snapshot): string {
  return sha256Hex(Buffer.from(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8'));
}
