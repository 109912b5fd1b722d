import type { MitigationType, Rating } from '../src/risk.js';
import type { CheckContext } from './context.js';

export type SectionId = '2' | '3' | '4' | '5' | '6';
export type Level = 1 | 2;
export type AssessmentType = 'automated' | 'manual';

export const SECTION_TITLES: Record<SectionId, string> = {
  '2': 'Identity and Access Management',
  '3': 'Storage',
  '4': 'Logging',
  '5': 'Monitoring',
  '6': 'Networking',
};

/** The result of a check: a verdict from data, evidence for a person to judge, or missing input. */
export type CheckStatus = 'pass' | 'fail' | 'manual' | 'error';

/** One resource's part of a result, in words an auditor can read. */
export interface Finding {
  /** ARN where the resource has one, otherwise its id (or the account for account-wide facts). */
  resource: string;
  /** The region the fact comes from; `global` for IAM, account and other global services. */
  region: string;
  status: CheckStatus;
  detail: string;
}

export interface CheckResult {
  id: string;
  status: CheckStatus;
  findings: Finding[];
}

/** An AWS call a check reads, as recorded in a snapshot (DESIGN.md ⚑ snapshot). */
export interface ApiRead {
  service: string;
  operation: string;
  /** `global`: once per account; `regional`: once in every region in scope. */
  scope: 'global' | 'regional';
  /** For calls about one resource: the request members that identify it (e.g. `Bucket`). */
  per?: string;
  /** Fixed request members, e.g. `{ OnlyAttached: true }`. */
  params?: Record<string, unknown>;
}

/** Our own words for an auditor: never the benchmark's sentences. */
export interface Guidance {
  /** What it protects against: 2–4 sentences. */
  protects: string;
  /** How to verify it in the AWS console, as steps. */
  verifyConsole: string[];
  /** How to verify it with the AWS CLI, as steps or commands. */
  verifyCli: string[];
  /** How to fix it, as steps. */
  remediation: string[];
}

/** Where a risk card starts from before the assessor adjusts it. */
export interface RiskDefaults {
  likelihood: Rating;
  impact: Rating;
  mitigation: MitigationType;
  /** One line: why this mitigation type fits. */
  mitigationWhy: string;
}

export interface Recommendation {
  id: string;
  section: SectionId;
  /** `3.1` for 3.1.x recommendations; absent where the section has no subsections. */
  subsection?: string;
  /** The benchmark's title (a fact we may use). */
  title: string;
  level: Level;
  assessment: AssessmentType;
  guidance: Guidance;
  reads: ApiRead[];
  risk: RiskDefaults;
  /** Pure: reads the snapshot through the context, never the database or the network. */
  evaluate(ctx: CheckContext): Finding[];
}
