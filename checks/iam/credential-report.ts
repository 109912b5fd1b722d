import { parse } from 'csv-parse/sync';
import { MissingInput, type CheckContext } from '../context.js';

/** The name IAM gives the root user's row. */
export const ROOT_USER = '<root_account>';

// The checks read only these; reports written before IAM added the last-used region/service
// columns still carry all of them.
const REQUIRED_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
] as const;

type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];
/** The report's other columns (test/helpers/credential-report.ts spells out the full header). */
type OtherColumn = 'password_next_rotation' | `access_key_${1 | 2}_last_used_${'region' | 'service'}` | `cert_${1 | 2}_${'active' | 'last_rotated'}`;

/** One row of the report: every value is the CSV text (`true`, `N/A`, an ISO date…). */
export type CredentialReportRow = Record<RequiredColumn, string> & Partial<Record<OtherColumn, string>>;

export interface CredentialReport {
  /** The root user's row, when the report has one. */
  root?: CredentialReportRow;
  /** The IAM users' rows (root excluded). */
  users: CredentialReportRow[];
}

/** The report's Content is not a credential report we can read. */
export class CredentialReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialReportError';
  }
}

/** The records of the report's CSV (csv-parse: quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new CredentialReportError(`Content is not valid CSV (${(err as Error).message})`);
  }
}

/** Decodes the base64 Content of GetCredentialReport and parses its CSV, checking the columns. */
export function parseCredentialReport(content: unknown): CredentialReportRow[] {
  if (typeof content !== 'string' || content.trim() === '') throw new CredentialReportError('Content is missing or empty');
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new CredentialReportError('Content is not base64');
  const [header = [], ...records] = csvRecords(Buffer.from(compact, 'base64').toString('utf8'));
  const absent = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0) throw new CredentialReportError(`the report lacks the column(s) ${absent.join(', ')}`);
  return records.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new CredentialReportError(`Content is not valid CSV (data row ${index + 1} has ${fields.length} fields, the header ${header.length})`);
    }
    const row: Record<string, string> = {};
    header.forEach((column, k) => (row[column] = fields[k] ?? ''));
    return row as CredentialReportRow;
  });
}

interface GetCredentialReportOutput {
  Content?: string;
  GeneratedTime?: string;
}

/**
 * `credential report (generated 2026-11-25T07:36Z)`: how a finding names the report, with its age,
 * since IAM may hand out a report generated hours before the snapshot.
 */
export function reportLabel(ctx: CheckContext): string {
  const generated = ctx.optional<GetCredentialReportOutput>('iam', 'GetCredentialReport')?.GeneratedTime;
  const at = generated ? new Date(generated) : undefined;
  if (!at || Number.isNaN(at.getTime())) return 'credential report (generation time not recorded)';
  const hoursBefore = Math.floor((ctx.now.getTime() - at.getTime()) / 3_600_000);
  const age = hoursBefore >= 1 ? `, ${hoursBefore} h before collection` : '';
  return `credential report (generated ${at.toISOString().slice(0, 16)}Z${age})`;
}

/**
 * The snapshot's credential report, parsed once for all the checks that read it; MissingInput
 * when it was not recorded, failed or cannot be read.
 */
export function credentialReport(ctx: CheckContext): CredentialReport {
  return ctx.memo('iam credential report', () => {
    const output = ctx.output<GetCredentialReportOutput>('iam', 'GetCredentialReport');
    let rows: CredentialReportRow[];
    try {
      rows = parseCredentialReport(output?.Content);
    } catch (err) {
      if (err instanceof CredentialReportError) {
        throw new MissingInput('iam GetCredentialReport', 'global', { code: 'UnreadableReport', message: err.message });
      }
      throw err;
    }
    return {
      root: rows.find((r) => r.user === ROOT_USER),
      users: rows.filter((r) => r.user !== ROOT_USER),
    };
  });
}

/** A timestamp of the report, or undefined for its markers (`N/A`, `no_information`, `not_supported`). */
export function reportTime(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** `true`/`false` of the report (any case); undefined for `not_supported` and other markers. */
export function reportFlag(value: string | undefined): boolean | undefined {
  const v = value?.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Whether the row's user can sign in to the console. */
export function hasConsolePassword(row: CredentialReportRow): boolean {
  return reportFlag(row.password_enabled) === true;
}

/** One access-key slot of a row, as the report describes it. */
export interface ReportKeySlot {
  slot: 1 | 2;
  active: boolean;
  /** When the key was created (the report calls it last rotated). */
  lastRotated?: Date;
  lastUsed?: Date;
}

/** The access-key slots of a row that hold a key (active, or with a creation date). */
export function reportKeySlots(row: CredentialReportRow): ReportKeySlot[] {
  const slots: ReportKeySlot[] = [
    { slot: 1, active: reportFlag(row.access_key_1_active) === true, lastRotated: reportTime(row.access_key_1_last_rotated), lastUsed: reportTime(row.access_key_1_last_used_date) },
    { slot: 2, active: reportFlag(row.access_key_2_active) === true, lastRotated: reportTime(row.access_key_2_last_rotated), lastUsed: reportTime(row.access_key_2_last_used_date) },
  ];
  return slots.filter((s) => s.active || s.lastRotated !== undefined);
}
