/**
 * Everything a pack is made of, read from the service in one place. The rest of evidence/ renders
 * files from this plain object with pure functions, so they can be tested with hand-built data.
 */
import { InputError } from '../src/errors.js';
import type { Assessment, Decision, EffectiveStatus, EvidenceRecord, HistoryEvent, StoredResult } from '../src/model.js';
import type { KeptSecret } from '../src/secrets.js';
import type { AssayService } from '../src/service.js';
import type { Snapshot } from '../src/snapshot.js';
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js';

export type PackAssessment = Omit<Assessment, 'lastRecId'>;

export interface PackData {
  tool: { name: string; version: string };
  /**
   * The moment the pack describes, ISO-8601. Expiry and due dates are judged at this time, and it
   * is the export time the manifest records (see `asOfTime`).
   */
  asOf: string;
  /** How `asOf` was chosen, printed in the report. */
  asOfBasis: 'given' | 'latest recorded change';
  /** Without `lastRecId`: where the walk stood is UI state, and browsing must not change a pack. */
  assessment: PackAssessment;
  /** The assessment this one was carried forward from, when it still exists. */
  previous?: PackAssessment;
  /** The earlier assessment's results, for the drift section. */
  previousResults?: StoredResult[];
  /** Results per recommendation and source (Assay's own and imported ones). */
  results: StoredResult[];
  decisions: Decision[];
  /** The status the walk shows for each recommendation with a decision, judged at `asOf`. */
  effective: Record<string, EffectiveStatus>;
  /** The whole hash-chained history (decisions, attachments, scans), by seq. */
  history: HistoryEvent[];
  evidence: EvidenceRecord[];
  snapshot?: Snapshot;
  /** The snapshot's SHA-256 before its secret members were redacted (see src/service.ts). */
  snapshotOriginalSha256?: string;
  /** Values that look like credentials and go into the pack on purpose, with who, when and why. */
  keptSecrets?: KeptSecret[];
}

/**
 * The pack's as-of time when none is given: the latest time recorded in the assessment (creation,
 * scan, decisions, attachments). Taking it from the data rather than the clock is what makes two
 * exports of an unchanged assessment byte-identical.
 */
export function asOfTime(assessment: PackAssessment, history: readonly HistoryEvent[], evidence: readonly EvidenceRecord[]): string {
  const times = [assessment.createdAt, assessment.snapshotCollectedAt, ...history.map((e) => e.at), ...evidence.map((e) => e.addedAt)];
  let latest = assessment.createdAt;
  for (const time of times) {
    if (time !== undefined && Date.parse(time) > Date.parse(latest)) latest = time;
  }
  return new Date(latest).toISOString();
}

function withoutWalkPosition(assessment: Assessment): PackAssessment {
  const { lastRecId: _walkPosition, ...rest } = assessment;
  return rest;
}

/** Reads one assessment's pack data; refuses an assessment whose decision history is broken. */
export function gatherPackData(service: AssayService, assessmentId: number, now?: Date): PackData {
  const assessment = withoutWalkPosition(service.getAssessment(assessmentId));
  const check = service.verifyHistory(assessmentId);
  if (!check.intact) {
    const first = check.problems[0];
    throw new InputError(
      `the decision history of assessment ${assessmentId} is not intact (${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}` +
        `${first ? `, first at row ${first.position}: ${first.detail}` : ''}); a pack would certify it — see \`assay history ${assessmentId} --verify\``,
    );
  }
  const history = service.history(assessmentId);
  const evidence = service.listEvidence(assessmentId);
  const decisions = service.getDecisions(assessmentId);
  const asOf = now ? now.toISOString() : asOfTime(assessment, history, evidence);
  const asOfDate = new Date(asOf);
  let previous: PackAssessment | undefined;
  if (assessment.carriedFrom !== undefined) {
    try {
      previous = withoutWalkPosition(service.getAssessment(assessment.carriedFrom));
    } catch (err) {
      // The earlier assessment may have been deleted since; the pack then says so instead.
      if (!(err instanceof InputError)) throw err;
    }
  }
  const snapshot = service.getSnapshot(assessmentId);
  const snapshotOriginalSha256 = service.snapshotOriginalSha256(assessmentId);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    asOf,
    asOfBasis: now ? 'given' : 'latest recorded change',
    assessment,
    ...(previous ? { previous, previousResults: service.getResults(previous.id) } : {}),
    results: service.getResults(assessmentId),
    decisions,
    effective: Object.fromEntries(decisions.map((d) => [d.recId, service.effectiveStatus(d, asOfDate)])),
    history,
    evidence,
    ...(snapshot ? { snapshot } : {}),
    ...(snapshotOriginalSha256 ? { snapshotOriginalSha256 } : {}),
    keptSecrets: service.keptSecrets(assessmentId),
  };
}
