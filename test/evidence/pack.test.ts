import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { InputError } from '../../src/errors.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import type { Decision, DecisionEvent } from '../../src/model.js';
import { exportPack, type ExportProgress } from '../../evidence/export.js';
import { formatSums, type Manifest } from '../../evidence/manifest.js';
import { generateKeyFiles } from '../../evidence/minisign.js';
import { entryNameProblem } from '../../evidence/names.js';
import { verifyPack } from '../../evidence/verify.js';
import { buildDemoAssessment, extractTo, HOSTILE_NAMES, openService, readZipEntries, tempDir, Clock, type DemoPack } from './fixture.js';
import { writeStoredZip } from './zip-writer.js';
import { validateAssessmentResults, validatePoam } from './oscal-schemas.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface AssessmentJson {
  asOf: string;
  decisions: Decision[];
  recommendations: { id: string; verdict: string; results: { findings: unknown[] }[] }[];
  riskCards: { recId: string; kind: string; riskLevel: string; dueDate: string; mappings: { nist171: { id: string; title: string }[] } }[];
  drift?: { previous: { id: number }; entries: { recId: string; before?: string; after?: string }[] };
  summary: { overall: { total: number; pass: number; inScope: number; score: number } };
}

async function exportDemo(pack: DemoPack, options: Parameters<typeof exportPack>[3] = {}): Promise<{ path: string; entries: Map<string, Buffer> }> {
  const path = join(pack.dir, `pack-${Math.random().toString(36).slice(2)}.zip`);
  await exportPack(pack.service, pack.assessmentId, path, options);
  return { path, entries: await readZipEntries(path) };
}

function json<T>(entries: Map<string, Buffer>, name: string): T {
  return JSON.parse(entries.get(name)!.toString('utf8')) as T;
}

describe('the evidence pack of the demo assessment', () => {
  let pack: DemoPack;
  let path: string;
  let entries: Map<string, Buffer>;
  beforeAll(async () => {
    pack = buildDemoAssessment();
    ({ path, entries } = await exportDemo(pack));
  });

  it('holds every file of the layout, in a fixed order, with the manifest and SHA256SUMS last', () => {
    const names = [...entries.keys()];
    const cards = json<AssessmentJson>(entries, 'assessment.json').riskCards.map((c) => c.recId);
    expect(names.slice(0, 2)).toEqual(['index.html', 'assessment.json']);
    expect(names.filter((n) => n.startsWith('risk-cards/'))).toEqual(cards.map((id) => `risk-cards/${id}.html`));
    for (const name of ['schedule.csv', 'exceptions.csv', 'workpaper.csv', 'history.jsonl', 'snapshot.json', 'oscal/assessment-results.json', 'oscal/poam.json']) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(3);
    expect(names.slice(-2)).toEqual(['manifest.json', 'SHA256SUMS']);
    // Failed and excepted recommendations have cards; passed and not applicable ones do not.
    expect(cards).toEqual(expect.arrayContaining(['2.1', '2.8', '2.9', '2.11', '3.1.1', '3.1.2', '4.2']));
    expect(cards).not.toContain('2.3');
    expect(cards).not.toContain('2.6');
  });

  it('lists every other file in manifest.json and every file in SHA256SUMS with the right hash', () => {
    const manifest = json<Manifest>(entries, 'manifest.json');
    expect(manifest).toMatchObject({ format: 'assay.evidence-pack/v1', assessmentId: pack.assessmentId, account: '111122223333', tool: { name: 'assay' } });
    // The latest change recorded (the last decisions and attachments), not the clock.
    expect(manifest.exportedAt).toBe('2026-11-26T14:30:00.000Z');
    const others = [...entries.keys()].filter((n) => n !== 'manifest.json' && n !== 'SHA256SUMS');
    expect(manifest.files.map((f) => f.path)).toEqual(others);
    for (const file of manifest.files) {
      expect(file.sha256).toBe(sha256(entries.get(file.path)!));
      expect(file.size).toBe(entries.get(file.path)!.length);
    }
    const sums = entries.get('SHA256SUMS')!.toString('utf8');
    expect(sums).toBe(formatSums([...others, 'manifest.json'].map((p) => ({ path: p, sha256: sha256(entries.get(p)!), size: 0 }))));
  });

  it('passes `sha256sum -c SHA256SUMS` in an extracted copy', () => {
    const dir = join(pack.dir, 'extracted');
    extractTo(entries, dir);
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(entries.size - 1);
    expect(out).not.toMatch(/FAILED/);
  });

  it('writes OSCAL assessment results and a POA&M that validate against the NIST OSCAL 1.2.1 schemas', () => {
    const validateAr = validateAssessmentResults;
    const ar = json<{ 'assessment-results': { uuid: string; results: { findings: unknown[]; risks: { characterizations: { facets: { name: string }[] }[] }[] }[] } }>(
      entries,
      'oscal/assessment-results.json',
    );
    const poam = json<{ 'plan-of-action-and-milestones': { 'poam-items': { title: string }[] } }>(entries, 'oscal/poam.json');
    expect(validateAr(ar), JSON.stringify(validateAr.errors)).toBe(true);
    expect(validatePoam(poam), JSON.stringify(validatePoam.errors)).toBe(true);
    const report = json<AssessmentJson>(entries, 'assessment.json');
    expect(ar['assessment-results'].results[0]!.risks).toHaveLength(report.riskCards.length);
    expect(ar['assessment-results'].results[0]!.risks[0]!.characterizations[0]!.facets.map((f) => f.name)).toEqual(['likelihood', 'impact', 'risk']);
    expect(poam['plan-of-action-and-milestones']['poam-items']).toHaveLength(report.riskCards.length);
    expect(ar['assessment-results'].uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('puts the schedule in order of due date with its window rule, and flags exceptions that expire within 30 days or have expired', () => {
    const schedule = parse(entries.get('schedule.csv')!, { columns: true, bom: true }) as Record<string, string>[];
    expect(schedule.map((r) => r.due_date)).toEqual([...schedule.map((r) => r.due_date!)].sort());
    const row = (id: string): Record<string, string> => schedule.find((r) => r.rec_id === id)!;
    // 2.9: possible(3) × very high(4) = 12, critical: 14 days from the decision on 2026-11-26.
    expect(row('2.9')).toMatchObject({ severity: 'critical', due_date: '2026-12-10', window_rule: 'critical: within 2 weeks', owner: 'iam-team', mitigation: 'avoidance' });
    // A date the assessor chose stands, and says so.
    expect(row('3.1.1')).toMatchObject({ due_date: '2026-12-05', severity: 'medium' });
    expect(row('3.1.1')!.due_basis).toMatch(/set by the assessor/);
    // No rating given: the catalogue's defaults, and the window from the decision date.
    expect(row('2.8')!.due_basis).toMatch(/from the decision on 2026-11-26/);
    // An exception is due for review when it expires.
    expect(row('2.11')).toMatchObject({ kind: 'exception', due_date: '2026-12-10', window_rule: 'exception: review by its expiry date', state: 'exception expiring' });
    expect(row('4.2')).toMatchObject({ kind: 'exception', state: 'exception expired' });
    expect(schedule).toHaveLength(json<AssessmentJson>(entries, 'assessment.json').riskCards.length);

    const exceptions = parse(entries.get('exceptions.csv')!, { columns: true, bom: true }) as Record<string, string>[];
    const ex = (id: string): Record<string, string> => exceptions.find((r) => r.rec_id === id)!;
    expect(ex('2.11')).toMatchObject({ state: 'expiring', needs_review: 'yes', days_left: '14', approver: 'Lee Risk' });
    expect(ex('4.2')).toMatchObject({ state: 'expired', needs_review: 'yes' });
    expect(ex('3.1.2')).toMatchObject({ state: 'valid', needs_review: 'no' });
    expect(ex('2.1')).toMatchObject({ carried: 'yes', approver: 'Dana CISO' });
  });

  it('records the decisions, findings, risk cards and drift in assessment.json, and the store history in history.jsonl', () => {
    const report = json<AssessmentJson>(entries, 'assessment.json');
    expect(report.decisions).toEqual(pack.service.getDecisions(pack.assessmentId));
    expect(report.recommendations.map((r) => r.id)).toEqual(CATALOG.map((r) => r.id));
    expect(report.recommendations.find((r) => r.id === '2.9')!.results[0]!.findings.length).toBeGreaterThan(0);
    const card = report.riskCards.find((c) => c.recId === '2.9')!;
    expect(card).toMatchObject({ kind: 'failure', riskLevel: 'critical', dueDate: '2026-12-10' });
    // The reasons for the rating travel with the decision and its card; a card rated without them has none.
    const reasons = { likelihoodWhy: 'Password-only console users are a frequent target', impactWhy: 'admin.ava holds AdministratorAccess & could take over the account' };
    expect(report.decisions.find((d) => d.recId === '2.9')).toMatchObject(reasons);
    expect(card).toMatchObject(reasons);
    expect(report.riskCards.find((c) => c.recId === '3.1.1')).not.toHaveProperty('likelihoodWhy');
    const cardHtml = entries.get('risk-cards/2.9.html')!.toString('utf8');
    expect(cardHtml).toContain('<dt>Likelihood</dt><dd><b>3 possible</b> — Password-only console users are a frequent target</dd>');
    expect(cardHtml).toContain('<dt>Impact</dt><dd><b>4 very high</b> — admin.ava holds AdministratorAccess &amp; could take over the account</dd>');
    expect(entries.get('risk-cards/3.1.1.html')!.toString('utf8')).toContain('<dt>Likelihood</dt><dd><b>2 unlikely</b></dd>');
    expect(card.mappings.nist171.length).toBeGreaterThan(0);
    expect(card.mappings.nist171.every((r) => r.title.length > 0 && !r.title.startsWith('('))).toBe(true);
    expect(report.recommendations.find((r) => r.id === '4.2')!.verdict).toBe('needs_review');
    // Carried forward with a tighter password policy: 2.7 went from fail to pass.
    expect(report.drift?.previous.id).toBe(pack.previousId);
    expect(report.drift?.entries).toContainEqual(expect.objectContaining({ recId: '2.7', before: 'fail', after: 'pass' }));
    const lines = entries.get('history.jsonl')!.toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as DecisionEvent)).toEqual(pack.service.history(pack.assessmentId));
  });

  it('is accepted by verify', async () => {
    const report = await verifyPack(path);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: entries.size, historyEvents: pack.service.history(pack.assessmentId).length, signature: { state: 'unsigned' } });
  });
});

describe('reproducible exports', () => {
  it('gives byte-identical zips for the same assessment, whatever the clock and time zone', async () => {
    const pack = buildDemoAssessment();
    const first = join(pack.dir, 'first.zip');
    const second = join(pack.dir, 'second.zip');
    await exportPack(pack.service, pack.assessmentId, first);
    pack.clock.set('2027-03-01T08:00:00Z');
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const reopened = openService(pack.dbPath, new Clock(new Date('2027-03-02T00:00:00Z')));
      await exportPack(reopened, pack.assessmentId, second);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
  });

  it('gives the same bytes after the walk moved between two exports: where the auditor stood is not assessment data', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const first = join(pack.dir, 'before-browsing.zip');
    const second = join(pack.dir, 'after-browsing.zip');
    pack.service.setLastRec(pack.assessmentId, '2.9');
    await exportPack(pack.service, pack.assessmentId, first);
    pack.service.setLastRec(pack.assessmentId, '5.6');
    await exportPack(pack.service, pack.assessmentId, second);
    expect(pack.service.getAssessment(pack.assessmentId).lastRecId).toBe('5.6');
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    for (const [name, bytes] of await readZipEntries(second)) expect(bytes.toString('latin1'), name).not.toMatch(/lastRec|last_rec/);
  });

  it('gives byte-identical signed zips too, and a different one for another as-of time', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const key = join(pack.dir, 'key');
    writeFileSync(key, generateKeyFiles().secretKey, { mode: 0o600 });
    const a = join(pack.dir, 'a.zip');
    const b = join(pack.dir, 'b.zip');
    const c = join(pack.dir, 'c.zip');
    await exportPack(pack.service, pack.assessmentId, a, { signKey: key });
    await exportPack(pack.service, pack.assessmentId, b, { signKey: key });
    await exportPack(pack.service, pack.assessmentId, c, { signKey: key, now: new Date('2026-12-31T00:00:00Z') });
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    expect(readFileSync(c).equals(readFileSync(a))).toBe(false);
    expect(json<Manifest>(await readZipEntries(c), 'manifest.json')).toMatchObject({ exportedAt: '2026-12-31T00:00:00.000Z', exportedAtBasis: 'given' });
  });
});

describe('signing', () => {
  it('writes SHA256SUMS.minisig that stock `minisign -V` accepts, and that verify checks with the public key', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const keys = generateKeyFiles();
    const key = join(pack.dir, 'assessor.key');
    writeFileSync(key, keys.secretKey, { mode: 0o600 });
    writeFileSync(`${key}.pub`, keys.publicKey);
    const { path, entries } = await exportDemo(pack, { signKey: key });
    expect([...entries.keys()].slice(-3)).toEqual(['manifest.json', 'SHA256SUMS', 'SHA256SUMS.minisig']);
    const dir = join(pack.dir, 'signed');
    extractTo(entries, dir);
    const out = execFileSync('minisign', ['-V', '-p', `${key}.pub`, '-m', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`assessment ${pack.assessmentId}, account 111122223333`);
    expect(await verifyPack(path, { pubkey: `${key}.pub` })).toMatchObject({ ok: true, signature: { state: 'verified', keyId: keys.keyId } });

    const other = generateKeyFiles();
    writeFileSync(join(pack.dir, 'other.pub'), other.publicKey);
    const wrongKey = await verifyPack(path, { pubkey: join(pack.dir, 'other.pub') });
    expect(wrongKey.ok).toBe(false);
    expect(wrongKey.problems).toEqual([expect.objectContaining({ kind: 'signature', detail: expect.stringContaining(keys.keyId) })]);
  });

  it('refuses a signing key it cannot use before writing anything', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const key = join(pack.dir, 'not-a-key');
    writeFileSync(key, 'hello\n');
    const out = join(pack.dir, 'pack.zip');
    await expect(exportPack(pack.service, pack.assessmentId, out, { signKey: key })).rejects.toThrow(InputError);
    expect(existsSync(out)).toBe(false);
  });
});

describe('verify catches tampering', () => {
  let pack: DemoPack;
  let original: Map<string, Buffer>;
  let key: string;
  beforeAll(async () => {
    pack = buildDemoAssessment();
    key = join(pack.dir, 'k');
    const keys = generateKeyFiles();
    writeFileSync(key, keys.secretKey, { mode: 0o600 });
    writeFileSync(`${key}.pub`, keys.publicKey);
    original = (await exportDemo(pack, { signKey: key })).entries;
  });

  function rewrite(change: (entries: Map<string, Buffer>) => void): string {
    const entries = new Map([...original].map(([k, v]) => [k, Buffer.from(v)]));
    change(entries);
    const path = join(pack.dir, `tampered-${Math.random().toString(36).slice(2)}.zip`);
    writeStoredZip(path, [...entries].map(([name, data]) => ({ name, data })));
    return path;
  }

  /** Re-computes manifest.json and SHA256SUMS after an edit, as a careful forger would. */
  function reseal(entries: Map<string, Buffer>): void {
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    manifest.files = manifest.files.map((f) => ({ ...f, sha256: sha256(entries.get(f.path)!), size: entries.get(f.path)!.length }));
    entries.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const listed = [...manifest.files.map((f) => f.path), 'manifest.json'];
    entries.set('SHA256SUMS', Buffer.from(formatSums(listed.map((p) => ({ path: p, sha256: sha256(entries.get(p)!), size: 0 })))));
  }

  it('accepts the untouched pack rewritten entry for entry', async () => {
    expect((await verifyPack(rewrite(() => undefined), { pubkey: `${key}.pub` })).problems).toEqual([]);
  });

  it('reports a changed byte as an altered file', async () => {
    const path = rewrite((e) => {
      const html = e.get('index.html')!;
      html.writeUInt8(html.readUInt8(html.length - 20) ^ 0x01, html.length - 20);
    });
    const report = await verifyPack(path);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', path: 'index.html' })]);
  });

  it('reports a removed file as missing', async () => {
    const report = await verifyPack(rewrite((e) => e.delete('risk-cards/2.9.html')));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'missing', path: 'risk-cards/2.9.html' })]);
  });

  it('reports an added file as extra', async () => {
    const report = await verifyPack(rewrite((e) => e.set('notes/extra.txt', Buffer.from('added later\n'))));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'extra', path: 'notes/extra.txt' })]);
  });

  it('reports an edited history line, even when the forger re-computes the checksums', async () => {
    const edit = (e: Map<string, Buffer>): void => {
      const lines = e.get('history.jsonl')!.toString('utf8').split('\n');
      lines[1] = lines[1]!.replace(/"justification":"[^"]*"/, '"justification":"approved after all"');
      e.set('history.jsonl', Buffer.from(lines.join('\n')));
    };
    const naive = await verifyPack(rewrite(edit));
    expect(naive.problems).toContainEqual(expect.objectContaining({ kind: 'altered', path: 'history.jsonl' }));
    expect(naive.problems).toContainEqual(expect.objectContaining({ kind: 'history', detail: expect.stringMatching(/^line 2: edited/) }));

    const resealed = rewrite((e) => {
      edit(e);
      reseal(e);
    });
    const careful = await verifyPack(resealed);
    expect(careful.ok).toBe(false);
    expect(careful.problems.every((p) => p.kind === 'history')).toBe(true);
    expect(careful.problems[0]!.detail).toMatch(/^line 2: edited/);
    // The edited row is also the last word on its recommendation, so assessment.json no longer matches it.
    const edited = (JSON.parse(original.get('history.jsonl')!.toString('utf8').split('\n')[1]!) as DecisionEvent).recId;
    expect(careful.problems).toContainEqual(expect.objectContaining({ path: 'assessment.json', detail: `the decision on ${edited} is not the one its last history row records` }));
    // The signature covers SHA256SUMS, so the re-sealed pack no longer matches it.
    expect((await verifyPack(resealed, { pubkey: `${key}.pub` })).problems).toContainEqual(expect.objectContaining({ kind: 'signature' }));
  });

  it('reports a decision in assessment.json that the history does not back', async () => {
    const path = rewrite((e) => {
      const report = JSON.parse(e.get('assessment.json')!.toString('utf8')) as { decisions: Decision[] };
      report.decisions[0]!.justification = 'rewritten';
      e.set('assessment.json', Buffer.from(JSON.stringify(report)));
      reseal(e);
    });
    const report = await verifyPack(path);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'history', path: 'assessment.json' })]);
  });

  it('reports a truncated history against the head recorded in the manifest', async () => {
    const path = rewrite((e) => {
      const lines = e.get('history.jsonl')!.toString('utf8').trimEnd().split('\n');
      e.set('history.jsonl', Buffer.from(`${lines.slice(0, -1).join('\n')}\n`));
      reseal(e);
    });
    const report = await verifyPack(path);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'history', detail: expect.stringMatching(/deleted/) }));
  });

  it('refuses entries that would land outside the folder the pack is extracted into', async () => {
    const hostile = ['../evil.txt', '/etc/evil', 'risk-cards/../../up.txt', 'C:/windows/evil', 'back\\slash.txt', 'ctrl\u0007.txt', './dot.txt'];
    const path = join(pack.dir, 'hostile.zip');
    writeStoredZip(path, [
      ...[...original].map(([name, data]) => ({ name, data })),
      ...hostile.map((name) => ({ name, data: Buffer.from('x') })),
      { name: Buffer.from('nul\u0000byte.txt', 'utf8'), data: Buffer.from('x') },
      { name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    const report = await verifyPack(path);
    expect(report.ok).toBe(false);
    const unsafe = report.problems.filter((p) => p.kind === 'unsafe');
    expect(unsafe).toHaveLength(hostile.length + 2);
    expect(unsafe.map((p) => p.path)).toEqual(expect.arrayContaining(['../evil.txt', '/etc/evil', 'nul\\u0000byte.txt', 'link']));
  });

  it('reports an empty zip as missing every file a pack has', async () => {
    const path = join(pack.dir, 'empty.zip');
    writeStoredZip(path, []);
    const report = await verifyPack(path);
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.kind === 'missing').map((p) => p.path)).toEqual(
      expect.arrayContaining(['manifest.json', 'SHA256SUMS', 'index.html', 'assessment.json', 'history.jsonl']),
    );
  });

  it('reports a missing signature when a public key is given', async () => {
    const entries = new Map(original);
    entries.delete('SHA256SUMS.minisig');
    const path = join(pack.dir, 'unsigned.zip');
    writeStoredZip(path, [...entries].map(([name, data]) => ({ name, data })));
    expect((await verifyPack(path)).ok).toBe(true);
    expect((await verifyPack(path, { pubkey: `${key}.pub` })).problems).toEqual([expect.objectContaining({ kind: 'signature', detail: expect.stringContaining('not signed') })]);
  });

  it('reports a file that is not a zip', async () => {
    const path = join(pack.dir, 'not.zip');
    writeFileSync(path, 'this is not a zip');
    const report = await verifyPack(path);
    expect(report).toMatchObject({ ok: false, problems: [expect.objectContaining({ kind: 'zip' })] });
  });
});

describe('hostile attachment names', () => {
  it('become safe entry names under attachments/, and the pack still verifies', async () => {
    const pack = buildDemoAssessment({ hostileNames: true });
    const { path, entries } = await exportDemo(pack);
    const attachments = [...entries.keys()].filter((n) => n.startsWith('attachments/'));
    expect(attachments).toHaveLength(3 + HOSTILE_NAMES.length);
    for (const name of entries.keys()) expect(entryNameProblem(name)).toBeUndefined();
    for (const name of attachments) expect(name).toMatch(/^attachments\/[0-9a-f]{64}-[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(await verifyPack(path)).toMatchObject({ ok: true });
    // Extracting with a stock tool puts everything inside the target folder.
    const dir = join(pack.dir, 'unzipped');
    mkdirSync(dir);
    execFileSync('unzip', ['-q', path, '-d', dir]);
    expect(readdirSync(pack.dir).sort()).toEqual(['assay.db', 'assay.db-shm', 'assay.db-wal', 'files', 'unzipped', path.split('/').pop()!].sort());
    // The original names are kept as data, in assessment.json.
    const report = entries.get('assessment.json')!.toString('utf8');
    expect(report).toContain(JSON.stringify('../../../etc/passwd'));
  });
});

describe('no credentials in a pack', () => {
  const planted: Record<string, string> = {
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE1234',
    AWS_SECRET_ACCESS_KEY: 'fAkE/SeCrEt+KeY/0123456789abcdefGHIJKLMN',
    AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEFAKEsessionTOKEN0123456789abcdefghijklmnopqrstuvwxyz',
    ASSAY_TEST_PASSWORD: 'correct-horse-battery-staple-42',
  };
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(planted)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    return () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
  });

  it('never writes credential values or environment values into any file, even when the snapshot holds them', async () => {
    const dir = tempDir();
    const clock = new Clock(new Date('2026-11-20T10:00:00Z'));
    const service = openService(join(dir, 'assay.db'), clock);
    const demo = loadDemoSnapshot();
    // A hand-made snapshot that recorded a call returning credentials, and a resource named like the key.
    const snapshot = {
      ...demo,
      calls: [
        ...demo.calls,
        { service: 'sts', operation: 'GetSessionToken', region: 'us-east-1', params: {}, output: { Credentials: { AccessKeyId: 'ASIAOTHERKEY', SecretAccessKey: 'another-secret-value-xyz', SessionToken: 'another-session-token-xyz' } } },
        { service: 'iam', operation: 'GetUser', region: 'us-east-1', params: { UserName: planted.AWS_SECRET_ACCESS_KEY }, output: { User: { UserName: 'x' } } },
      ],
    };
    const assessment = service.createAssessment({ name: 'Leaky', source: 'demo', snapshot });
    clock.set('2026-11-21T10:00:00Z');
    service.decide(assessment.id, { recId: '2.9', status: 'fail', justification: 'admin.ava has no MFA', likelihood: 3, impact: 3 });
    const path = join(dir, 'pack.zip');
    await exportPack(service, assessment.id, path);
    const entries = await readZipEntries(path);
    const values = [
      ...Object.values(planted),
      'another-secret-value-xyz',
      'another-session-token-xyz',
      ...Object.entries(process.env)
        .filter(([k, v]) => v !== undefined && v.length >= 16 && k !== 'ASSAY_ASSESSOR')
        .map(([, v]) => v!),
    ];
    for (const [name, content] of entries) {
      const text = content.toString('latin1');
      for (const value of values) expect(text.includes(value), `${name} contains an environment or credential value`).toBe(false);
      expect(text).not.toMatch(/AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/);
    }
    expect(entries.get('snapshot.json')!.toString('utf8')).toContain('[redacted by assay]');
  });

  it('refuses to pack an attachment that carries a credential, and leaves no file behind', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const leaked = join(pack.dir, 'env-dump.txt');
    // The value straddles the stream's 1 MiB chunks.
    writeFileSync(leaked, Buffer.concat([Buffer.alloc(1024 * 1024 - 10, 'a'), Buffer.from(planted.AWS_SESSION_TOKEN!), Buffer.from('\n')]));
    pack.service.attach(pack.assessmentId, '2.9', leaked);
    const out = join(pack.dir, 'pack.zip');
    await expect(exportPack(pack.service, pack.assessmentId, out)).rejects.toThrow(/env-dump\.txt.*AWS_SESSION_TOKEN/);
    expect(readdirSync(pack.dir).filter((n) => n.startsWith('pack.zip'))).toEqual([]);
  });
});

describe('export failures and progress', () => {
  it('reports progress for every entry', async () => {
    const pack = buildDemoAssessment();
    const seen: ExportProgress[] = [];
    const { entries } = await exportDemo(pack, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.file)).toEqual([...entries.keys()]);
    expect(seen.map((p) => p.done)).toEqual([...entries.keys()].map((_, i) => i + 1));
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([entries.size]));
  });

  it('stops when cancelled and leaves neither the pack nor a partial file', async () => {
    const pack = buildDemoAssessment();
    const controller = new AbortController();
    const out = join(pack.dir, 'pack.zip');
    const run = exportPack(pack.service, pack.assessmentId, out, { signal: controller.signal, onProgress: (p) => p.done === 3 && controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
    expect(readdirSync(pack.dir).filter((n) => n.startsWith('pack.zip'))).toEqual([]);
  });

  it('refuses to certify an assessment whose stored history was edited', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const db = new Database(pack.dbPath);
    // Someone with the file can drop the append-only guards; the chain still tells.
    db.exec('DROP TRIGGER decision_events_no_update');
    db.prepare('UPDATE decision_events SET actor = ? WHERE assessment_id = ? AND seq = 2').run('mallory', pack.assessmentId);
    db.close();
    await expect(exportPack(pack.service, pack.assessmentId, join(pack.dir, 'pack.zip'))).rejects.toThrow(/history .* is not intact/);
  });
});
