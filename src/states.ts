/**
 * The words for a recommendation's states, one per state, used by the TUI, the CLI, the report and
 * OSCAL text alike, and the rule for when a decision overrides the automated result.
 */
import type { CheckStatus } from '../checks/types.js';
import type { DecisionStatus, EffectiveStatus } from './model.js';

/** The one word (or short phrase) for each state. "Open" is never used: STIG readers take it for a finding. */
export const STATE_WORDS: Record<EffectiveStatus, string> = {
  undecided: 'undecided',
  pass: 'pass',
  fail: 'fail',
  exception: 'exception',
  not_applicable: 'not applicable',
  needs_review: 'needs review',
  carried: 'carried — confirm',
};

/** The same states where a column is narrow (the walk at 80 columns, the counts bar). */
export const STATE_SHORT: Record<EffectiveStatus, string> = {
  undecided: 'undecided',
  pass: 'pass',
  fail: 'fail',
  exception: 'exc',
  not_applicable: 'n/a',
  needs_review: 'review',
  carried: 'confirm',
};

/**
 * Whether a decision contradicts the automated result: a pass where the data fails, or a fail or
 * exception where it passes. An override needs a justification and is marked wherever it is shown.
 */
export function isOverride(status: DecisionStatus, automated: CheckStatus | 'none' | undefined): boolean {
  if (automated === 'fail') return status === 'pass';
  if (automated === 'pass') return status === 'fail' || status === 'exception';
  return false;
}
