import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import type { Assessment, Decision, StoredResult } from '../../src/model.js';
import { exceptionsCsv, scheduleCsv } from '../../evidence/csv.js';
import { renderPackFiles } from '../../evidence/files.js';
import { generateKeyFiles, parsePublicKey, parseSecretKey, signMessage, verifyMessage } from '../../evidence/minisign.js';
import { attachmentEntryName, entryNameProblem, sanitiseFileName } from '../../evidence/names.js';
import type { PackData } from '../../evidence/pack-data.js';
import { buildPackModel } from '../../evidence/report.js';
import { redactSecretMembers, scrubText } from '../../evidence/secrets.js';
import { riskMatrixSvg } from '../../evidence/svg.js';
import { uuidV5 } from '../../evidence/uuid.js';
import { tempDir } from './fixture.js';
import { validatePoam } from './oscal-schemas.js';

const ASSESSMENT: Assessment = {
  id: 7,
  name: 'Hand-built',
  account: '123456789012',
  regions: ['eu-west-1'],
  createdAt: '2026-11-01T08:00:00.000Z',
  createdBy: 'sam',
  source: 'snapshot:test.json',
  snapshotCollectedAt: '2026-11-01T07:00:00Z',
};

function decision(recId: string, fields: Partial<Decision>): Decision {
  return { recId, status: 'pass', justification: 'checked', decidedBy: 'sam', decidedAt: '2026-11-02T09:00:00.000Z', ...fields };
}

/** Every recommendation passes automatically unless `results` says otherwise. */
function packData(decisions: Decision[], results: Record<string, StoredResult['status']> = {}, asOf = '2026-11-10T00:00:00.000Z'): PackData {
  return {
    tool: { name: 'assay', version: '9.9.9' },
    asOf,
    asOfBasis: 'given',
    assessment: ASSESSMENT,
    results: CATALOG.map((rec) => ({
      recId: rec.id,
      source: 'assay',
      status: results[rec.id] ?? 'pass',
      findings: [{ resource: `arn:aws:iam::123456789012:thing/${rec.id}`, region: 'global', status: results[rec.id] ?? 'pass', detail: 'as found' }],
    })),
    decisions,
    effective: Object.fromEntries(decisions.map((d) => [d.recId, d.status === 'exception' && d.expiresAt! < asOf.slice(0, 10) ? 'needs_review' : d.status])),
    history: [],
    evidence: [],
  };
}

describe('uuidV5', () => {
  it('gives the RFC 9562 example for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('zip entry names', () => {
  it('reduces attachment names to a safe alphabet, keeping something readable', () => {
    expect(sanitiseFileName('../../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('/abs/path/report.txt')).toBe('report.txt');
    expect(sanitiseFileName('C:\\Windows\\evil.bat')).toBe('evil.bat');
    expect(sanitiseFileName('nul\u0000byte\n.txt')).toBe('nul_byte_.txt');
    expect(sanitiseFileName('Prüfbericht März.pdf')).toBe('Prufbericht_Marz.pdf');
    expect(sanitiseFileName('..')).toBe('attachment');
    expect(sanitiseFileName('.hidden')).toBe('hidden');
    expect(sanitiseFileName('')).toBe('attachment');
    const long = sanitiseFileName(`${'a'.repeat(300)}.json`);
    expect(long).toHaveLength(96);
    expect(long.endsWith('.json')).toBe(true);
    expect(attachmentEntryName('a'.repeat(64), '../x.txt')).toBe(`attachments/${'a'.repeat(64)}-x.txt`);
    expect(() => attachmentEntryName('../escape', 'x')).toThrow();
  });

  it('names what makes an entry unsafe', () => {
    expect(entryNameProblem('attachments/ok-file.txt')).toBeUndefined();
    expect(entryNameProblem('../x')).toMatch(/parent/);
    expect(entryNameProblem('a/../../x')).toMatch(/parent/);
    expect(entryNameProblem('/etc/passwd')).toMatch(/absolute/);
    expect(entryNameProblem('C:/x')).toMatch(/drive/);
    expect(entryNameProblem('a\\b')).toMatch(/backslash/);
    expect(entryNameProblem('a\u0000b')).toMatch(/control/);
    expect(entryNameProblem('a//b')).toMatch(/empty/);
    expect(entryNameProblem('./a')).toMatch(/current/);
  });
});

describe('minisign keys and signatures', () => {
  it('signs and verifies, and notices a changed message, comment or key', () => {
    const keys = generateKeyFiles();
    const secret = parseSecretKey(keys.secretKey);
    const pub = parsePublicKey(keys.publicKey);
    const signature = signMessage(Buffer.from('sums\n'), secret, 'trusted words');
    expect(verifyMessage(Buffer.from('sums\n'), signature, pub)).toEqual({ ok: true, keyId: keys.keyId, trustedComment: 'trusted words' });
    expect(verifyMessage(Buffer.from('sumz\n'), signature, pub).ok).toBe(false);
    expect(verifyMessage(Buffer.from('sums\n'), signature.replace('trusted words', 'other words'), pub)).toMatchObject({ ok: false, problem: 'the trusted comment was altered' });
    expect(verifyMessage(Buffer.from('sums\n'), signature, parsePublicKey(generateKeyFiles().publicKey)).problem).toMatch(/signed by key/);
    // Ed25519 is deterministic: the same inputs give the same signature file.
    expect(signMessage(Buffer.from('sums\n'), secret, 'trusted words')).toBe(signature);
  });

  it('writes keys the stock minisign signs with, and reads keys stock minisign makes', () => {
    const dir = tempDir();
    const keys = generateKeyFiles();
    writeFileSync(join(dir, 'ours.key'), keys.secretKey, { mode: 0o600 });
    writeFileSync(join(dir, 'ours.pub'), keys.publicKey);
    writeFileSync(join(dir, 'msg'), 'hello\n');
    // minisign would prompt for a password if the key were encrypted; stdin is closed.
    execFileSync('minisign', ['-S', '-s', 'ours.key', '-m', 'msg', '-t', 'signed by stock minisign'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const stockSigned = verifyMessage(Buffer.from('hello\n'), readFileSync(join(dir, 'msg.minisig'), 'utf8'), parsePublicKey(keys.publicKey));
    expect(stockSigned).toMatchObject({ ok: true, trustedComment: 'signed by stock minisign' });

    execFileSync('minisign', ['-G', '-W', '-p', 'stock.pub', '-s', 'stock.key'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const stock = parseSecretKey(readFileSync(join(dir, 'stock.key'), 'utf8'));
    writeFileSync(join(dir, 'msg.minisig'), signMessage(Buffer.from('hello\n'), stock, 'signed by assay'));
    expect(execFileSync('minisign', ['-V', '-p', 'stock.pub', '-m', 'msg'], { cwd: dir, encoding: 'utf8' })).toContain('signed by assay');
  });

  it('refuses password-protected and damaged keys with a message', () => {
    const keys = generateKeyFiles();
    const lines = keys.secretKey.split('\n');
    const raw = Buffer.from(lines[1]!, 'base64');
    const encrypted = Buffer.from(raw);
    encrypted.write('Sc', 2, 'latin1');
    expect(() => parseSecretKey(`${lines[0]}\n${encrypted.toString('base64')}\n`)).toThrow(/protected by a password/);
    const damaged = Buffer.from(raw);
    damaged[70] = damaged[70]! ^ 0xff;
    expect(() => parseSecretKey(`${lines[0]}\n${damaged.toString('base64')}\n`)).toThrow(/damaged/);
    expect(() => parsePublicKey('not a key')).toThrow(/minisign public key/);
  });
});

describe('secrets', () => {
  it('blanks secret-named members and scrubs guarded values', () => {
    expect(redactSecretMembers({ Credentials: { AccessKeyId: 'AKIA1', SecretAccessKey: 's', SessionToken: 't' }, List: [{ Password: 'p' }] })).toEqual({
      Credentials: { AccessKeyId: 'AKIA1', SecretAccessKey: '[redacted by assay]', SessionToken: '[redacted by assay]' },
      List: [{ Password: '[redacted by assay]' }],
    });
    expect(scrubText('a TOPSECRETVALUE123 b', [{ variable: 'X_TOKEN', value: 'TOPSECRETVALUE123' }])).toBe('a [redacted by assay] b');
  });
});

describe('the pack model from hand-built data', () => {
  it('scores passes over recommendations in scope, by section and level', () => {
    const model = buildPackModel(
      packData([decision('2.1', { status: 'not_applicable', justification: 'n/a' }), decision('2.3', { status: 'fail', justification: 'root key found' })], { '2.9': 'fail', '2.10': 'manual' }),
    );
    const t = model.summary.overall;
    expect(t).toMatchObject({ total: CATALOG.length, notApplicable: 1, fail: 2, notAssessed: 1, inScope: CATALOG.length - 1, pass: CATALOG.length - 4 });
    expect(t.score).toBe(Math.round(((CATALOG.length - 4) / (CATALOG.length - 1)) * 1000) / 10);
    const iam = model.summary.bySection.find((s) => s.section === '2')!.tally;
    expect(iam.fail).toBe(2);
    expect(model.summary.byLevel.reduce((n, l) => n + l.tally.total, 0)).toBe(CATALOG.length);
  });

  it('makes risk cards and schedule rows from decisions, and from undecided failures with the catalogue defaults', () => {
    const model = buildPackModel(
      packData(
        [
          decision('2.3', { status: 'fail', justification: 'root key found', likelihood: 4, impact: 4, riskLevel: 'critical', dueDate: '2026-11-16', owner: 'ops' }),
          decision('2.11', { status: 'exception', justification: 'break glass', approver: 'ciso', expiresAt: '2026-11-30', likelihood: 2, impact: 2 }),
          decision('2.12', { status: 'exception', justification: 'old', approver: 'ciso', expiresAt: '2026-11-05' }),
        ],
        { '2.9': 'fail' },
      ),
    );
    expect(model.riskCards.map((c) => c.recId)).toEqual(['2.3', '2.9', '2.11', '2.12']);
    const undecided = model.riskCards.find((c) => c.recId === '2.9')!;
    const rec = CATALOG.find((r) => r.id === '2.9')!;
    expect(undecided).toMatchObject({ decided: false, ratingBasis: 'catalogue default', likelihood: rec.risk.likelihood, impact: rec.risk.impact, windowStart: '2026-11-01' });
    expect(model.riskCards.find((c) => c.recId === '2.11')).toMatchObject({ kind: 'exception', mitigation: 'acceptance', mitigationBasis: 'the exception', dueDate: '2026-11-30', exception: { state: 'expiring', daysLeft: 20 } });
    expect(model.riskCards.find((c) => c.recId === '2.12')).toMatchObject({ verdict: 'needs_review', exception: { state: 'expired' } });
    expect(model.schedule.map((s) => s.dueDate)).toEqual(model.schedule.map((s) => s.dueDate).sort());
    expect(model.schedule.filter((s) => s.recId !== '2.9').map((s) => [s.recId, s.dueDate, s.state])).toEqual([
      ['2.12', '2026-11-05', 'exception expired'],
      ['2.3', '2026-11-16', 'due within 30 days'],
      ['2.11', '2026-11-30', 'exception expiring'],
    ]);
    expect(model.schedule.find((s) => s.recId === '2.9')).toMatchObject({ dueDate: undecided.dueDate, windowRule: undecided.windowRule, startDate: '2026-11-01' });
    expect(model.exceptions.map((e) => [e.recId, e.needsReview])).toEqual([
      ['2.11', true],
      ['2.12', true],
    ]);
  });

  it('writes CSV that spreadsheets cannot run as formulas', () => {
    const model = buildPackModel(packData([decision('2.11', { status: 'exception', justification: '=HYPERLINK("http://x")', approver: '+ciso', expiresAt: '2027-01-01' })]));
    const rows = parse(exceptionsCsv(model.exceptions), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ justification: `'=HYPERLINK("http://x")`, approver: "'+ciso", days_left: '52' });
    expect(parse(scheduleCsv(model.schedule), { columns: true })).toHaveLength(1);
  });

  it('renders a valid POA&M with a single "no open items" entry when nothing is open', () => {
    const { files } = renderPackFiles(packData([]));
    const poam = JSON.parse(files.find((f) => f.path === 'oscal/poam.json')!.content.toString('utf8')) as { 'plan-of-action-and-milestones': { 'poam-items': { title: string }[] } };
    expect(validatePoam(poam), JSON.stringify(validatePoam.errors)).toBe(true);
    expect(poam['plan-of-action-and-milestones']['poam-items'].map((i) => i.title)).toEqual(['No open items']);
    expect(files.map((f) => f.path)).not.toContain('snapshot.json');
  });

  it('escapes every piece of user text in the HTML', () => {
    const { files } = renderPackFiles(packData([decision('2.3', { status: 'fail', justification: '<script>alert(1)</script>', owner: '"><img src=x>' })]));
    const html = files.find((f) => f.path === 'index.html')!.content.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('highlights exactly the likelihood × impact cell in the matrix', () => {
    const svg = riskMatrixSvg(3, 4);
    expect(svg).toContain('aria-label="Risk matrix: likelihood possible (3) × impact very high (4) = 12, critical"');
    expect(svg.match(/stroke-width="3"/g)).toHaveLength(1);
  });
});
