import { describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/snapshot.js';
import { CheckContext, MissingInput } from '../context.js';
import { credentialReportCall, daysAgo, reportContent, REPORT_HEADER, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok } from '../../test/helpers/snapshot.js';
import { credentialReport, CredentialReportError, parseCredentialReport, reportFlag, reportKeySlots, reportTime } from './credential-report.js';

const ctxWith = (...calls: Parameters<typeof makeSnapshot>[0]) => new CheckContext(new SnapshotIndex(makeSnapshot(calls)));

describe('parseCredentialReport', () => {
  it('decodes the base64 CSV into rows keyed by the real column names', () => {
    const rows = parseCredentialReport(
      reportContent([rootRow({ mfa: true }), userRow({ name: 'dana', password: { changed: daysAgo(10), lastUsed: daysAgo(1) }, mfa: true, key1: { active: true, rotated: daysAgo(30), lastUsed: daysAgo(2) } })]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.user).toBe('<root_account>');
    expect(rows[0]?.password_enabled).toBe('not_supported');
    expect(rows[1]).toMatchObject({ user: 'dana', arn: 'arn:aws:iam::111122223333:user/dana', password_enabled: 'true', mfa_active: 'true', access_key_1_active: 'true', access_key_2_active: 'false', access_key_2_last_rotated: 'N/A' });
    expect(rows[1]?.cert_2_last_rotated).toBe('N/A');
  });

  it('reads a report written before the last-used region and service columns existed', () => {
    const oldHeader = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
    const line = 'ops,arn:aws:iam::111122223333:user/ops,2020-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2020-01-01T00:00:00+00:00,N/A,false,N/A,N/A,false,N/A,false,N/A';
    const rows = parseCredentialReport(reportContent([line], oldHeader));
    expect(rows[0]?.access_key_1_active).toBe('true');
    expect(rows[0]?.access_key_1_last_used_region).toBeUndefined();
  });

  it('rejects Content that is not base64', () => {
    expect(() => parseCredentialReport('user,arn\nnot base64!')).toThrow(CredentialReportError);
    expect(() => parseCredentialReport('')).toThrow(/missing or empty/);
    expect(() => parseCredentialReport(undefined)).toThrow(/missing or empty/);
  });

  it('rejects a CSV whose rows do not match the header', () => {
    const ragged = Buffer.from(`${REPORT_HEADER}\nonly,three,fields\n`).toString('base64');
    expect(() => parseCredentialReport(ragged)).toThrow(/not valid CSV \(data row 1 has 3 fields, the header 22\)/);
  });

  it('reads quoted fields, CRLF line ends, a byte-order mark and blank lines', () => {
    // IAM user names may contain commas, which the report then quotes.
    const line = userRow({ name: 'ops' }).replace(/^ops,/, '"ops,eu ""night"" team",');
    const text = `\uFEFF${REPORT_HEADER}\r\n\r\n${line}\r\n`;
    const rows = parseCredentialReport(Buffer.from(text, 'utf8').toString('base64'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.user).toBe('ops,eu "night" team');
    expect(rows[0]?.arn).toBe('arn:aws:iam::111122223333:user/ops');
    expect(rows[0]?.cert_2_last_rotated).toBe('N/A');
  });

  it('rejects broken quoting', () => {
    const unclosed = Buffer.from(`${REPORT_HEADER}\n"ops,${userRow({ name: 'x' })}\n`).toString('base64');
    expect(() => parseCredentialReport(unclosed)).toThrow(/not valid CSV \(Quote Not Closed/);
    const trailing = Buffer.from(`${REPORT_HEADER}\n"ops"x,${userRow({ name: 'x' }).split(',').slice(1).join(',')}\n`).toString('base64');
    expect(() => parseCredentialReport(trailing)).toThrow(/not valid CSV \(Invalid Closing Quote/);
  });

  it('names the columns a report lacks', () => {
    const content = Buffer.from('user,arn,mfa_active\nx,arn:aws:iam::111122223333:user/x,true\n').toString('base64');
    expect(() => parseCredentialReport(content)).toThrow(/password_enabled.*access_key_2_last_used_date/);
  });
});

describe('report values', () => {
  it('turns timestamps into dates and markers into undefined', () => {
    expect(reportTime('2026-11-18T07:42:10+00:00')?.toISOString()).toBe('2026-11-18T07:42:10.000Z');
    for (const marker of ['N/A', 'no_information', 'not_supported', '', undefined]) expect(reportTime(marker)).toBeUndefined();
  });

  it('reads true/false in any case and nothing else', () => {
    expect(reportFlag('true')).toBe(true);
    expect(reportFlag('TRUE')).toBe(true);
    expect(reportFlag('false')).toBe(false);
    expect(reportFlag('not_supported')).toBeUndefined();
  });

  it('lists only the key slots that hold a key', () => {
    const [row] = parseCredentialReport(reportContent([userRow({ name: 'ci', key2: { active: false, rotated: daysAgo(5) } })]));
    const slots = reportKeySlots(row!);
    expect(slots).toEqual([{ slot: 2, active: false, lastRotated: new Date(daysAgo(5)), lastUsed: undefined }]);
  });
});

describe('credentialReport(ctx)', () => {
  it('separates the root row from the IAM users', () => {
    const report = credentialReport(ctxWith(credentialReportCall([rootRow(), userRow({ name: 'a' }), userRow({ name: 'b' })])));
    expect(report.root?.arn).toBe('arn:aws:iam::111122223333:root');
    expect(report.users.map((u) => u.user)).toEqual(['a', 'b']);
  });

  it('parses a recorded report once for all checks', () => {
    const ctx = ctxWith(credentialReportCall([rootRow()]));
    expect(credentialReport(ctx)).toBe(credentialReport(ctx));
  });

  it('raises MissingInput naming the call when the report is missing, failed or unreadable', () => {
    const cases = [
      ctxWith(),
      ctxWith(denied('iam', 'GetCredentialReport', { code: 'ReportNotPresent' })),
      ctxWith(ok('iam', 'GetCredentialReport', { Content: '%%%', ReportFormat: 'text/csv' })),
    ];
    for (const ctx of cases) {
      let error: unknown;
      try {
        credentialReport(ctx);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(MissingInput);
      expect((error as MissingInput).call).toBe('iam GetCredentialReport');
    }
  });
});
