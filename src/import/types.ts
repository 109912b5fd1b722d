import type { CheckStatus } from '../../checks/types.js';
import type { FindingSource } from '../model.js';

export const IMPORT_FORMATS = ['prowler-csv', 'prowler-ocsf', 'asff'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  'prowler-csv': 'Prowler CSV',
  'prowler-ocsf': 'Prowler OCSF JSON',
  asff: 'Security Hub ASFF',
};

/** How each accepted format is described to the user, with the command that writes it. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'prowler-csv': 'Prowler CSV (`prowler aws -M csv`, ";"-separated)',
  'prowler-ocsf': 'Prowler OCSF JSON (`prowler aws -M json-ocsf`, an array of Detection Findings)',
  asff: 'AWS Security Hub findings in ASFF (`aws securityhub get-findings` output, {"Findings": [...]})',
};

export const FORMAT_SOURCE: Record<ImportFormat, Exclude<FindingSource, 'assay'>> = {
  'prowler-csv': 'prowler',
  'prowler-ocsf': 'prowler',
  asff: 'securityhub',
};

/** One scanner finding about one resource, already mapped (or not) to CIS v6 ids. */
export interface ScannerFinding {
  /** The scanner's own rule: a Prowler check id, a Security Hub control id or generator id. */
  ruleId: string;
  /** CIS v6.0.0 recommendation ids; empty when the rule maps to none. */
  cisIds: readonly string[];
  status: CheckStatus;
  resource: string;
  region: string;
  detail: string;
  /** The account the file says the finding is about, when it says so. */
  account?: string;
}

/** Entries a parser left out, grouped by why. */
export interface Skipped {
  reason: string;
  count: number;
}

export interface ParsedFile {
  format: ImportFormat;
  findings: ScannerFinding[];
  skipped: Skipped[];
}

/** A JSON member as an object, or an empty one when it is anything else: scanner files are untrusted. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A JSON member as trimmed text, or `''` when it is not a string. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Counts skipped entries by reason while a parser walks a file. */
export class SkipTally {
  private readonly counts = new Map<string, number>();

  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  list(): Skipped[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}
