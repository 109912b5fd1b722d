import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type Io } from '../../src/cli.js';
import { collectScript } from '../../src/collect/script.js';
import { formatProgress, progressDisplay } from '../../src/commands/collect.js';
import { packagePath } from '../../src/paths.js';
import { parseSnapshot, readSnapshotFile } from '../../src/snapshot.js';
import { answerFrom, awsError, mockAws, type SentCall } from './mock-aws.js';

const MINI = readSnapshotFile(packagePath('test', 'fixtures', 'collect', 'mini-account.json'));

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

let restore: (() => void) | undefined;
const folders: string[] = [];
afterEach(() => {
  restore?.();
  restore = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'assay-collect-'));
  folders.push(folder);
  return folder;
};
const tempFile = (name: string) => join(tempFolder(), name);

function mockMini(special: (call: SentCall) => unknown = () => undefined): SentCall[] {
  const base = answerFrom(MINI);
  const mocked = mockAws((call) => special(call) ?? base(call));
  restore = mocked.restore;
  return mocked.sent;
}


describe('assay collect', () => {
  it('writes the snapshot once collected and sums up on stderr', async () => {
    mockMini();
    const out = tempFile('snapshot.json');
    const io = capture();
    expect(await runCli(['collect', '--out', out, '--concurrency', '4'], io)).toBe(0);
    const snapshot = parseSnapshot(readFileSync(out, 'utf8'), out);
    expect(snapshot.calls).toHaveLength(MINI.calls.length);
    expect(snapshot.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('assay: not opted in, so not collected: me-south-1\n');
    expect(io.stderr).toContain(`assay: ${MINI.calls.length} calls in 2 regions (account 444455556666) written to ${out}; failed calls: `);
    expect(io.stderr).toContain('NoSuchBucketPolicy ×1');
  });

  it('collects only the regions given', async () => {
    const sent = mockMini();
    const out = tempFile('eu.json');
    expect(await runCli(['collect', '--out', out, '--regions', 'eu-west-1'], capture())).toBe(0);
    expect(readSnapshotFile(out).regions).toEqual(['eu-west-1']);
    expect(sent.filter((c) => c.operation === 'DescribeInstances').map((c) => c.region)).toEqual(['eu-west-1']);
  });

  it('exits 2 with a login hint, writing nothing, when the credentials have expired', async () => {
    mockMini(({ operation }) => {
      if (operation === 'GetCallerIdentity') throw awsError('CredentialsProviderError', 'The SSO session associated with this profile has expired.');
      return undefined;
    });
    const out = tempFile('never.json');
    const io = capture();
    expect(await runCli(['collect', '--out', out, '--profile', 'prod-audit'], io)).toBe(2);
    expect(io.stderr).toMatch(/^assay: cannot use the AWS credentials of profile "prod-audit": CredentialsProviderError: The SSO session/);
    expect(io.stderr).toContain('aws sso login --profile prod-audit');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it.each([
    [['--concurrency', '0'], /--concurrency 0: expected a whole number from 1 to 64/],
    [['--concurrency', 'many'], /--concurrency many: expected a whole number/],
    [['--regions', 'us-east-1,Frankfurt'], /--regions: "Frankfurt" is not a region name/],
    [['--regions', ','], /--regions: expected region names/],
    [['--role-arn', 'SecurityAudit'], /--role-arn SecurityAudit: expected an IAM role ARN/],
  ])('refuses %j before calling AWS', async (args, message) => {
    const sent = mockMini();
    const io = capture();
    expect(await runCli(['collect', '--out', tempFile('x.json'), ...args], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(sent).toEqual([]);
  });

  it('refuses an --out it could not write, before calling AWS', async () => {
    const sent = mockMini();
    const folder = tempFolder();
    const io = capture();
    expect(await runCli(['collect', '--out', folder], io)).toBe(2);
    expect(io.stderr).toContain('is a folder; give a file name');
    expect(await runCli(['collect', '--out', join(folder, 'missing', 'snap.json')], io)).toBe(2);
    expect(io.stderr).toMatch(/the folder .*missing does not exist/);
    expect(await runCli(['collect'], io)).toBe(2);
    expect(io.stderr).toContain("required option '--out <file>' not specified");
    expect(sent).toEqual([]);
  });
});

describe('the progress line', () => {
  const at = (done: number, known: number) => ({ done, known, service: 'iam', operation: 'ListAccessKeys', region: 'us-east-1' });

  it('shows calls done/known and the current call, rewriting one line', () => {
    expect(formatProgress(at(3, 40))).toBe('collecting: 3/40 calls · iam ListAccessKeys us-east-1');
    const written: string[] = [];
    let now = 1_000;
    const display = progressDisplay((t) => written.push(t), true, () => now);
    display.update(at(1, 40));
    now += 50;
    display.update(at(2, 40)); // within 100 ms of the last: skipped
    now += 150;
    display.update(at(3, 40));
    now += 10;
    display.update(at(40, 40)); // the last one always shows
    display.note('not opted in, so not collected: me-south-1');
    display.end();
    expect(written).toEqual([
      '\r\x1b[Kcollecting: 1/40 calls · iam ListAccessKeys us-east-1',
      '\r\x1b[Kcollecting: 3/40 calls · iam ListAccessKeys us-east-1',
      '\r\x1b[Kcollecting: 40/40 calls · iam ListAccessKeys us-east-1',
      '\r\x1b[K',
      'assay: not opted in, so not collected: me-south-1\n',
    ]);
  });

  it('writes only notes when stderr is not a terminal', () => {
    const written: string[] = [];
    const display = progressDisplay((t) => written.push(t), false);
    display.update(at(1, 2));
    display.note('heads up');
    display.update(at(2, 2));
    display.end();
    expect(written).toEqual(['assay: heads up\n']);
  });
});

describe('assay collect-script', () => {
  it('prints the collection script', async () => {
    const io = capture();
    expect(await runCli(['collect-script'], io)).toBe(0);
    expect(io.stdout).toBe(collectScript());
    expect(io.stdout).toMatch(/^#!\/bin\/sh\n# assay collection script/);
  });
});
