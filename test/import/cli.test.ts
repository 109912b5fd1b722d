import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { openService, tempDir } from '../carry/fixture.js';
// The published Prowler samples stay in the shared fixtures (../shared from the repository):
// they are used byte for byte, and their text quotes the benchmark, which this repository must not.
const PROWLER_DIR = new URL('../../../shared/fixtures/prowler/', import.meta.url);
const PROWLER_CSV = fileURLToPath(new URL('example_output_aws.csv', PROWLER_DIR));
const PROWLER_OCSF = fileURLToPath(new URL('example_output_aws.ocsf.json', PROWLER_DIR));
const ASFF = fileURLToPath(new URL('../fixtures/asff/get-findings-cis.json', import.meta.url));

async function assay(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A database with one assessment of the test account (2.7 failing), decided on 2.19. */
function setup(account = '111122223333') {
  const dir = tempDir();
  const db = `${dir}/assay.db`;
  const service = openService(db, () => new Date('2026-11-25T15:30:00Z'));
  const { id } = service.createAssessment({ name: 'Q4', source: 'test', snapshot: passwordPolicySnapshot(8, account) });
  service.decide(id, { recId: '2.19', status: 'exception', justification: 'analyzer planned for Q1', approver: 'cto', expiresAt: '2027-03-31' });
  return { dir, db, service, id: String(id), numericId: id };
}

describe('assay import', () => {
  it('imports the Prowler CSV beside Assay\'s results and leaves the decisions alone', async () => {
    const { db, service, id, numericId } = setup();
    const assayBefore = service.getResults(numericId).filter((r) => r.source === 'assay');
    const decisionsBefore = service.getDecisions(numericId);
    const historyBefore = service.history(numericId);

    const { code, out } = await assay('--db', db, 'import', id, PROWLER_CSV);
    expect(code).toBe(0);
    expect(out).toContain('Prowler CSV: 3 findings mapped to 3 recommendations');
    expect(out).toMatch(/2\.19 +fail +1 finding +\(1 fail\) +accessanalyzer_enabled/);
    expect(out).toContain('account_maintain_different_contact_details_to_security_billing_and_operations (1 finding)');

    const results = service.getResults(numericId);
    expect(results.filter((r) => r.source === 'prowler').map((r) => [r.recId, r.status])).toEqual([
      ['2.1', 'manual'],
      ['2.2', 'manual'],
      ['2.19', 'fail'],
    ]);
    expect(results.filter((r) => r.source === 'assay')).toEqual(assayBefore);
    expect(service.getDecisions(numericId)).toEqual(decisionsBefore);
    expect(service.history(numericId)).toEqual(historyBefore);
  });

  it('replaces only the earlier import from the same scanner', async () => {
    const { db, service, id, numericId } = setup();
    expect((await assay('--db', db, 'import', id, PROWLER_CSV)).code).toBe(0);
    expect((await assay('--db', db, 'import', id, ASFF)).code).toBe(0);
    const again = await assay('--db', db, 'import', id, PROWLER_OCSF);
    expect(again.code).toBe(0);
    expect(again.out).toContain('replacing the 3 from the previous Prowler import');
    const sources = service.getResults(numericId).map((r) => r.source);
    expect(sources.filter((s) => s === 'prowler')).toHaveLength(3);
    expect(sources.filter((s) => s === 'securityhub')).toHaveLength(8);
    expect(sources.filter((s) => s === 'assay').length).toBeGreaterThan(0);
  });

  it('imports Security Hub findings of the assessment\'s account', async () => {
    const { db, service, id, numericId } = setup();
    const { code, out } = await assay('--db', db, 'import', id, ASFF);
    expect(code).toBe(0);
    expect(out).toContain('Security Hub ASFF: 9 findings mapped to 8 recommendations');
    expect(out).toContain('GuardDuty.1 (1 finding)');
    expect(out).toContain('1 entry: archived in Security Hub (no longer current)');
    const sixSeven = service.getResults(numericId).find((r) => r.recId === '6.7' && r.source === 'securityhub');
    expect(sixSeven?.findings).toEqual([
      {
        resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0a22222222222222b',
        region: 'us-east-1',
        status: 'fail',
        detail: 'EC2.8 FAILED: EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
      },
    ]);
  });

  it('refuses findings about another account unless forced, naming both accounts', async () => {
    const { db, service, id, numericId } = setup('444455556666');
    const refused = await assay('--db', db, 'import', id, ASFF);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('111122223333');
    expect(refused.err).toContain('444455556666');
    expect(refused.err).toContain('--force');
    expect(service.getResults(numericId).filter((r) => r.source === 'securityhub')).toEqual([]);

    const forced = await assay('--db', db, 'import', id, ASFF, '--force');
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(/^warning: .*111122223333.*444455556666/);
    expect(service.getResults(numericId).filter((r) => r.source === 'securityhub')).toHaveLength(8);
  });

  it('answers a file of no known format with the accepted formats and exit 2', async () => {
    const { dir, db, service, id, numericId } = setup();
    const note = `${dir}/notes.csv`;
    writeFileSync(note, 'date,what\n2026-11-20,meeting\n');
    const { code, err } = await assay('--db', db, 'import', id, note);
    expect(code).toBe(2);
    expect(err).toContain('notes.csv: neither JSON nor a CSV with CHECK_ID and STATUS columns');
    expect(err).toContain('Prowler CSV (`prowler aws -M csv`');
    expect(err).toContain('Prowler OCSF JSON');
    expect(err).toContain('`aws securityhub get-findings` output');
    expect(service.getResults(numericId).some((r) => r.source !== 'assay')).toBe(false);
  });

  it('says so when the file is missing or the assessment does not exist', async () => {
    const { dir, db, id } = setup();
    const missing = await assay('--db', db, 'import', id, `${dir}/nope.csv`);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.csv: cannot read the file (ENOENT)');
    const noAssessment = await assay('--db', db, 'import', '99', PROWLER_CSV);
    expect(noAssessment.code).toBe(2);
    expect(noAssessment.err).toContain('no assessment with id 99');
  });

  it('prints a machine-readable report with --json', async () => {
    const { db, id } = setup();
    const { code, out } = await assay('--db', db, 'import', id, PROWLER_OCSF, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ assessment: Number(id), replaced: 0, format: 'prowler-ocsf', source: 'prowler', accounts: [] });
    expect((report.mapped as { recId: string }[]).map((m) => m.recId)).toEqual(['2.1', '2.2', '2.19']);
    expect((report.unmapped as { ruleId: string }[]).map((u) => u.ruleId)).toEqual([
      'account_maintain_different_contact_details_to_security_billing_and_operations',
      'account_security_questions_are_registered_in_the_aws_account',
    ]);
  });
});
