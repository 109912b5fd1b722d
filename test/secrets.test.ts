import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../checks/evaluate.js';
import { loadDemoSnapshot } from '../src/demo.js';
import { findSecrets, knownCredentialIds, SecretScanner } from '../src/secrets.js';
import type { Snapshot } from '../src/snapshot.js';
import { cli } from './cli/run.js';
import { readZipEntries } from './evidence/fixture.js';
import { DECISION_TIME, openService, tempDir } from './service/fixture.js';
import { openDemoWalk } from './views/tui.js';

// Built at run time so this file itself holds no token a scanner would flag.
const ACCESS_KEY_ID = ['AKIA', 'Q3ZK7WXRT2M5BN4P'].join('');
const SECRET_KEY = ['wJ8r/Xu7nF3mQk2Lp9sZ', 'b+Yt6Vc1Hd4Ge5Ra0NxK'].join('');
const SESSION_TOKEN = ['IQoJb3JpZ2lu', 'X2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx8Q3hZ6VbT0pLk9aZq2mN'].join('');
const PRIVATE_KEY = ['-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n'].join('');
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const SLACK_TOKEN = ['xoxb', '-2048123456-1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('');
const STRIPE_KEY = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');
const GOOGLE_KEY = ['AIza', 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'].join('');
const JWT = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiJhbGljZSIsImlhdCI6MTUxNjIzOTAyMn0', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');

const kinds = (text: string, known?: Set<string>): string[] => findSecrets(text, { knownIds: known }).map((hit) => hit.kind);

describe('secret detection', () => {
  it('finds each well-known kind of credential', () => {
    expect(SECRET_KEY).toHaveLength(40);
    expect(kinds(`the key ${ACCESS_KEY_ID} was found`)).toEqual(['aws-access-key-id']);
    expect(kinds(`aws_secret_access_key = ${SECRET_KEY}`)).toEqual(['aws-secret-access-key']);
    expect(kinds(`"SecretAccessKey": "${SECRET_KEY}"`)).toEqual(['aws-secret-access-key']);
    // Unlabelled, beside its key id: the usual paste of a key pair.
    expect(kinds(`${ACCESS_KEY_ID} ${SECRET_KEY}`).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    expect(kinds(`token ${SESSION_TOKEN}`)).toEqual(['aws-session-token']);
    expect(kinds(`aws_session_token=${'Zm9vYmFy'.repeat(16)}`)).toEqual(['aws-session-token']);
    expect(kinds(`here:\n${PRIVATE_KEY}`)).toEqual(['private-key']);
    expect(kinds('-----BEGIN OPENSSH PRIVATE KEY-----')).toEqual(['private-key']);
    expect(kinds(`use ${GITHUB_TOKEN}`)).toEqual(['github-token']);
    expect(kinds(`bot ${SLACK_TOKEN}`)).toEqual(['slack-token']);
    expect(kinds(`stripe ${STRIPE_KEY}`)).toEqual(['stripe-key']);
    expect(kinds(`maps ${GOOGLE_KEY}`)).toEqual(['google-api-key']);
    expect(kinds(`Authorization: Bearer ${JWT}`)).toEqual(['json-web-token']);
  });

  it('does not take the account\'s own identifiers or hashes for credentials', () => {
    const harmless = [
      'arn:aws:iam::123456789012:user/alice',
      'account 123456789012',
      'aws_account_id = 123456789012',
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      // A SHA-1 (git commit) is 40 characters too, even when it is labelled.
      'secret_key: 3f786850e387550fdab836ed7e6dc881de23001b',
      'user id AIDAJQABLZS4A3QDU576Q, role AROAJQABLZS4A3QDU576Q, group AGPAJQABLZS4A3QDU576Q',
      'sg-0123456789abcdef0 vpc-0a1b2c3d i-0123456789abcdef0 vol-049df61146c4d7901',
      // Forty base64-like characters alone are not a secret key.
      'dGhpcyBpcyBqdXN0IGEgbG9uZyBiYXNlNjQgdGV4',
      'the SecretAccessKey member was [redacted by assay]',
      'sk_test_4eC39HqLyjWDarjtT1zdp7dc is a test key',
    ];
    for (const text of harmless) expect(kinds(text), text).toEqual([]);
  });

  it('leaves alone an access key id the snapshot itself reports, but not a secret key beside it', () => {
    const snapshot = { calls: [{ service: 'iam', operation: 'ListAccessKeys', output: { AccessKeyMetadata: [{ AccessKeyId: ACCESS_KEY_ID }] } }] } as unknown as Snapshot;
    const known = knownCredentialIds(snapshot);
    expect(known).toEqual(new Set([ACCESS_KEY_ID]));
    expect(kinds(`${ACCESS_KEY_ID} has not been used for 90 days`, known)).toEqual([]);
    expect(kinds(`${ACCESS_KEY_ID} ${SECRET_KEY}`, known)).toEqual(['aws-secret-access-key']);
  });

  it('names a value the same way wherever it is found, and never by the value itself', () => {
    const [first] = findSecrets(`a ${GITHUB_TOKEN} b`);
    const [second] = findSecrets(`${GITHUB_TOKEN}\n`);
    expect(first!.id).toBe(second!.id);
    expect(first!.id).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(first)).not.toContain(GITHUB_TOKEN.slice(4));
    expect(findSecrets(`a ${STRIPE_KEY}`)[0]!.id).not.toBe(first!.id);
  });

  it('finds in a stream of chunks what it finds in the whole text, also across chunk boundaries', () => {
    const secrets = [ACCESS_KEY_ID, `aws_secret_access_key=${SECRET_KEY}`, SESSION_TOKEN, PRIVATE_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_KEY, GOOGLE_KEY, JWT];
    const filler = (n: number) => 'lorem ipsum 0123456789 '.repeat(Math.ceil(n / 23)).slice(0, n);
    // A long run of base64 characters cut by a chunk boundary must not be taken for a 40-character key.
    const text = [filler(5000), ...secrets.flatMap((s) => [s, filler(3001)]), `aws_secret_access_key=${'Ab1/'.repeat(30)}`, filler(200)].join(' ');
    const whole = findSecrets(text).map((h) => h.id).sort();
    expect(whole).toHaveLength(secrets.length);
    for (const size of [7, 97, 1000, 4096, 65536]) {
      const scanner = new SecretScanner();
      const bytes = Buffer.from(text, 'latin1');
      for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
      expect(scanner.finish().map((h) => h.id).sort(), `chunks of ${size}`).toEqual(whole);
    }
  });
});

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

describe('the snapshot kept in the database', () => {
  const leaky = (): Snapshot => {
    const demo = loadDemoSnapshot();
    return {
      ...demo,
      calls: [
        ...demo.calls,
        { service: 'sts', operation: 'GetSessionToken', region: 'us-east-1', params: {}, output: { Credentials: { AccessKeyId: 'ASIAOTHERKEY', SecretAccessKey: SECRET_KEY, SessionToken: SESSION_TOKEN } } },
      ],
    };
  };

  it('holds what the pack holds: secret members redacted, with the SHA-256 of the snapshot as given', () => {
    const dir = tempDir();
    const service = openService(join(dir, 'assay.db'));
    const snapshot = leaky();
    const original = `${JSON.stringify(snapshot, null, 2)}\n`;
    const { id } = service.createAssessment({ name: 'Leaky', source: 'demo', snapshot });
    const stored = JSON.stringify(service.getSnapshot(id));
    expect(stored).toContain('[redacted by assay]');
    expect(stored).not.toContain(SECRET_KEY);
    expect(stored).not.toContain(SESSION_TOKEN);
    expect(service.snapshotOriginalSha256(id)).toBe(sha256(original));
    service.close();
    // Nowhere in the file either, not even in a page SQLite has not reused yet.
    const db = readFileSync(join(dir, 'assay.db'));
    expect(db.includes(SECRET_KEY)).toBe(false);
    const raw = new Database(join(dir, 'assay.db'), { readonly: true });
    const chunks = raw.prepare('SELECT data FROM blob_chunks').pluck().all() as Buffer[];
    raw.close();
    expect(chunks.some((c) => c.includes(SESSION_TOKEN))).toBe(false);
  });

  it('gives the demo the same verdicts after redaction, and keeps the original hash through a rescan of the stored snapshot', () => {
    const service = openService(join(tempDir(), 'assay.db'));
    const snapshot = leaky();
    const expected = evaluateSnapshot(snapshot).map((r) => [r.id, r.status, r.findings.length]);
    const { id } = service.createAssessment({ name: 'Leaky', source: 'demo', snapshot });
    const statuses = () => service.getResults(id).map((r) => [r.recId, r.status, r.findings.length]);
    expect(statuses()).toEqual(expected);
    const originalSha = service.snapshotOriginalSha256(id);
    service.rescan(id);
    expect(statuses()).toEqual(expected);
    expect(service.snapshotOriginalSha256(id)).toBe(originalSha);
    const fresh = loadDemoSnapshot();
    service.rescan(id, fresh);
    expect(service.snapshotOriginalSha256(id)).toBe(sha256(`${JSON.stringify(fresh, null, 2)}\n`));
  });
});

describe('secrets in what the auditor types and attaches', () => {
  async function setup() {
    const dir = tempDir();
    const db = join(dir, 'assay.db');
    const created = await cli('new', '--name', 'Q4', '--demo', '--db', db);
    expect(created.code, created.err).toBe(0);
    return { dir, db, id: created.out.trim() };
  }
  const neverShown = (text: string) => {
    for (const secret of [SECRET_KEY, GITHUB_TOKEN, PRIVATE_KEY.slice(32, 64), ACCESS_KEY_ID]) expect(text).not.toContain(secret);
  };

  it('warns at decide and attach naming the field and the kind, stores anyway, and export refuses until each is dealt with', async () => {
    const { dir, db, id } = await setup();
    const decided = await cli('decide', id, '2.9', '--status', 'fail', '--justification', `pasted aws_secret_access_key = ${SECRET_KEY} by mistake`, '--owner', `ops ${GITHUB_TOKEN}`, '--db', db, '--assessor', 'ava.auditor');
    expect(decided.code, decided.err).toBe(0);
    expect(decided.err).toMatch(/2\.9 justification: .*AWS secret access key/);
    expect(decided.err).toMatch(/2\.9 owner: .*GitHub token/);
    neverShown(decided.out + decided.err);

    const file = join(dir, 'server.pem');
    writeFileSync(file, Buffer.concat([Buffer.alloc(1024 * 1024 - 20, 'x'), Buffer.from(PRIVATE_KEY)]));
    const attached = await cli('attach', id, '2.9', file, '--note', `key ${ACCESS_KEY_ID}`, '--db', db, '--assessor', 'ava.auditor');
    expect(attached.code, attached.err).toBe(0);
    expect(attached.err).toMatch(/attachment server\.pem of 2\.9: .*private key/);
    expect(attached.err).toMatch(/note of attachment server\.pem of 2\.9: .*AWS access key id/);
    neverShown(attached.out + attached.err);

    const pack = join(dir, 'pack.zip');
    const refused = await cli('export', id, '--out', pack, '--db', db, '--assessor', 'ava.auditor');
    expect(refused.code).toBe(2);
    for (const line of [/2\.9 justification: AWS secret access key/, /2\.9 owner: GitHub token/, /attachment server\.pem of 2\.9: private key/, /note of attachment server\.pem of 2\.9: AWS access key id/]) {
      expect(refused.err).toMatch(line);
    }
    expect(refused.err).toMatch(/assay secrets/);
    neverShown(refused.out + refused.err);
    expect(existsSync(pack)).toBe(false);

    const listed = await cli('secrets', id, '--json', '--db', db, '--assessor', 'ava.auditor');
    expect(listed.code).toBe(1);
    const findings = JSON.parse(listed.out) as { id: string; kind: string; where: string[]; kept?: unknown }[];
    expect(findings.map((f) => f.kind).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key', 'github-token', 'private-key']);
    neverShown(listed.out);

    // Redacted: the decision and the file are replaced.
    const clean = join(dir, 'server-redacted.pem');
    writeFileSync(clean, 'the key was removed\n');
    const pemSha = sha256(readFileSync(file));
    const replaced = await cli('attach', id, '2.9', clean, '--replace', pemSha, '--db', db, '--assessor', 'ava.auditor');
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.err).not.toMatch(/warning/);
    const redecided = await cli('decide', id, '2.9', '--status', 'fail', '--justification', 'a credential was pasted here and removed', '--owner', 'ops', '--db', db, '--assessor', 'ava.auditor');
    expect(redecided.err).not.toMatch(/warning/);

    // The history is append-only: the earlier texts stay there and must be kept on purpose.
    const after = JSON.parse((await cli('secrets', id, '--json', '--db', db, '--assessor', 'ava.auditor')).out) as typeof findings;
    // The attach event keeps the replaced file's note (an access key id) in the history too.
    expect(after.map((f) => f.kind).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key', 'github-token']);
    expect(after.flatMap((f) => f.where).join('\n')).toMatch(/history #2 \(replaced since\)/);
    expect((await cli('export', id, '--out', pack, '--db', db, '--assessor', 'ava.auditor')).code).toBe(2);

    expect((await cli('secrets', id, '--keep', after[0]!.id, '--db', db, '--assessor', 'ava.auditor')).code).toBe(2);
    expect((await cli('secrets', id, '--keep', 'ffffffffffff', '--reason', 'x', '--db', db, '--assessor', 'ava.auditor')).err).toMatch(/no finding ffffffffffff/);
    for (const finding of after) {
      const kept = await cli('secrets', id, '--keep', finding.id, '--reason', 'revoked in IAM on 2026-11-25', '--db', db, '--assessor', 'ava.auditor');
      expect(kept.code, kept.err).toBe(0);
    }
    const listedKept = await cli('secrets', id, '--db', db, '--assessor', 'ava.auditor');
    expect(listedKept.code, listedKept.err).toBe(0);
    expect(listedKept.out).toMatch(/kept by ava\.auditor .*revoked in IAM/);

    const exported = await cli('export', id, '--out', pack, '--db', db, '--assessor', 'ava.auditor');
    expect(exported.code, exported.err).toBe(0);
    const entries = await readZipEntries(pack);
    const assessment = JSON.parse(entries.get('assessment.json')!.toString('utf8')) as {
      keptSecrets: { id: string; kind: string; reason: string; keptBy: string; keptAt: string }[];
      snapshot: { originalSha256: string };
    };
    expect(assessment.keptSecrets.map((k) => k.id).sort()).toEqual(after.map((f) => f.id).sort());
    expect(assessment.keptSecrets[0]).toMatchObject({ reason: 'revoked in IAM on 2026-11-25', keptBy: 'ava.auditor' });
    expect(assessment.snapshot.originalSha256).toBe(sha256(`${JSON.stringify(loadDemoSnapshot(), null, 2)}\n`));
    expect([...entries.keys()].some((name) => name.includes('server.pem'))).toBe(false);
  });

  it('never lets the environment\'s own credential into a pack, and keeps what is kept for good', async () => {
    const { db, id } = await setup();
    const saved = process.env.ASSAY_TEST_TOKEN;
    process.env.ASSAY_TEST_TOKEN = 'plain-words-but-a-real-token-42';
    try {
      const decided = await cli('decide', id, '2.1', '--status', 'pass', '--justification', 'checked with plain-words-but-a-real-token-42', '--owner', 'plain-words-but-a-real-token-42', '--db', db, '--assessor', 'ava.auditor');
      expect(decided.err).toMatch(/2\.1 justification: looks like the value of the environment variable ASSAY_TEST_TOKEN/);
      expect(decided.out + decided.err).not.toContain('plain-words-but-a-real-token-42');
      const [finding] = JSON.parse((await cli('secrets', id, '--json', '--db', db)).out) as { id: string; keepable: boolean }[];
      expect(finding!.keepable).toBe(false);
      const kept = await cli('secrets', id, '--keep', finding!.id, '--reason', 'fine', '--db', db);
      expect(kept.code).toBe(2);
      expect(kept.err).toMatch(/never goes into a pack/);
      expect((await cli('export', id, '--out', join(tempDir(), 'p.zip'), '--db', db)).err).toMatch(/environment variable ASSAY_TEST_TOKEN/);
    } finally {
      if (saved === undefined) delete process.env.ASSAY_TEST_TOKEN;
      else process.env.ASSAY_TEST_TOKEN = saved;
    }
    const service = openService(db);
    service.keepSecret(Number(id), { id: 'abcdefabcdef', kind: 'github-token' }, 'an example token from the docs');
    const raw = new Database(db);
    expect(() => raw.prepare("UPDATE kept_secrets SET reason = 'changed'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM kept_secrets').run()).toThrow(/append-only/);
    raw.close();
  });

  it('refuses a replacement that names no attachment of that recommendation, attaching nothing', async () => {
    const { dir, db, id } = await setup();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'fine\n');
    const run = await cli('attach', id, '2.9', file, '--replace', 'ab'.repeat(32), '--db', db, '--assessor', 'ava.auditor');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/2\.9 has no attachment with SHA-256 abab/);
    const service = openService(db, { now: () => DECISION_TIME });
    expect(service.listEvidence(Number(id))).toEqual([]);
  });
});

describe('secrets in the TUI', () => {
  it('warns before saving a decision that holds a credential, and saves it as it is only when asked again', async () => {
    const { tui, id } = await openDemoWalk();
    await tui.press('e');
    await tui.waitFor('Decide 2.1');
    await tui.type(`contacts checked; token ${GITHUB_TOKEN}`);
    await tui.press('shift-tab', 'left', 'left');
    await tui.waitFor('ready to save');
    await tui.press('ctrl-s');
    const warned = await tui.waitFor('looks like a credential');
    expect(warned).toMatch(/GitHub token/);
    expect(tui.service.getDecisions(id)).toEqual([]);
    await tui.press('ctrl-s');
    await tui.waitFor(() => tui.service.getDecisions(id).length === 1);
    expect(tui.service.getDecisions(id)[0]!.justification).toContain(GITHUB_TOKEN);
  });

  it('shows what looks like a credential in a file just attached, without showing it', async () => {
    const { tui } = await openDemoWalk();
    writeFileSync(join(tui.dir, 'creds.txt'), `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`);
    await tui.press('a');
    await tui.waitFor('Attach evidence to 2.1');
    await tui.type('creds.txt');
    await tui.press('down');
    await tui.type(`see ${STRIPE_KEY}`);
    await tui.press('enter');
    const frame = await tui.waitFor('✓ stored creds.txt');
    expect(frame).toMatch(/⚠ attachment creds\.txt of 2\.1: AWS secret access key/);
    expect(frame).toMatch(/note of attachment creds\.txt of 2\.1: Stripe live key/);
    expect(frame).not.toContain(STRIPE_KEY);
  });
});
