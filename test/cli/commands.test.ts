import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { ASSAY_APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { writeSnapshotFile } from '../../src/snapshot.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { AUTOMATED_REC, MANUAL_REC, tempDir } from '../service/fixture.js';
import { cli } from './run.js';

async function newAssessment(db: string, ...source: string[]): Promise<string> {
  const created = await cli('new', '--name', 'Northwind Q4', ...source, '--db', db);
  expect(created.code, created.err).toBe(0);
  expect(created.out).toMatch(/^\d+\n$/);
  return created.out.trim();
}

describe('assay new and list', () => {
  it('creates an assessment from the demo account, prints its id, and lists it with progress', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    expect(id).toBe('1');
    const listed = await cli('list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^\\s+1  Northwind Q4\\s+111122223333  \\d{4}-\\d\\d-\\d\\d\\s+0/${CATALOG.length}  0 open$`, 'm'));
    const json = JSON.parse((await cli('list', '--json', '--db', db)).out) as { assessments: { assessment: { source: string }; total: number }[] };
    expect(json.assessments[0]).toMatchObject({ assessment: { source: 'demo' }, total: CATALOG.length });
  });

  it('creates from a snapshot file or from nothing, and refuses both sources at once', async () => {
    const dir = tempDir();
    const db = `${dir}/assay.db`;
    writeSnapshotFile(`${dir}/q4.json`, passwordPolicySnapshot(8));
    expect(await newAssessment(db, '--snapshot', `${dir}/q4.json`)).toBe('1');
    expect(await newAssessment(db)).toBe('2');
    const both = await cli('new', '--name', 'x', '--demo', '--snapshot', `${dir}/q4.json`, '--db', db);
    expect(both).toMatchObject({ code: 2, err: 'assay: give either --snapshot FILE or --demo, not both\n' });
    const missing = await cli('new', '--name', 'x', '--snapshot', `${dir}/absent.json`, '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${dir}/absent.json: cannot read the snapshot (ENOENT)`);
  });

  it('says so when the database is empty', async () => {
    const db = `${tempDir()}/assay.db`;
    expect((await cli('list', '--db', db)).out).toContain('no assessments in');
  });
});

describe('assay decide', () => {
  const FAILING_IN_DEMO = '2.8';

  it('records a decision with risk and due date, by the --assessor', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    const run = await cli('--assessor', 'erin', 'decide', id, AUTOMATED_REC, '--status', 'fail', '--justification', 'minimum length is 8', '--likelihood', '3', '--impact', '4', '--owner', 'platform', '--mitigation', 'reduction', '--mitigation-why', 'one setting', '--db', db);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(new RegExp(`^${AUTOMATED_REC}: fail, risk critical \\(likelihood 3 × impact 4\\), due \\d{4}-\\d\\d-\\d\\d, owner platform — recorded by erin\\n$`));
    const history = await cli('history', id, '--db', db);
    expect(history.out).toContain(`erin`);
    expect(history.out).toContain('undecided → fail');
  });

  it('records the reasons for the rating, showing only short ones in the summary', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    const longReason = 'an administrator account taken over this way would control every resource in the account';
    const run = await cli('decide', id, AUTOMATED_REC, '--status', 'fail', '--justification', 'minimum length is 8', '--likelihood', '3', '--impact', '4', '--likelihood-why', 'password logins are attacked often', '--impact-why', longReason, '--db', db);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('risk critical (likelihood 3 — password logins are attacked often × impact 4), due');
    const refused = await cli('decide', id, AUTOMATED_REC, '--status', 'fail', '--justification', 'x', '--impact-why', longReason, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('a reason for the likelihood or impact needs the rating itself');
  });

  it('decides several recommendations at once', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    const run = await cli('decide', id, AUTOMATED_REC, MANUAL_REC, '--status', 'not_applicable', '--justification', 'out of scope', '--db', db);
    expect(run.code, run.err).toBe(0);
    expect(run.out.trim().split('\n')).toHaveLength(2);
    expect(run.out).toContain('recorded by test-assessor');
  });

  it.each([
    [['--status', 'passed'], 'unknown status "passed"; accepted: pass, fail, exception, not_applicable (--status)'],
    [['--status', 'fail'], 'a justification is required for a fail decision (--justification TEXT)'],
    [['--status', 'exception', '--justification', 'x', '--expires', '2027-01-01'], 'an exception needs an approver (--approver NAME)'],
    [['--status', 'exception', '--justification', 'x', '--approver', 'cto'], 'an exception needs an expiry date (--expires YYYY-MM-DD)'],
    [['--status', 'exception', '--justification', 'x', '--approver', 'cto', '--expires', '2027-31-01'], 'invalid expiry date "2027-31-01"; expected a real date as YYYY-MM-DD (--expires YYYY-MM-DD)'],
    [['--status', 'fail', '--justification', 'x', '--likelihood', 'high', '--impact', '2'], 'invalid likelihood "high"; accepted: 1, 2, 3, 4'],
    [['--status', 'fail', '--justification', 'x', '--due', 'tomorrow'], 'invalid due date "tomorrow"; expected a real date as YYYY-MM-DD (--due YYYY-MM-DD)'],
  ])('refuses %j with a clear message and exit 2, recording nothing', async (flags, message) => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db);
    const run = await cli('decide', id, AUTOMATED_REC, ...flags, '--db', db);
    expect(run).toMatchObject({ code: 2, out: '', err: `assay: ${message}\n` });
    expect((await cli('history', id, '--db', db)).out).not.toContain(AUTOMATED_REC);
  });

  it('refuses to go against the automated result without a justification (exit 2), and records the override with one', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    // 2.8 fails in the demo account (its password policy allows reuse).
    const refused = await cli('decide', id, FAILING_IN_DEMO, '--status', 'pass', '--db', db);
    expect(refused).toMatchObject({ code: 2, out: '', err: `assay: a justification is required to pass ${FAILING_IN_DEMO}: its automated result is fail (--justification TEXT)\n` });
    expect((await cli('history', id, '--db', db)).out).not.toContain(FAILING_IN_DEMO);
    const run = await cli('decide', id, FAILING_IN_DEMO, '--status', 'pass', '--justification', 'the SSO provider enforces 16 characters', '--db', db);
    expect(run.code, run.err).toBe(0);
  });

  it('refuses an exception past the assessment limit, 365 days unless `new --max-exception-days` sets another', async () => {
    const db = `${tempDir()}/assay.db`;
    const exception = ['--status', 'exception', '--justification', 'vendor app', '--approver', 'cto', '--expires'];
    const id = await newAssessment(db);
    const forever = await cli('decide', id, AUTOMATED_REC, ...exception, '9999-12-31', '--db', db);
    expect(forever.code).toBe(2);
    expect(forever.err).toMatch(/the expiry date 9999-12-31 is past this assessment's limit of 365 days for an exception \(latest \d{4}-\d\d-\d\d\) \(--expires YYYY-MM-DD\)/);
    const short = await newAssessment(db, '--max-exception-days', '1');
    const tooLong = await cli('decide', short, AUTOMATED_REC, ...exception, '2099-01-01', '--db', db);
    expect(tooLong.err).toContain('limit of 1 days for an exception');
    const bad = await cli('new', '--name', 'x', '--max-exception-days', 'forever', '--db', db);
    expect(bad).toMatchObject({ code: 2, err: 'assay: invalid exception limit "forever"; accepted: a whole number of days from 1 to 3650 (--max-exception-days)\n' });
    expect((await cli('list', '--json', '--db', db)).out).not.toContain('"name":"x"');
  });

  it('names an unknown recommendation and assessment', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db);
    const rec = await cli('decide', id, '2.99', '--status', 'pass', '--db', db);
    expect(rec.code).toBe(2);
    expect(rec.err).toBe(`assay: unknown recommendation "2.99"; accepted: ${CATALOG.map((r) => r.id).join(', ')}\n`);
    const assessment = await cli('decide', '42', AUTOMATED_REC, '--status', 'pass', '--db', db);
    expect(assessment.code).toBe(2);
    expect(assessment.err).toContain('no assessment with id 42');
    expect((await cli('decide', 'abc', AUTOMATED_REC, '--status', 'pass', '--db', db)).err).toContain('invalid assessment id "abc"');
  });
});

describe('assay history', () => {
  it('verifies an intact chain, and reports a tampered one by position with exit 1', async () => {
    const db = `${tempDir()}/assay.db`;
    const id = await newAssessment(db, '--demo');
    for (const status of ['fail', 'pass', 'fail']) {
      expect((await cli('decide', id, AUTOMATED_REC, '--status', status, '--justification', `now ${status}`, '--db', db)).code).toBe(0);
    }
    const intact = await cli('history', id, '--verify', '--db', db);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/history intact: 4 events, every hash and link checked, head [0-9a-f]{64}\n$/);

    const raw = new Database(db);
    raw.exec('DROP TRIGGER decision_events_no_update');
    raw.prepare("UPDATE decision_events SET actor = 'mallory' WHERE seq = 2").run();
    raw.close();
    const tampered = await cli('history', id, '--verify', '--db', db);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('history NOT intact: 1 problem in 4 stored events');
    expect(tampered.out).toContain('position 2 (seq 2): edited');
    const json = JSON.parse((await cli('history', id, AUTOMATED_REC, '--verify', '--json', '--db', db)).out) as { events: unknown[]; verification: { intact: boolean } };
    expect(json.events).toHaveLength(3);
    expect(json.verification.intact).toBe(false);
  });
});

describe('assay attach', () => {
  it('prints the SHA-256 of the stored file and refuses folders', async () => {
    const dir = tempDir();
    const db = `${dir}/assay.db`;
    const id = await newAssessment(db);
    writeFileSync(`${dir}/contacts.pdf`, 'contact page export');
    const run = await cli('attach', id, MANUAL_REC, `${dir}/contacts.pdf`, '--note', 'from the billing console', '--db', db);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(`${createHash('sha256').update('contact page export').digest('hex')}  contacts.pdf\n`);
    expect(run.err).toContain('application/pdf');
    mkdirSync(`${dir}/screens`);
    const folder = await cli('attach', id, MANUAL_REC, `${dir}/screens`, '--db', db);
    expect(folder).toMatchObject({ code: 2, err: `assay: ${dir}/screens is a folder; attach a file (zip a folder first)\n` });
  });
});

describe('assay scan', () => {
  it('prints the ⚑ JSON for every recommendation of the demo account', async () => {
    const run = await cli('scan', '--demo', '--json');
    expect(run.code, run.err).toBe(0);
    const { results } = JSON.parse(run.out) as { results: { id: string; status: string; findings: Record<string, unknown>[] }[] };
    expect(results.map((r) => r.id)).toEqual(CATALOG.map((r) => r.id));
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['id', 'status', 'findings']);
      expect(['pass', 'fail', 'manual', 'error']).toContain(result.status);
      expect(result.findings.length).toBeGreaterThan(0);
      for (const finding of result.findings) expect(Object.keys(finding)).toEqual(['resource', 'region', 'status', 'detail']);
    }
  });

  it('prints a readable table with a summary', async () => {
    const dir = tempDir();
    writeSnapshotFile(`${dir}/s.json`, passwordPolicySnapshot(8));
    const run = await cli('scan', '--snapshot', `${dir}/s.json`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^2\.7\s+fail\s+1 of 1 failing\s+Ensure IAM password policy requires minimum length of 14 or greater$/m);
    expect(run.out).toMatch(new RegExp(`^${CATALOG.length} recommendations: \\d+ pass, \\d+ fail, \\d+ manual, \\d+ error$`, 'm'));
  });

  it('stores into an assessment, replacing automated results and keeping decisions', async () => {
    const dir = tempDir();
    const db = `${dir}/assay.db`;
    writeSnapshotFile(`${dir}/weak.json`, passwordPolicySnapshot(8));
    writeSnapshotFile(`${dir}/strong.json`, passwordPolicySnapshot(16));
    const id = await newAssessment(db, '--snapshot', `${dir}/weak.json`);
    await cli('decide', id, AUTOMATED_REC, '--status', 'fail', '--justification', 'length 8', '--db', db);
    const run = await cli('scan', '--snapshot', `${dir}/strong.json`, '--assessment', id, '--json', '--db', db);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`stored ${CATALOG.length} results in assessment ${id}; decisions unchanged`);
    const { results } = JSON.parse(run.out) as { results: { id: string; status: string }[] };
    expect(results.find((r) => r.id === AUTOMATED_REC)?.status).toBe('pass');
    const history = await cli('history', id, '--verify', '--db', db);
    expect(history.out).toContain('history intact: 3 events');
    const again = await cli('scan', '--assessment', id, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^2\.7\s+pass/m);
  });

  it('refuses no source, two sources and a bad snapshot with exit 2', async () => {
    const dir = tempDir();
    expect((await cli('scan')).err).toContain('give the data to scan: --snapshot FILE, --demo or --profile P');
    const two = await cli('scan', '--demo', '--snapshot', 'x.json');
    expect(two).toMatchObject({ code: 2, err: 'assay: give one source of data, not --snapshot and --demo\n' });
    writeFileSync(`${dir}/bad.json`, JSON.stringify({ format: 'assay.snapshot/v9' }));
    const bad = await cli('scan', '--snapshot', `${dir}/bad.json`);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${dir}/bad.json: format: expected "assay.snapshot/v1"`);
  });
});

describe('a database that is not ours', () => {
  it('refuses a non-SQLite file with exit 2 and leaves it byte-for-byte as it was', async () => {
    const dir = tempDir();
    const path = `${dir}/important.xlsx`;
    const content = Buffer.from('PK\u0003\u0004 a spreadsheet someone pointed --db at, please keep me'.repeat(10));
    writeFileSync(path, content);
    for (const argv of [['list'], ['new', '--name', 'x'], ['decide', '1', AUTOMATED_REC, '--status', 'pass']]) {
      const run = await cli(...argv, '--db', path);
      expect(run.code).toBe(2);
      expect(run.err).toBe(`assay: ${path} is not an SQLite database; Assay refuses to use it and left it unchanged (choose another file with --db or $ASSAY_DB)\n`);
    }
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it('refuses a newer schema naming both versions', async () => {
    const path = `${tempDir()}/newer.db`;
    const db = new Database(path);
    db.pragma(`application_id = ${ASSAY_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const run = await cli('list', '--db', path);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`schema version ${SCHEMA_VERSION + 1}, newer than this Assay supports (version ${SCHEMA_VERSION})`);
  });
});
