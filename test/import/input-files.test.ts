/**
 * Every file Assay reads as input (scanner exports, snapshots, attachments, keys, packs) goes
 * through one reader: anything but a regular file is refused before it is read, a symlink only
 * counts as what it points to, and nothing over the documented limit is read at all.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes, INPUT_KINDS, readInputBytes, type InputKind } from '../../src/input-file.js';
import { cli } from '../cli/run.js';
import { passwordPolicySnapshot, testScope } from '../fixtures/assessments.js';
import { bundleCaseRunner, runCases, type CaseRun } from './child-cli.js';

const scope = testScope('assay-input-', afterAll);
const PROWLER_CSV = fileURLToPath(new URL('../../../shared/fixtures/prowler/example_output_aws.csv', import.meta.url));
/** A refusal is a few checks on a descriptor: far under this even on a loaded machine. */
const CHILD_TIMEOUT_MS = 15_000;

function failure(path: string) {
  return (reason: string) => `cannot read ${path} (${reason})`;
}

describe('readInputBytes', () => {
  it('reads a regular file, and one behind a symlink, whole', () => {
    const dir = scope.tempDir();
    const file = join(dir, 'data.json');
    writeFileSync(file, '{"a":1}');
    symlinkSync(file, join(dir, 'link.json'));
    expect(readInputBytes(file, failure(file)).toString()).toBe('{"a":1}');
    expect(readInputBytes(join(dir, 'link.json'), failure(file)).toString()).toBe('{"a":1}');
  });

  it('takes a file of exactly the limit and refuses one byte more without reading it', () => {
    const dir = scope.tempDir();
    const kind: InputKind = { plural: 'test files', maxBytes: 16 };
    writeFileSync(join(dir, 'at-limit'), 'x'.repeat(16));
    writeFileSync(join(dir, 'over'), 'x'.repeat(17));
    expect(readInputBytes(join(dir, 'at-limit'), failure('at-limit'), kind).length).toBe(16);
    expect(() => readInputBytes(join(dir, 'over'), failure('over'), kind)).toThrow(`${join(dir, 'over')} is 17 B; test files are limited to 16 B`);
  });

  it('refuses a sparse file over the snapshot limit at once', () => {
    const big = join(scope.tempDir(), 'big.json');
    writeFileSync(big, '');
    truncateSync(big, INPUT_KINDS.snapshot.maxBytes + 1);
    expect(() => readInputBytes(big, failure(big), INPUT_KINDS.snapshot)).toThrow(`${big} is 256 MiB; snapshots are limited to 256 MiB`);
  });

  it.skipIf(platform() !== 'linux')('stops at the limit when a file holds more than its size says', () => {
    // /proc files report size 0 and hold more: as a file that grows while it is read.
    const kind: InputKind = { plural: 'test files', maxBytes: 64 };
    expect(() => readInputBytes('/proc/self/maps', failure('/proc/self/maps'), kind)).toThrow(
      '/proc/self/maps grew past 64 B while being read; test files are limited to 64 B',
    );
  });

  it('refuses a socket by name instead of an error code', async () => {
    const socket = join(scope.tempDir(), 'assay.sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(() => readInputBytes(socket, failure(socket), INPUT_KINDS.snapshot)).toThrow(
        `${socket} is not a regular file but a socket; Assay reads snapshots only from regular files`,
      );
    } finally {
      server.close();
    }
  });

  it('keeps the caller\'s message for a file that cannot be opened', () => {
    const missing = join(scope.tempDir(), 'missing.json');
    expect(() => readInputBytes(missing, (reason) => `${missing}: cannot read the snapshot (${reason})`)).toThrow(`${missing}: cannot read the snapshot (ENOENT)`);
  });
});

interface Fixture {
  dir: string;
  db: string;
  id: string;
  snapshot: string;
  attachment: string;
  pack: string;
  secretKey: string;
  publicKey: string;
}

interface Reader {
  name: string;
  kind: InputKind;
  argv(f: Fixture, file: string, label: string): string[];
  good(f: Fixture): string;
  goodCode: number;
}

/** Every command that reads a file the user names, and what it reads it as. */
const READERS: Reader[] = [
  { name: 'import', kind: INPUT_KINDS.scannerFile, argv: (f, file) => ['--db', f.db, 'import', f.id, file], good: () => PROWLER_CSV, goodCode: 0 },
  { name: 'scan --snapshot', kind: INPUT_KINDS.snapshot, argv: (_f, file) => ['scan', '--snapshot', file, '--json'], good: (f) => f.snapshot, goodCode: 0 },
  {
    name: 'new --snapshot',
    kind: INPUT_KINDS.snapshot,
    argv: (f, file, label) => ['--db', f.db, 'new', '--name', `from ${label}`, '--snapshot', file],
    good: (f) => f.snapshot,
    goodCode: 0,
  },
  { name: 'attach', kind: INPUT_KINDS.attachment, argv: (f, file) => ['--db', f.db, 'attach', f.id, '2.7', file], good: (f) => f.attachment, goodCode: 0 },
  // Signed, but no --pubkey: intact with the signer not checked.
  { name: 'verify', kind: INPUT_KINDS.pack, argv: (_f, file) => ['verify', file], good: (f) => f.pack, goodCode: 3 },
  { name: 'verify --pubkey', kind: INPUT_KINDS.key, argv: (f, file) => ['verify', f.pack, '--pubkey', file], good: (f) => f.publicKey, goodCode: 0 },
  {
    name: 'export --sign',
    kind: INPUT_KINDS.key,
    argv: (f, file, label) => ['--db', f.db, 'export', f.id, '--out', join(f.dir, `signed ${label.replace(/\W+/g, '-')}.zip`), '--sign', file],
    good: (f) => f.secretKey,
    goodCode: 0,
  },
];

interface BadInput {
  name: string;
  /** Old readers hang on these (or read for ever): they run in a child process with a timeout. */
  hangs: boolean;
  path(dir: string, kind: InputKind): string;
  why(kind: InputKind): string;
}

const BAD_INPUTS: BadInput[] = [
  { name: '/dev/zero', hangs: true, path: () => '/dev/zero', why: (kind) => `is not a regular file but a character device; Assay reads ${kind.plural} only from regular files` },
  {
    name: 'a FIFO',
    hangs: true,
    path: (dir) => {
      const fifo = join(dir, 'input.fifo');
      if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
      return fifo;
    },
    why: (kind) => `is not a regular file but a FIFO (named pipe); Assay reads ${kind.plural} only from regular files`,
  },
  {
    name: 'a symlink to /dev/zero',
    hangs: true,
    path: (dir) => {
      const link = join(dir, 'zero.link');
      if (!existsSync(link)) symlinkSync('/dev/zero', link);
      return link;
    },
    why: (kind) => `is not a regular file but a character device; Assay reads ${kind.plural} only from regular files`,
  },
  {
    name: 'a folder',
    hangs: false,
    path: (dir) => {
      mkdirSync(join(dir, 'folder'), { recursive: true });
      return join(dir, 'folder');
    },
    why: (kind) => `is a folder; ${kind.folderAdvice ?? `Assay reads ${kind.plural} only from regular files`}`,
  },
  {
    name: 'a file over the limit',
    hangs: false,
    path: (dir, kind) => {
      // Sparse: over the limit on paper without writing it to disk.
      const big = join(dir, `over-${kind.maxBytes}.bin`);
      writeFileSync(big, '');
      truncateSync(big, kind.maxBytes + 1);
      return big;
    },
    why: (kind) => `is ${formatBytes(kind.maxBytes + 1)}; ${kind.plural} are limited to ${formatBytes(kind.maxBytes)}`,
  },
];

// A pack is streamed, never read whole: it has no size limit to go over. A folder given as a pack
// is read as one extracted (test/evidence/verify-trust.test.ts).
const NOT_BAD_FOR_PACKS = new Set(['a file over the limit', 'a folder']);
const CASES = BAD_INPUTS.flatMap((input) =>
  READERS.filter((reader) => !(NOT_BAD_FOR_PACKS.has(input.name) && reader.kind === INPUT_KINDS.pack)).map((reader) => ({ input, reader, label: `${reader.name} of ${input.name}` })),
);

describe.skipIf(platform() === 'win32')('commands given what is not a regular file, or too much of one', () => {
  let fixture: Fixture;
  let removeBundle: () => void = () => {};
  const childRuns = new Map<string, CaseRun | 'hung'>();

  beforeAll(async () => {
    const dir = scope.tempDir();
    const db = join(dir, 'assay.db');
    const service = scope.open({ dbPath: db, actor: 'ava.auditor' });
    const { id } = service.createAssessment({ name: 'Q4', source: 'test', snapshot: passwordPolicySnapshot(8) });
    service.close();
    const snapshot = join(dir, 'snapshot.json');
    writeFileSync(snapshot, JSON.stringify(passwordPolicySnapshot(8)));
    const attachment = join(dir, 'screenshot.txt');
    writeFileSync(attachment, 'password policy page, 2026-11-25');
    const secretKey = join(dir, 'assessor.key');
    expect((await cli('keygen', '--out', secretKey)).code).toBe(0);
    const pack = join(dir, 'pack.zip');
    expect((await cli('--db', db, 'export', String(id), '--out', pack, '--sign', secretKey)).code).toBe(0);
    fixture = { dir, db, id: String(id), snapshot, attachment, pack, secretKey, publicKey: `${secretKey}.pub` };

    removeBundle = await bundleCaseRunner();
    const cases = CASES.filter((c) => c.input.hangs);
    const runs = await runCases(
      cases.map((c) => c.reader.argv(fixture, c.input.path(dir, c.reader.kind), c.label)),
      CHILD_TIMEOUT_MS,
    );
    cases.forEach((c, n) => childRuns.set(c.label, runs[n]!));
  }, 120_000);

  afterAll(() => removeBundle());

  it.each(CASES.map((c) => [c.label, c] as const))('%s: exit 2 naming the path and why, quickly', async (_label, { input, reader, label }) => {
    const path = input.path(fixture.dir, reader.kind);
    const run = input.hangs ? childRuns.get(label) : await cli(...reader.argv(fixture, path, label));
    expect(run, `${label} hung: killed after ${CHILD_TIMEOUT_MS} ms`).not.toBe('hung');
    const { code, out, err } = run as CaseRun;
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `assay: ${path} ${input.why(reader.kind)}\n` });
  });

  it('changed nothing: no assessment, evidence, import or pack came of the refused files', () => {
    const service = scope.open({ dbPath: fixture.db, actor: 'ava.auditor' });
    expect(service.listAssessments().map((a) => a.assessment.name)).toEqual(['Q4']);
    const id = Number(fixture.id);
    expect(service.listEvidence(id)).toEqual([]);
    expect(service.getResults(id).filter((r) => r.source !== 'assay')).toEqual([]);
    service.close();
    for (const c of CASES) expect(existsSync(join(fixture.dir, `signed ${c.label.replace(/\W+/g, '-')}.zip`)), c.label).toBe(false);
  });

  it.each(READERS.map((r) => [r.name, r] as const))('%s still reads a regular file', async (_name, reader) => {
    const run = await cli(...reader.argv(fixture, reader.good(fixture), 'a good file'));
    expect(run.err).not.toMatch(/regular file|limited to/);
    expect(run.code).toBe(reader.goodCode);
  });
});
