/**
 * Storing a parsed scanner file in an assessment: the one path the CLI (`assay import`) and the
 * TUI's import screen share. Callers parse the file first (`readScannerFile`), so a bad file opens
 * nothing; another account's file is refused before anything is stored.
 */
import { checkAccounts } from '../account-guard.js';
import type { AssayService } from '../service.js';
import type { ImportOutcome } from './index.js';

export interface AppliedImport {
  outcome: ImportOutcome;
  /** Results of the same scanner's earlier import that this one replaced. */
  replaced: number;
  /** Said when `force` let another account's file in. */
  warnings: string[];
}

export function applyImport(
  service: Pick<AssayService, 'getAssessment' | 'getResults' | 'storeResults'>,
  assessmentId: number,
  outcome: ImportOutcome,
  force = false,
): AppliedImport {
  const assessment = service.getAssessment(assessmentId);
  const warnings = checkAccounts(assessment, outcome.accounts, outcome.file, force);
  const replaced = service.getResults(assessmentId).filter((r) => r.source === outcome.source).length;
  service.storeResults(assessmentId, outcome.results, outcome.source);
  return { outcome, replaced, warnings };
}

const SOURCE_NAMES = { prowler: 'Prowler', securityhub: 'Security Hub' } as const;

/** What was stored, and that nothing of Assay's or the assessor's changed. */
export function describeStored(applied: AppliedImport, assessmentId: number): string {
  const name = SOURCE_NAMES[applied.outcome.source];
  return (
    `Stored as ${name} results in assessment ${assessmentId}${applied.replaced > 0 ? `, replacing the ${applied.replaced} from the previous ${name} import` : ''}. ` +
    "Assay's own results and the assessor's decisions are unchanged."
  );
}
