import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { describeImport, importScannerText, readScannerFile, type ImportOutcome } from '../../src/import/index.js';

// The published Prowler samples stay in the shared fixtures (../shared from the repository):
// they are used byte for byte, and their text quotes the benchmark, which this repository must not.
const PROWLER_DIR = new URL('../../../shared/fixtures/prowler/', import.meta.url);
const PROWLER_CSV = fileURLToPath(new URL('example_output_aws.csv', PROWLER_DIR));
const PROWLER_OCSF = fileURLToPath(new URL('example_output_aws.ocsf.json', PROWLER_DIR));
const ASFF = fileURLToPath(new URL('../fixtures/asff/get-findings-cis.json', import.meta.url));

function result(outcome: ImportOutcome, recId: string) {
  const found = outcome.results.find((r) => r.id === recId);
  if (!found) throw new Error(`no result for ${recId}; have ${outcome.results.map((r) => r.id).join(', ')}`);
  return found;
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('the Prowler fixtures are the published files, unchanged', () => {
  it.each([
    [PROWLER_CSV, '1df186b77c968660fdd9038fd8241df7db3f2ace1bfdd05f0d68c7ea0cced309'],
    [PROWLER_OCSF, '1b108550d92794f9fd91819c32775a52e10bbaa715f1cee1799dacb0692e2eb5'],
  ])('%s', (path, sha256) => {
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha256);
  });
});

describe('Prowler CSV', () => {
  const outcome = readScannerFile(PROWLER_CSV);

  it('is recognised from its header and marked as Prowler', () => {
    expect(outcome.format).toBe('prowler-csv');
    expect(outcome.source).toBe('prowler');
  });

  it('maps the CIS v6 checks and keeps Prowler statuses per resource', () => {
    expect(outcome.results.map((r) => r.id)).toEqual(['2.1', '2.2', '2.19']);
    expect(result(outcome, '2.19')).toEqual({
      id: '2.19',
      status: 'fail',
      findings: [
        {
          resource: '<resource_uid>',
          region: '<region>',
          status: 'fail',
          detail: 'accessanalyzer_enabled: IAM Access Analyzer in account <account_uid> is not enabled.',
        },
      ],
    });
    expect(result(outcome, '2.1').status).toBe('manual');
    expect(result(outcome, '2.2').findings[0]?.resource).toBe('<resource_uid>:root');
  });

  it('lists the check with no CIS v6 mapping instead of importing it', () => {
    expect(outcome.unmapped).toEqual([{ ruleId: 'account_maintain_different_contact_details_to_security_billing_and_operations', findings: 1 }]);
  });

  it('takes no account from the anonymised placeholders', () => {
    expect(outcome.accounts).toEqual([]);
  });

  it('reads the newer layout with ACCOUNT_OU_UID and ACCOUNT_OU_NAME at the end of each row', () => {
    const lines = readFileSync(PROWLER_CSV, 'utf8').trimEnd().split('\n');
    const newer = [`${lines[0]};ACCOUNT_OU_UID;ACCOUNT_OU_NAME`, ...lines.slice(1).map((l) => `${l};ou-ab12-cdef3456;Production`)]
      .join('\n')
      .replaceAll('<account_uid>', '111122223333');
    const withOu = importScannerText(newer, 'prowler-5.csv');
    expect(withOu.results.map((r) => [r.id, r.status])).toEqual(outcome.results.map((r) => [r.id, r.status]));
    expect(withOu.accounts).toEqual(['111122223333']);
  });
});

describe('Prowler OCSF JSON', () => {
  const outcome = readScannerFile(PROWLER_OCSF);

  it('is recognised from its content', () => {
    expect(outcome.format).toBe('prowler-ocsf');
    expect(outcome.source).toBe('prowler');
  });

  it('maps status_code and the resource of each Detection Finding', () => {
    expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
      ['2.1', 'manual'],
      ['2.2', 'manual'],
      ['2.19', 'fail'],
    ]);
    expect(result(outcome, '2.2').findings[0]).toMatchObject({ resource: 'arn:aws:iam::<account_uid>:root', region: '<region>', status: 'manual' });
  });

  it('lists both checks that have no CIS v6 mapping', () => {
    expect(outcome.unmapped.map((u) => u.ruleId)).toEqual([
      'account_maintain_different_contact_details_to_security_billing_and_operations',
      'account_security_questions_are_registered_in_the_aws_account',
    ]);
  });

  it('notes a muted (Suppressed) finding in its detail', () => {
    const items = JSON.parse(readFileSync(PROWLER_OCSF, 'utf8')) as Record<string, unknown>[];
    const muted = items.map((item, i) => (i === 0 ? { ...item, status: 'Suppressed' } : item));
    const detail = result(importScannerText(JSON.stringify(muted), 'muted.json'), '2.19').findings[0]?.detail;
    expect(detail).toMatch(/muted in Prowler/);
  });
});

const CSV_HEADER = 'ACCOUNT_UID;CHECK_ID;STATUS;STATUS_EXTENDED;MUTED;RESOURCE_UID;REGION';
const csv = (...rows: string[]) => [CSV_HEADER, ...rows].join('\n') + '\n';

describe('Prowler rows one by one', () => {
  it('imports the known checks and lists unknown check ids', () => {
    const outcome = importScannerText(
      csv(
        '111122223333;iam_root_mfa_enabled;PASS;Root has MFA.;False;arn:aws:iam::111122223333:root;us-east-1',
        '111122223333;made_up_check;FAIL;Nothing real.;False;x;us-east-1',
        '111122223333;another_unknown_check;FAIL;Nor this.;False;y;us-east-1',
        '111122223333;another_unknown_check;PASS;Nor this.;False;z;us-east-1',
      ),
      'mixed.csv',
    );
    expect(outcome.results.map((r) => [r.id, r.status])).toEqual([['2.4', 'pass']]);
    expect(outcome.unmapped).toEqual([
      { ruleId: 'another_unknown_check', findings: 2 },
      { ruleId: 'made_up_check', findings: 1 },
    ]);
    expect(describeImport(outcome)).toContain('made_up_check (1 finding)');
  });

  it('refuses a file in which no check maps, naming the check ids', () => {
    const err = inputError(() => importScannerText(csv('111122223333;made_up_check;FAIL;x;False;x;us-east-1'), 'none.csv'));
    expect(err.message).toMatch(/nothing to import.*made_up_check/);
  });

  it('maps a check shared by two recommendations to both', () => {
    const outcome = importScannerText(
      csv('111122223333;ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22;FAIL;sg-1 open to the world on 22.;False;sg-1;eu-west-1'),
      'shared.csv',
    );
    expect(outcome.results.map((r) => r.id)).toEqual(['6.3', '6.4']);
  });

  it('gives a recommendation the worst verdict of its findings', () => {
    const outcome = importScannerText(
      csv(
        '111122223333;kms_cmk_rotation_enabled;PASS;Key a rotates.;False;key-a;us-east-1',
        '111122223333;kms_cmk_rotation_enabled;FAIL;Key b does not rotate.;False;key-b;us-east-1',
        '111122223333;kms_cmk_rotation_enabled;MANUAL;Key c is imported material.;False;key-c;us-east-1',
      ),
      'kms.csv',
    );
    expect(result(outcome, '4.6').status).toBe('fail');
    expect(outcome.mapped[0]?.statuses).toEqual({ pass: 1, fail: 1, manual: 1 });
  });

  it('skips rows with a status it does not know and says how many', () => {
    const outcome = importScannerText(
      csv('111122223333;iam_root_mfa_enabled;PASS;ok;False;root;us-east-1', '111122223333;iam_root_mfa_enabled;WEIRD;?;False;root2;us-east-1'),
      'odd.csv',
    );
    expect(outcome.skipped).toEqual([{ reason: 'status "WEIRD" is not PASS, FAIL or MANUAL', count: 1 }]);
    expect(result(outcome, '2.4').findings).toHaveLength(1);
  });

  it('notes muted findings', () => {
    const outcome = importScannerText(csv('111122223333;iam_root_mfa_enabled;FAIL;Root has no MFA.;True;root;us-east-1'), 'muted.csv');
    expect(result(outcome, '2.4').findings[0]?.detail).toBe('iam_root_mfa_enabled: Root has no MFA. (muted in Prowler)');
  });

  it('says where a CSV is broken', () => {
    const err = inputError(() => importScannerText(csv('111122223333;iam_root_mfa_enabled;"PASS;ok;False;root;us-east-1'), 'broken.csv'));
    expect(err.message).toMatch(/^broken\.csv: the Prowler CSV cannot be read \(.+\)/);
  });

  it('refuses a header without rows', () => {
    expect(inputError(() => importScannerText(csv(), 'header-only.csv')).message).toBe('header-only.csv: the Prowler CSV has a header but no findings');
  });
});

describe('files that are no known format', () => {
  it.each([
    ['a note', 'hello, this is not a scanner export\n', /neither JSON nor a CSV/],
    ['a CSV of something else', 'name,age\nann,3\n', /neither JSON nor a CSV/],
    ['another JSON object', '{"results": []}', /JSON object without a "Findings" array/],
    ['a JSON array of other things', '[{"id": 1}]', /neither Prowler OCSF findings nor ASFF findings/],
    ['an empty file', '  \n', /the file is empty/],
    ['broken JSON', '[{"metadata": ', /not valid JSON/],
  ])('%s: names the accepted formats', (_what, content, why) => {
    const err = inputError(() => importScannerText(content, 'input.txt'));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(why);
    expect(err.message).toContain('Prowler CSV');
    expect(err.message).toContain('Prowler OCSF JSON');
    expect(err.message).toContain('ASFF');
  });

  it('an empty findings list is a clear message, not an import of nothing', () => {
    expect(inputError(() => importScannerText('{"Findings": []}', 'empty.json')).message).toMatch(/"Findings" is empty/);
    expect(inputError(() => importScannerText('[]', 'empty.json')).message).toMatch(/empty JSON array/);
  });

  it('does not trust the file name', () => {
    const text = readFileSync(PROWLER_CSV, 'utf8');
    expect(importScannerText(text, 'findings.json').format).toBe('prowler-csv');
  });
});

describe('Security Hub ASFF', () => {
  const outcome = readScannerFile(ASFF);

  it('is recognised and marked as Security Hub', () => {
    expect(outcome.format).toBe('asff');
    expect(outcome.source).toBe('securityhub');
    expect(outcome.accounts).toEqual(['111122223333']);
  });

  it('maps consolidated and older CIS finding forms to CIS v6 ids', () => {
    expect(outcome.results.map((r) => [r.id, r.status])).toEqual([
      ['2.3', 'pass'],
      ['2.5', 'fail'],
      ['2.8', 'pass'],
      ['3.1.1', 'fail'],
      ['4.3', 'error'],
      ['4.5', 'fail'],
      ['4.6', 'fail'],
      ['6.7', 'fail'],
    ]);
    expect(outcome.mapped.find((m) => m.recId === '4.5')?.rules).toEqual(['CIS v1.2.0 2.7 (CloudTrail.2)']);
    expect(outcome.mapped.find((m) => m.recId === '2.8')?.rules).toEqual(['CIS v1.4.0 1.9 (IAM.16)']);
  });

  it('keeps one finding per resource with its region and status', () => {
    expect(result(outcome, '3.1.1').findings.map((f) => [f.resource, f.region, f.status])).toEqual([
      ['arn:aws:s3:::northwind-web-assets', 'us-east-1', 'fail'],
      ['arn:aws:s3:::northwind-cloudtrail-logs', 'us-east-1', 'pass'],
    ]);
    expect(result(outcome, '3.1.1').findings[0]?.detail).toContain('no statement denying aws:SecureTransport false');
  });

  it('marks suppressed findings, lists non-CIS controls and skips archived findings', () => {
    expect(result(outcome, '4.6').findings[0]?.detail).toMatch(/suppressed in Security Hub/);
    expect(outcome.unmapped).toEqual([{ ruleId: 'GuardDuty.1', findings: 1 }]);
    expect(outcome.skipped).toEqual([{ reason: 'archived in Security Hub (no longer current)', count: 1 }]);
  });
});

const asffFinding = (over: Record<string, unknown>) => ({
  SchemaVersion: '2018-10-08',
  Id: 'finding-1',
  ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
  GeneratorId: 'security-control/IAM.5',
  AwsAccountId: '111122223333',
  Title: 'a control',
  Resources: [{ Type: 'AwsIamUser', Id: 'arn:aws:iam::111122223333:user/ann', Region: 'us-east-1' }],
  Compliance: { Status: 'FAILED', SecurityControlId: 'IAM.5' },
  RecordState: 'ACTIVE',
  ...over,
});

describe('Security Hub finding forms', () => {
  const one = (over: Record<string, unknown>) => importScannerText(JSON.stringify({ Findings: [asffFinding(over)] }), 'one.json');

  it.each([
    ['WARNING', 'manual'],
    ['NOT_AVAILABLE', 'error'],
    ['PASSED', 'pass'],
    ['FAILED', 'fail'],
  ])('Compliance.Status %s becomes %s', (status, expected) => {
    expect(result(one({ Compliance: { Status: status, SecurityControlId: 'IAM.5' } }), '2.9').status).toBe(expected);
  });

  it('reads a CIS v5.0.0 finding named only by its generator id', () => {
    const outcome = one({ GeneratorId: 'cis-aws-foundations-benchmark/v/5.0.0/5.7', Compliance: { Status: 'FAILED' } });
    expect(outcome.mapped.map((m) => [m.recId, m.rules])).toEqual([['6.7', ['CIS v5.0.0 5.7 (EC2.8)']]]);
  });

  it('reads a CIS v3.0.0 finding named by its standard and ProductFields.ControlId', () => {
    const outcome = one({
      GeneratorId: 'some-generator',
      ProductFields: { StandardsArn: 'arn:aws:securityhub:::standards/cis-aws-foundations-benchmark/v/3.0.0', ControlId: '5.4' },
      Compliance: { Status: 'FAILED' },
    });
    expect(outcome.results.map((r) => r.id)).toEqual(['6.5']);
  });

  it('reads Compliance.RelatedRequirements when nothing else names the control', () => {
    const outcome = one({ GeneratorId: 'custom', Compliance: { Status: 'PASSED', RelatedRequirements: ['CIS AWS Foundations Benchmark v1.4.0/2.1.5'] } });
    expect(outcome.results.map((r) => r.id)).toEqual(['3.1.4']);
  });

  it('reads a Foundational Security Best Practices generator id as the control id', () => {
    const outcome = one({ GeneratorId: 'aws-foundational-security-best-practices/v/1.0.0/KMS.4', Compliance: { Status: 'PASSED' } });
    expect(outcome.results.map((r) => r.id)).toEqual(['4.6']);
  });

  it('counts a check repeated once per enabled standard only once', () => {
    const twice = [asffFinding({ Id: 'a' }), asffFinding({ Id: 'b', GeneratorId: 'cis-aws-foundations-benchmark/v/1.4.0/1.10' })];
    const outcome = importScannerText(JSON.stringify({ Findings: twice }), 'twice.json');
    expect(result(outcome, '2.9').findings).toHaveLength(1);
  });

  it('accepts a bare array of ASFF findings', () => {
    expect(importScannerText(JSON.stringify([asffFinding({})]), 'array.json').format).toBe('asff');
  });

  it('skips findings that are not control results', () => {
    const guardDuty = asffFinding({ GeneratorId: 'arn:aws:guardduty:us-east-1:111122223333:detector/abc', Compliance: undefined });
    const outcome = importScannerText(JSON.stringify({ Findings: [guardDuty, asffFinding({})] }), 'mixed.json');
    expect(outcome.skipped).toEqual([{ reason: 'no Compliance.Status (not a control finding)', count: 1 }]);
    expect(outcome.results.map((r) => r.id)).toEqual(['2.9']);
  });
});
