/**
 * `assay verify` says exactly what it proved: intact and signed by the given key (exit 0), intact
 * but the signer not established (exit 3: a key that was not checked, or no signature), or
 * altered or wrongly signed (exit 1); the same on the zip and on the folder it was extracted
 * into; and the pack's own stock-tool steps, run as written, catch an added file too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { buildDemoAssessment, readZipEntries, tempDir } from './fixture.js';
import { copyEntries, resign } from './forge.js';
import { writeStoredZip } from './zip-writer.js';

let dir: string;
/** The assessor's secret key; keygen wrote the public one beside it, as `${assessorKey}.pub`. */
let assessorKey: string;
let assessorKeyId: string;
let otherKey: string;
let otherKeyId: string;
let signedZip: string;
let unsignedZip: string;
/** The signed pack extracted with the stock `unzip`. */
let signedFolder: string;

async function keygen(path: string): Promise<string> {
  const made = await cli('keygen', '--out', path);
  expect(made.code).toBe(0);
  return /key id ([0-9A-F]{16})/.exec(made.out)![1]!;
}

beforeAll(async () => {
  const pack = buildDemoAssessment();
  dir = pack.dir;
  assessorKey = join(dir, 'assessor.key');
  assessorKeyId = await keygen(assessorKey);
  otherKey = join(dir, 'forger.key');
  otherKeyId = await keygen(otherKey);
  signedZip = join(dir, 'signed.zip');
  unsignedZip = join(dir, 'unsigned.zip');
  expect((await cli('--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', signedZip, '--sign', assessorKey)).code).toBe(0);
  expect((await cli('--db', pack.dbPath, 'export', String(pack.assessmentId), '--out', unsignedZip)).code).toBe(0);
  signedFolder = join(dir, 'signed');
  execFileSync('unzip', ['-q', signedZip, '-d', signedFolder]);
});

interface VerifyJson {
  ok: boolean;
  integrity: string;
  trust: string;
  source: string;
  signature: { state: string; keyId?: string };
  problems: { kind: string; path?: string; detail: string }[];
}

async function verifyJson(...argv: string[]): Promise<{ code: number; json: VerifyJson }> {
  const run = await cli('verify', ...argv, '--json');
  return { code: run.code, json: JSON.parse(run.out) as VerifyJson };
}

describe('verify on a signed pack', () => {
  it('without --pubkey: exit 3, not called intact, naming the unchecked key and how to check it', async () => {
    const run = await cli('verify', signedZip);
    expect(run.code).toBe(3);
    expect(run.err).toBe('');
    expect(run.out).not.toMatch(/^intact/m);
    expect(run.out).toMatch(/^hashes intact, signer NOT checked: .*signed\.zip — \d+ files match manifest\.json and SHA256SUMS/);
    expect(run.out).toContain(`signed by key ${assessorKeyId}, which was not checked`);
    expect(run.out).toContain('through another channel than the pack');
    expect(run.out).toContain(`assay verify ${signedZip} --pubkey KEY.pub`);

    const { code, json } = await verifyJson(signedZip);
    expect(code).toBe(3);
    expect(json).toMatchObject({ ok: false, integrity: 'intact', trust: 'signed-by-unchecked-key', signature: { state: 'not checked', keyId: assessorKeyId }, problems: [] });
  });

  it('with the right --pubkey: exit 0, intact and signed by that key', async () => {
    const run = await cli('verify', signedZip, '--pubkey', `${assessorKey}.pub`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^intact and signed by the given key: .*signature verified \\(key ${assessorKeyId}\\); assessment \\d+`));
    const { code, json } = await verifyJson(signedZip, '--pubkey', `${assessorKey}.pub`);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, integrity: 'intact', trust: 'signed-by-given-key', signature: { state: 'verified', keyId: assessorKeyId } });
  });

  it('re-signed with another key: names that key without --pubkey, and is invalid with the assessor\'s', async () => {
    const entries = copyEntries(await readZipEntries(signedZip));
    resign(entries, otherKey);
    const resigned = join(dir, 'resigned.zip');
    writeStoredZip(resigned, [...entries].map(([name, data]) => ({ name, data })));

    const unchecked = await cli('verify', resigned);
    expect(unchecked.code).toBe(3);
    expect(unchecked.out).toContain(`signed by key ${otherKeyId}, which was not checked`);
    expect(unchecked.out).not.toContain(assessorKeyId);

    const checked = await cli('verify', resigned, '--pubkey', `${assessorKey}.pub`);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(`signature: SHA256SUMS.minisig: signed by key ${otherKeyId}, but the public key given is ${assessorKeyId}`);
    expect(checked.out).toMatch(/hashes intact, signer NOT established: .*resigned\.zip — 1 problem\n$/);
    const { code, json } = await verifyJson(resigned, '--pubkey', `${assessorKey}.pub`);
    expect(code).toBe(1);
    expect(json).toMatchObject({ ok: false, integrity: 'intact', trust: 'none', signature: { state: 'invalid', keyId: otherKeyId } });
  });

  it('documents the exit codes in --help', async () => {
    const help = await cli('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^ {2}0 {2}intact and signed by the key given with --pubkey$/m);
    expect(help.out).toMatch(/^ {2}3 {2}intact, but the signer is not established/m);
  });
});

describe('verify on an unsigned pack', () => {
  it('gives the hashes-only verdict and exit 3; with a --pubkey, exit 1', async () => {
    const run = await cli('verify', unsignedZip);
    expect(run.code).toBe(3);
    expect(run.out).toMatch(/^hashes intact, NOT signed: /);
    expect(run.out).toContain('anyone could have changed them and rebuilt both');
    const { code, json } = await verifyJson(unsignedZip);
    expect(code).toBe(3);
    expect(json).toMatchObject({ ok: false, integrity: 'intact', trust: 'hashes-only', signature: { state: 'unsigned' }, problems: [] });

    const expected = await verifyJson(unsignedZip, '--pubkey', `${assessorKey}.pub`);
    expect(expected.code).toBe(1);
    expect(expected.json).toMatchObject({ trust: 'none', problems: [{ kind: 'signature', detail: expect.stringContaining('not signed') }] });
  });
});

describe('verify FOLDER', () => {
  /** A fresh copy of the extracted signed pack, to damage. */
  function folderCopy(): string {
    const copy = join(tempDir(), 'pack');
    cpSync(signedFolder, copy, { recursive: true });
    return copy;
  }

  it('gives the same answer for the extracted pack as for its zip, with and without --pubkey', async () => {
    for (const key of [[], ['--pubkey', `${assessorKey}.pub`]]) {
      const zip = await verifyJson(signedZip, ...key);
      const folder = await verifyJson(signedFolder, ...key);
      expect(folder.code).toBe(zip.code);
      expect(folder.json).toEqual({ ...zip.json, source: 'folder' });
    }
    const run = await cli('verify', signedFolder, '--pubkey', `${assessorKey}.pub`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^intact and signed by the given key: .*signed — /);
  });

  it('reports an added, a changed and a removed file', async () => {
    const folder = folderCopy();
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes', 'added.txt'), 'added later\n');
    writeFileSync(join(folder, 'schedule.csv'), readFileSync(join(folder, 'schedule.csv'), 'utf8').replace(/.$/s, 'X'));
    rmSync(join(folder, 'risk-cards', '2.9.html'));
    const run = await cli('verify', folder, '--pubkey', `${assessorKey}.pub`);
    expect(run.code).toBe(1);
    expect(run.out).toContain('extra: notes/added.txt: in the pack but in neither manifest.json nor SHA256SUMS');
    expect(run.out).toContain('altered: schedule.csv: content differs from manifest.json');
    expect(run.out).toContain('missing: risk-cards/2.9.html: listed in manifest.json but not in the pack');
    expect(run.out).toMatch(/NOT intact: .* — 3 problems\n$/);
    const { json } = await verifyJson(folder);
    expect(json).toMatchObject({ ok: false, integrity: 'altered', trust: 'none', source: 'folder' });
  });

  it('refuses links (without following them), FIFOs and stray folders', async () => {
    const folder = folderCopy();
    symlinkSync('/etc/passwd', join(folder, 'attachments', 'passwd'));
    // A link in place of a file of the pack, pointing at an intact copy outside the folder.
    const outside = join(tempDir(), 'index.html');
    cpSync(join(folder, 'index.html'), outside);
    rmSync(join(folder, 'index.html'));
    symlinkSync(outside, join(folder, 'index.html'));
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    mkdirSync(join(folder, 'empty'));
    const run = await cli('verify', folder, '--pubkey', `${assessorKey}.pub`);
    expect(run.code).toBe(1);
    expect(run.out).toContain('unsafe: attachments/passwd: not a regular file (a symbolic link)');
    expect(run.out).toContain('unsafe: index.html: not a regular file (a symbolic link)');
    expect(run.out).toContain('missing: index.html:');
    expect(run.out).toContain('unsafe: pipe: not a regular file (a FIFO)');
    expect(run.out).toContain('extra: empty/: a folder that holds no file of the pack');
  }, 10_000);

  it('says plainly that a missing pack is missing, with exit 2', async () => {
    const missing = join(dir, 'no-such-pack');
    const run = await cli('verify', missing);
    expect(run).toEqual({ code: 2, out: '', err: `assay: cannot read the pack ${missing} (ENOENT); give its zip or the folder it was extracted into\n` });
  });
});

/** The text of `<pre class="cmd" id="…">` in index.html, as a reader copies it. */
function commandIn(html: string, id: string): string {
  const match = new RegExp(`<pre class="cmd" id="${id}">([^<]*)</pre>`).exec(html);
  if (!match) throw new Error(`index.html has no command ${id}`);
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return match[1]!.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!);
}

/** Runs a command from the pack's instructions in `cwd` with a POSIX shell. */
function shell(command: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
}

describe("the pack's stock-tool steps, run as written", () => {
  let html: string;
  beforeAll(() => {
    html = readFileSync(join(signedFolder, 'index.html'), 'utf8');
  });

  it('name the public key file keygen wrote and the key id, and check the signature with the real minisign', () => {
    const command = commandIn(html, 'verify-signature');
    expect(command).toBe('minisign -V -p assessor.key.pub -m SHA256SUMS');
    expect(html).toContain(`key ID <b class="mono">${assessorKeyId}</b>`);
    expect(html).toContain('never from the pack');
    const folder = join(tempDir(), 'pack');
    cpSync(signedFolder, folder, { recursive: true });
    // The reviewer got the public key from the assessor.
    cpSync(`${assessorKey}.pub`, join(folder, 'assessor.key.pub'));
    const checked = shell(command, folder);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain('Signature and comment signature verified');
    expect(checked.status).toBe(0);
  });

  it('catch an added file that `sha256sum -c` passes, and a changed one', () => {
    const sums = commandIn(html, 'verify-sums');
    const extra = commandIn(html, 'verify-extra-files');
    const intact = shell(extra, signedFolder);
    expect(intact.stderr).toBe('');
    expect(intact.stdout).toBe('');
    expect(shell(sums, signedFolder).status).toBe(0);
    // The README gives the reviewer the same command.
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(extra);

    const folder = join(tempDir(), 'pack');
    cpSync(signedFolder, folder, { recursive: true });
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes', 'added.txt'), 'added later\n');
    // A SHA256SUMS away from the top level is no integrity file of the pack.
    writeFileSync(join(folder, 'risk-cards', 'SHA256SUMS'), 'x\n');
    expect(shell(sums, folder).status).toBe(0);
    // find lists in directory order.
    expect(shell(extra, folder).stdout.split('\n').sort()).toEqual(['', 'notes/added.txt', 'risk-cards/SHA256SUMS']);

    writeFileSync(join(folder, 'index.html'), `${readFileSync(join(folder, 'index.html'), 'utf8')} `);
    const changed = shell(sums, folder);
    expect(changed.status).not.toBe(0);
    expect(changed.stdout).toContain('index.html: FAILED');
  });

  it('say an unsigned pack is not signed, and give no minisign step', async () => {
    const unsignedHtml = (await readZipEntries(unsignedZip)).get('index.html')!.toString('utf8');
    expect(unsignedHtml).not.toContain('id="verify-signature"');
    expect(unsignedHtml).toContain('This pack is <b>not signed</b>');
    expect(commandIn(unsignedHtml, 'verify-assay')).toBe('assay verify PACK.zip');
    expect(commandIn(html, 'verify-assay')).toBe('assay verify PACK.zip --pubkey assessor.key.pub');
  });
});
