import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { buildDemoAssessment, readZipEntries, tempDir } from './fixture.js';
import { writeStoredZip } from './zip-writer.js';

describe('assay keygen', () => {
  it('writes a private secret key and a public key in minisign format, and will not overwrite them unasked', async () => {
    const dir = tempDir();
    const key = join(dir, 'assessor.key');
    const made = await cli('keygen', '--out', key);
    expect(made.code).toBe(0);
    const keyId = /key id ([0-9A-F]{16})/.exec(made.out)![1]!;
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${key}.pub`, 'utf8')).toMatch(new RegExp(`^untrusted comment: minisign public key ${keyId}\\n[A-Za-z0-9+/]{56}\\n$`));
    expect(readFileSync(key, 'utf8')).toMatch(/^untrusted comment: minisign secret key .*unencrypted/);

    const again = await cli('keygen', '--out', key);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
    expect(readFileSync(`${key}.pub`, 'utf8')).toContain(keyId);

    writeFileSync(key, 'old', { mode: 0o644 });
    expect((await cli('keygen', '--out', key, '--force')).code).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });
});

describe('assay export and assay verify', () => {
  it('export a signed pack; verify prints one line and exits 0 when it is intact, lists problems and exits 1 when not', async () => {
    const pack = buildDemoAssessment();
    const key = join(pack.dir, 'k');
    expect((await cli('keygen', '--out', key)).code).toBe(0);
    const zip = join(pack.dir, 'pack.zip');
    const exported = await cli('--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', zip, '--sign', key);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toMatch(/^wrote .*pack\.zip: \d+ files, .*, signed\n$/);

    const verified = await cli('verify', zip, '--pubkey', `${key}.pub`);
    expect(verified.code).toBe(0);
    expect(verified.out.split('\n')).toHaveLength(2);
    expect(verified.out).toMatch(/^intact and signed by the given key: .*signature verified \(key [0-9A-F]{16}\); assessment \d+, account 111122223333, as of 2026-11-26T14:30:00.000Z\n$/);

    const entries = await readZipEntries(zip);
    entries.delete('risk-cards/2.9.html');
    entries.set('extra.txt', Buffer.from('x'));
    const tampered = join(pack.dir, 'tampered.zip');
    writeStoredZip(tampered, [...entries].map(([name, data]) => ({ name, data })));
    const caught = await cli('verify', tampered, '--pubkey', `${key}.pub`);
    expect(caught.code).toBe(1);
    expect(caught.out).toContain('missing: risk-cards/2.9.html:');
    expect(caught.out).toContain('extra: extra.txt:');
    expect(caught.out).toMatch(/NOT intact: .*tampered\.zip — 2 problems\n$/);

    const json = await cli('verify', tampered, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, problems: [{ kind: 'missing' }, { kind: 'extra' }] });
    expect(json.code).toBe(1);
  });

  it('says what is wrong with bad input and exits 2', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const zip = join(pack.dir, 'pack.zip');
    const cases: [string[], RegExp][] = [
      [['--db', pack.dbPath, 'export', '99', '--out', zip], /no assessment with id 99/],
      [['--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', zip, '--as-of', 'yesterday'], /invalid --as-of "yesterday"/],
      [['--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', zip, '--sign', join(pack.dir, 'missing.key')], /cannot read the signing key/],
      [['--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', pack.dir], /is a folder/],
      [['--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', join(pack.dir, 'no', 'such', 'folder', 'pack.zip')], /cannot write .*pack\.zip \(ENOENT\)/],
      [['verify', join(pack.dir, 'missing.zip')], /cannot read .*missing\.zip/],
      [['verify', zip, '--pubkey', join(pack.dbPath)], /not a minisign public key/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.err).toMatch(message);
    }
  });

  it('takes the as-of time from --as-of and records it', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const zip = join(pack.dir, 'pack.zip');
    expect((await cli('--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', zip, '--as-of', '2027-01-15')).code).toBe(0);
    const manifest = JSON.parse((await readZipEntries(zip)).get('manifest.json')!.toString('utf8')) as { exportedAt: string; exportedAtBasis: string };
    expect(manifest).toMatchObject({ exportedAt: '2027-01-15T00:00:00.000Z', exportedAtBasis: 'given' });
  });
});
