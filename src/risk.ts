/** The risk model of DESIGN.md: likelihood × impact → level → remediation window. */

export const LIKELIHOOD_LABELS = ['rare', 'unlikely', 'possible', 'probable'] as const;
export const IMPACT_LABELS = ['low', 'medium', 'high', 'very high'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const MITIGATION_TYPES = ['avoidance', 'reduction', 'transference', 'acceptance'] as const;

export type Rating = 1 | 2 | 3 | 4;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type MitigationType = (typeof MITIGATION_TYPES)[number];

/** What each mitigation type means, shown beside the picker and on risk cards. */
export const MITIGATION_MEANING: Record<MitigationType, string> = {
  avoidance: 'stop the activity or remove the resource that creates the risk',
  reduction: 'add or fix a control so the risk becomes less likely or less harmful',
  transference: 'move the risk to another party (a provider, an insurer, a managed service)',
  acceptance: 'knowingly live with the risk, with an approver and an expiry date',
};

/** Days allowed to fix a risk of each level, counted from the decision date. */
export const REMEDIATION_DAYS: Record<RiskLevel, number> = { critical: 14, high: 28, medium: 60, low: 90 };

/** The rule a due date came from, as the schedule prints it. */
export const WINDOW_RULE: Record<RiskLevel, string> = {
  critical: 'critical: within 2 weeks',
  high: 'high: within 4 weeks',
  medium: 'medium: within 2 months',
  low: 'low: within 3 months',
};

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function riskScore(likelihood: Rating, impact: Rating): number {
  return likelihood * impact;
}

/** Scores are products of 1–4, so 7, 10, 11, 13–15 never occur; the bands follow DESIGN.md. */
export function riskLevel(likelihood: Rating, impact: Rating): RiskLevel {
  const score = riskScore(likelihood, impact);
  if (score >= 12) return 'critical';
  if (score >= 8) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** The due date (YYYY-MM-DD, UTC) for a risk decided on `decidedAt`. */
export function dueDate(decidedAt: Date, level: RiskLevel): string {
  const due = new Date(Date.UTC(decidedAt.getUTCFullYear(), decidedAt.getUTCMonth(), decidedAt.getUTCDate()));
  due.setUTCDate(due.getUTCDate() + REMEDIATION_DAYS[level]);
  return due.toISOString().slice(0, 10);
}

export const SEVERITY_ORDER: Record<RiskLevel, number> = { critical: 0, high: 1, medium: 2, low: 3 };
