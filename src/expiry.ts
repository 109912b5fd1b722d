import type { Decision } from './model.js';

/** How many days before expiry an exception starts to show as expiring. */
export const EXPIRY_WARNING_DAYS = 30;

export type ExceptionState = 'valid' | 'expiring' | 'expired';

/** Today's date as YYYY-MM-DD in UTC, the form expiry dates are compared in. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Where an exception stands on `today`: expired once the expiry date has passed (an exception
 * expiring today still holds today), expiring within 30 days. Not an exception: undefined.
 */
export function exceptionState(decision: Decision | undefined, today: Date = new Date()): ExceptionState | undefined {
  if (!decision || decision.status !== 'exception' || !decision.expiresAt) return undefined;
  const day = isoDay(today);
  if (decision.expiresAt < day) return 'expired';
  const warnFrom = new Date(`${decision.expiresAt}T00:00:00Z`);
  warnFrom.setUTCDate(warnFrom.getUTCDate() - EXPIRY_WARNING_DAYS);
  return day >= isoDay(warnFrom) ? 'expiring' : 'valid';
}
