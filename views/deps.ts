/**
 * What the TUI needs from the rest of Assay. `src/commands/tui.ts` builds it from the service
 * layer, the demo, the snapshot reader, the collector and the pack writer; tests build it over a
 * temporary database. Views reach data only through this object — never SQL, never AWS.
 */
import type { DriftEntry } from '../src/drift.js';
import type { AssayService } from '../src/service.js';
import type { Snapshot } from '../src/snapshot.js';

export type TuiService = Pick<
  AssayService,
  | 'listAssessments'
  | 'createAssessment'
  | 'getAssessment'
  | 'renameAssessment'
  | 'deleteAssessment'
  | 'rescan'
  | 'resultStatuses'
  | 'resultsFor'
  | 'decide'
  | 'decideMany'
  | 'getDecisions'
  | 'effectiveStatus'
  | 'history'
  | 'attach'
  | 'listEvidence'
  | 'getSnapshot'
  | 'scanEvidence'
  | 'setLastRec'
>;

/** Progress of long work, throttled by the view into a bar. */
export interface Progress {
  done: number;
  /** Known so far; may grow while work is discovered (buckets, keys, users). */
  total: number;
  /** What is being done now, e.g. `ec2 DescribeSecurityGroups eu-west-1`. */
  current?: string;
}

export interface CollectOptions {
  profile?: string;
  /** Empty: every enabled region. */
  regions: string[];
  onProgress(progress: Progress): void;
  /** Things to know that do not stop the collection (a region skipped). */
  onWarning(message: string): void;
  signal: AbortSignal;
}

export interface ExportOptions {
  onProgress(progress: Progress): void;
  signal: AbortSignal;
}

export interface ExportResult {
  path: string;
  bytes?: number;
  files?: number;
  sha256?: string;
}

export interface CarryResult {
  id: number;
  /** Decisions brought across, marked "carried — confirm". */
  carried: number;
  /** Decisions left behind (expired exceptions, automated results that stand anew). */
  left: number;
}

/** Long work the TUI can run; absent when this build lacks it (the screen says so). */
export interface TuiDeps {
  service: TuiService;
  /** Where the database lives, shown on the home screen. */
  dbPath: string;
  /** The date expiry and due dates are judged on. */
  today(): Date;
  /** Where relative paths (attach, export) start. */
  cwd: string;
  loadDemo(): Snapshot;
  readSnapshot(path: string): Snapshot;
  collect?(options: CollectOptions): Promise<Snapshot>;
  exportPack?(assessmentId: number, outPath: string, options: ExportOptions): Promise<ExportResult>;
  /** What changed between the assessment and the one it was carried from. */
  drift?(assessmentId: number): DriftEntry[];
  /**
   * Starts a new assessment from an earlier one: scans `data` (or, without it, the earlier
   * snapshot again) and carries exceptions in force and manual decisions across.
   */
  carryForward?(fromId: number, name: string, data?: { snapshot: Snapshot; source: string }): CarryResult;
}
