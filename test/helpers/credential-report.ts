import type { SnapshotCall } from '../../src/snapshot.js';
import { ok, TEST_ACCOUNT } from './snapshot.js';

/** The header IAM writes, spelled out here so the parser is tested against the real column set. */
export const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** The default collection time of test snapshots (test/helpers/snapshot.ts). */
export const TEST_NOW = '2026-11-25T10:00:00Z';

/** An ISO time `days` (may be fractional) before the test collection time, in the report's +00:00 form. */
export function daysAgo(days: number, from = TEST_NOW): string {
  return new Date(Date.parse(from) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export interface KeySlot {
  active: boolean;
  /** Creation time (the report's last_rotated). */
  rotated: string;
  /** Omitted: never used (N/A). */
  lastUsed?: string;
}

export interface UserRow {
  name: string;
  created?: string;
  /** Omitted: no console password. `lastUsed` omitted: never used (no_information). */
  password?: { changed: string; lastUsed?: string };
  mfa?: boolean;
  key1?: KeySlot;
  key2?: KeySlot;
}

function keyColumns(slot: KeySlot | undefined): string[] {
  if (!slot) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [String(slot.active), slot.rotated, slot.lastUsed ?? 'N/A', slot.lastUsed ? 'us-east-1' : 'N/A', slot.lastUsed ? 's3' : 'N/A'];
}

export function userRow(u: UserRow): string {
  return [
    u.name,
    `arn:aws:iam::${TEST_ACCOUNT}:user/${u.name}`,
    u.created ?? daysAgo(400),
    u.password ? 'true' : 'false',
    u.password ? (u.password.lastUsed ?? 'no_information') : 'N/A',
    u.password ? u.password.changed : 'N/A',
    'N/A',
    String(u.mfa ?? false),
    ...keyColumns(u.key1),
    ...keyColumns(u.key2),
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
}

export interface RootRow {
  passwordEnabled?: 'not_supported' | 'true' | 'false';
  passwordLastUsed?: string;
  mfa?: boolean;
  key1?: KeySlot;
  key2?: KeySlot;
}

export function rootRow(r: RootRow = {}): string {
  return [
    '<root_account>',
    `arn:aws:iam::${TEST_ACCOUNT}:root`,
    daysAgo(2000),
    r.passwordEnabled ?? 'not_supported',
    r.passwordLastUsed ?? 'no_information',
    'not_supported',
    'not_supported',
    String(r.mfa ?? true),
    ...keyColumns(r.key1),
    ...keyColumns(r.key2),
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
}

export function reportContent(rows: string[], header = REPORT_HEADER): string {
  return Buffer.from([header, ...rows].join('\n') + '\n', 'utf8').toString('base64');
}

/** A recorded GetCredentialReport whose Content holds the given rows. */
export function credentialReportCall(rows: string[], header = REPORT_HEADER): Partial<SnapshotCall> {
  return ok('iam', 'GetCredentialReport', { Content: reportContent(rows, header), ReportFormat: 'text/csv', GeneratedTime: daysAgo(0.1) });
}
