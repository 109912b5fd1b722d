/** schedule.csv and exceptions.csv: RFC 4180, a header row, one row per item. */
import { stringify } from 'csv-stringify/sync';
import type { ExceptionEntry, ScheduleItem } from './report.js';

/**
 * Free text typed by people (owners, justifications) could start with `=`, `+`, `-` or `@`, which
 * spreadsheets run as a formula when the CSV is opened; a leading apostrophe keeps it text.
 */
function text(value: string | undefined): string {
  const v = value ?? '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csv(header: string[], rows: (string | number)[][]): string {
  return stringify([header, ...rows], { record_delimiter: 'unix' });
}

export function scheduleCsv(items: readonly ScheduleItem[]): string {
  return csv(
    ['due_date', 'rec_id', 'title', 'kind', 'severity', 'likelihood', 'impact', 'score', 'owner', 'mitigation', 'window_rule', 'due_basis', 'window_start', 'state', 'exception_expires'],
    items.map((s) => [
      s.dueDate,
      s.recId,
      text(s.title),
      s.kind,
      s.severity,
      s.likelihood,
      s.impact,
      s.score,
      text(s.owner),
      s.mitigation,
      s.windowRule,
      text(s.dueBasis),
      s.startDate,
      s.state,
      s.expiresAt ?? '',
    ]),
  );
}

export function exceptionsCsv(entries: readonly ExceptionEntry[]): string {
  return csv(
    ['rec_id', 'title', 'approver', 'decided_by', 'decided_at', 'expires_at', 'state', 'days_left', 'needs_review', 'risk_level', 'mitigation', 'owner', 'carried', 'justification'],
    entries.map((e) => [
      e.recId,
      text(e.title),
      text(e.approver),
      text(e.decidedBy),
      e.decidedAt,
      e.expiresAt,
      e.state,
      e.daysLeft,
      e.needsReview ? 'yes' : 'no',
      e.riskLevel,
      e.mitigation,
      text(e.owner),
      e.carried ? 'yes' : 'no',
      text(e.justification),
    ]),
  );
}
