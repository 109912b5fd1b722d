/**
 * schedule.csv, exceptions.csv and workpaper.csv: RFC 4180 (CRLF line ends), a header row, one row
 * per item, and a UTF-8 byte-order mark so that Excel on Windows reads the text as UTF-8.
 */
import { stringify } from 'csv-stringify/sync';
import { WORKPAPER_COLUMNS, workpaperCells, type Workpaper } from '../src/workpaper.js';
import type { ExceptionEntry, ScheduleItem } from './report.js';

/**
 * Free text typed by people (owners, justifications) could start with `=`, `+`, `-` or `@`, which
 * spreadsheets run as a formula when the CSV is opened; a leading apostrophe keeps it text.
 */
function text(value: string | undefined): string {
  const v = value ?? '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csv(header: readonly string[], rows: (string | number)[][]): string {
  return stringify([[...header], ...rows], { record_delimiter: 'windows', bom: true });
}

export function scheduleCsv(items: readonly ScheduleItem[]): string {
  return csv(
    [
      'due_date',
      'rec_id',
      'title',
      'kind',
      'severity',
      'likelihood',
      'impact',
      'score',
      'rating_basis',
      'owner',
      'mitigation',
      'window_rule',
      'due_basis',
      'window_start',
      'state',
      'exception_expires',
      'due_moves',
      'justification',
    ],
    items.map((s) => [
      s.dueDate,
      s.recId,
      text(s.title),
      s.kind,
      s.severity,
      s.likelihood,
      s.impact,
      s.score,
      s.ratingBasis,
      text(s.owner),
      s.mitigation,
      s.windowRule,
      text(s.dueBasis),
      s.startDate,
      s.state,
      s.expiresAt ?? '',
      text(s.dueMoves.map((m) => m.text).join('; ')),
      text(s.justification),
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

/** Every recommendation, the same table as the TUI's workpaper view; every text cell is guarded. */
export function workpaperCsv(workpaper: Workpaper): string {
  return csv(
    WORKPAPER_COLUMNS,
    workpaper.rows.map((row) => workpaperCells(row).map((cell) => (typeof cell === 'string' ? text(cell) : cell))),
  );
}
