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
  | 'decideEach'
  | 'saveDraft'
  | 'loadDraft'
  | 'dropDraft'
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
  /** Sign SHA256SUMS with this minisign secret key. */
  signKey?: string;
}

export interface ExportResult {
  path: string;
  bytes?: number;
  files?: number;
  sha256?: string;
}

/** What an import of a scanner's file stored (the same words `assay import` prints). */
export interface ImportReport {
  /** The mapped recommendations, the rules not mapped and the entries skipped, one per line. */
  summary: string;
  /** Where the results went and what stayed unchanged. */
  stored: string;
  /** Said when a file of another account was let in. */
  warnings: string[];
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
  /** Where relative paths (attach, export, import) start. */
  cwd: string;
  /** The folder the export screen offers for packs until one is used in this session. */
  packFolder: string;
  /** The signing key the export screen offers (where `assay keygen` is told to write it). */
  signKey: string;
  /**
   * Writes a copy of an attachment's stored bytes to a private temporary file (mode 0600, never
   * executable) and returns its path.
   */
  extractAttachment?(sha256: string, name: string): Promise<string>;
  /** Marks an attachment detached, with who, when and why; its bytes stay stored (the service's `detachEvidence`). */
  detachEvidence?(assessmentId: number, recId: string, sha256OrPrefix: string, reason: string): void;
  /** Shows a file in the system viewer (`xdg-open`, `open`); returns the program used, or undefined when there is none. */
  openWithViewer?(path: string): string | undefined;
  /**
   * Imports a Prowler (CSV, JSON-OCSF) or Security Hub (ASFF) file into the assessment, as
   * `assay import` does; throws an InputError naming what is wrong with a file it refuses.
   */
  importScanner?(assessmentId: number, path: string): Promise<ImportReport>;
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
