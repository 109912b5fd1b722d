/**
 * `assay verify` on packs built to break it: every damaged member gets a clear problem line and
 * exit 1 (the README: "exit 1 on any problem"), never a stack trace; what is not a file to read at
 * all is exit 2. Each case starts from a real signed export, re-sealed and re-signed so that the
 * damage under test is the only thing left to find.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from '../../evidence/export.js';
import { verifyPack } from '../../evidence/verify.js';
import { generateKeyFiles } from '../../evidence/minisign.js';
import { cli, type CliRun } from '../cli/run.js';
import { buildDemoAssessment, extractTo, readZipEntries, tempDir } from './fixture.js';
import { copyEntries, reseal, resign, type Entries } from './forge.js';
import { writeStoredZip, type RawEntry } from './zip-writer.js';

let dir: string;
let key: string;
let original: Entries;
let packPath: string;

beforeAll(async () => {
  const pack = buildDemoAssessment();
  dir = pack.dir;
  key = join(dir, 'k');
  const keys = generateKeyFiles();
  writeFileSync(key, keys.secretKey, { mode: 0o600 });
  writeFileSync(`${key}.pub`, keys.publicKey);
  packPath = join(dir, 'pack.zip');
  await exportPack(pack.service, pack.assessmentId, packPath, { signKey: key });
  original = await readZipEntries(packPath);
});

function zipPath(label: string): string {
  return join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}-${Math.random().toString(36).slice(2, 8)}.zip`);
}

/** A copy of the real pack with one edit, re-sealed and re-signed. */
function forged(label: string, edit: (entries: Entries) => void): string {
  const entries = copyEntries(original);
  edit(entries);
  reseal(entries);
  resign(entries, key);
  const path = zipPath(label);
  writeStoredZip(path, [...entries].map(([name, data]) => ({ name, data })));
  return path;
}

const text = (entries: Entries, name: string): string => entries.get(name)!.toString('utf8');

function editJson(name: string, change: (value: Record<string, unknown>) => unknown): (entries: Entries) => void {
  return (entries) => {
    const value = JSON.parse(text(entries, name)) as Record<string, unknown>;
    const changed = change(value);
    entries.set(name, Buffer.from(typeof changed === 'string' ? changed : JSON.stringify(changed === undefined ? value : changed)));
  };
}

/** Replaces line `index` (0-based) of history.jsonl with `line`. */
function historyLine(index: number, line: (original: string) => string): (entries: Entries) => void {
  return (entries) => {
    const lines = text(entries, 'history.jsonl').split('\n');
    lines[index] = line(lines[index]!);
    entries.set('history.jsonl', Buffer.from(lines.join('\n')));
  };
}

function editEvent(index: number, change: (event: Record<string, unknown>) => void): (entries: Entries) => void {
  return historyLine(index, (line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    change(event);
    return JSON.stringify(event);
  });
}

const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xff, 0xfe]);
const deep = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

async function verifyRejects(path: string, problem: RegExp): Promise<CliRun> {
  const run = await cli('verify', path, '--pubkey', `${key}.pub`);
  expect(run.err).toBe('');
  expect(run.out).toMatch(problem);
  expect(run.out).toMatch(/NOT intact: .* — \d+ problems?\n$/);
  expect(run.out).not.toMatch(/TypeError|RangeError|Cannot read|is not iterable|\bat .*\.[jt]s:\d+/);
  expect(run.code).toBe(1);
  const json = await cli('verify', path, '--pubkey', `${key}.pub`, '--json');
  expect(JSON.parse(json.out)).toMatchObject({ ok: false });
  expect(json.code).toBe(1);
  return run;
}

describe('verify on a hostile history.jsonl', () => {
  const cases: [string, (entries: Entries) => void, RegExp][] = [
    ['a null line', historyLine(1, () => 'null'), /history: history\.jsonl: line 2 is not a history event: it is null; expected an object/],
    ['a line that is a list', historyLine(1, () => '[1,2]'), /line 2 is not a history event: it is a list; expected an object/],
    ['a line that is a number', historyLine(1, () => '42'), /line 2 is not a history event: it is a number \(42\); expected an object/],
    ['seq as text', editEvent(1, (e) => (e.seq = '2')), /line 2 is not a history event: "seq" is text \("2"\); expected a whole number from 1/],
    ['seq far too large', historyLine(1, (l) => l.replace(/"seq":\d+/, '"seq":1e400')), /line 2 is not a history event: "seq" is a number \(Infinity\); expected a whole number from 1/],
    ['a missing hash', editEvent(1, (e) => delete e.hash), /line 2 is not a history event: "hash" is missing; expected 64 lowercase hex digits/],
    ['a hash that is not hex', editEvent(0, (e) => (e.prevHash = 'zz')), /line 1 is not a history event: "prevHash" is text \("zz"\); expected 64 lowercase hex digits/],
    ['a recId that is a number', editEvent(1, (e) => (e.recId = 29)), /line 2 is not a history event: "recId" is a number \(29\); expected text/],
    ['an after that is null', editEvent(1, (e) => (e.after = null)), /line 2 is not a history event: "after" is null; expected an object/],
    ['a before that is a list', editEvent(1, (e) => (e.before = [])), /line 2 is not a history event: "before" is a list; expected an object or null/],
    ['nesting deep enough to exhaust the stack', historyLine(1, (l) => `${l.slice(0, -1)},"extra":${deep(20_000)}}`), /history\.jsonl: line 2 is nested more than \d+ levels deep/],
    ['bytes that are not UTF-8', (entries) => entries.set('history.jsonl', Buffer.concat([entries.get('history.jsonl')!, INVALID_UTF8])), /history: history\.jsonl: not valid UTF-8 text/],
  ];
  for (const [label, edit, problem] of cases) {
    it(`reports ${label}`, async () => {
      await verifyRejects(forged(label, edit), problem);
    });
  }
});

describe('verify on a hostile assessment.json', () => {
  const cases: [string, (entries: Entries) => void, RegExp][] = [
    ['decisions that are [null]', editJson('assessment.json', (a) => void (a.decisions = [null])), /manifest: assessment\.json: "decisions\[0\]" is null; expected an object/],
    ['decisions that are an object', editJson('assessment.json', (a) => void (a.decisions = { '2.9': {} })), /assessment\.json: "decisions" is an object; expected a list/],
    ['decisions that are text', editJson('assessment.json', (a) => void (a.decisions = 'all fine')), /assessment\.json: "decisions" is text \("all fine"\); expected a list/],
    ['no decisions member', editJson('assessment.json', (a) => void delete a.decisions), /assessment\.json: "decisions" is missing; expected a list/],
    ['a decision whose recId is a number', editJson('assessment.json', (a) => void ((a.decisions as Record<string, unknown>[])[0]!.recId = 2.9)), /assessment\.json: "decisions\[0\]\.recId" is a number \(2\.9\); expected text/],
    ['a document that is null', editJson('assessment.json', () => 'null'), /assessment\.json: it is null; expected an object/],
    ['a document that is a list', editJson('assessment.json', () => '[]'), /assessment\.json: it is a list; expected an object/],
    ['nesting deep enough to exhaust the stack', editJson('assessment.json', (a) => `${JSON.stringify(a).slice(0, -1)},"extra":${deep(20_000)}}`), /assessment\.json: nested more than \d+ levels deep/],
    ['bytes that are not UTF-8', (entries) => entries.set('assessment.json', Buffer.concat([INVALID_UTF8, entries.get('assessment.json')!])), /assessment\.json: not valid UTF-8 text/],
  ];
  for (const [label, edit, problem] of cases) {
    it(`reports ${label}`, async () => {
      await verifyRejects(forged(label, edit), problem);
    });
  }
});

describe('verify on a hostile manifest.json', () => {
  const cases: [string, (entries: Entries) => void, RegExp][] = [
    ['a history that is null', editJson('manifest.json', (m) => void (m.history = null)), /manifest: manifest\.json: "history" is null; expected an object/],
    ['a history that is text', editJson('manifest.json', (m) => void (m.history = 'abc')), /manifest\.json: "history" is text \("abc"\); expected an object/],
    ['a history whose events is text', editJson('manifest.json', (m) => void ((m.history as Record<string, unknown>).events = '12')), /manifest\.json: "history\.events" is text \("12"\); expected a whole number from 0/],
    ['a history whose events is negative', editJson('manifest.json', (m) => void ((m.history as Record<string, unknown>).events = -1)), /manifest\.json: "history\.events" is a number \(-1\); expected a whole number from 0/],
    ['a history whose events is huge', editJson('manifest.json', (m) => JSON.stringify(m).replace(/"events":\d+/, '"events":1e400')), /manifest\.json: "history\.events" is a number \(Infinity\)/],
    ['a history head that is not a hash', editJson('manifest.json', (m) => void ((m.history as Record<string, unknown>).head = 42)), /manifest\.json: "history\.head" is a number \(42\); expected 64 lowercase hex digits/],
    ['files that are [null]', editJson('manifest.json', (m) => void (m.files = [null])), /manifest\.json: "files\[0\]" is null; expected an object/],
    ['files that are an object', editJson('manifest.json', (m) => void (m.files = {})), /manifest\.json: "files" is an object; expected a list/],
    ['a file size that is text', editJson('manifest.json', (m) => void ((m.files as Record<string, number | string>[])[1]!.size = String((m.files as Record<string, number>[])[1]!.size))), /manifest\.json: "files\[1\]\.size" is text \("\d+"\); expected a whole number from 0/],
    ['a file path that is a number', editJson('manifest.json', (m) => void ((m.files as Record<string, unknown>[])[0]!.path = 7)), /manifest\.json: "files\[0\]\.path" is a number \(7\); expected text/],
    ['an assessment id that is text', editJson('manifest.json', (m) => void (m.assessmentId = '2')), /manifest\.json: "assessmentId" is text \("2"\); expected a whole number from 1/],
    ['no tool', editJson('manifest.json', (m) => void delete m.tool), /manifest\.json: "tool" is missing; expected an object/],
    ['a tool version that is a list', editJson('manifest.json', (m) => void ((m.tool as Record<string, unknown>).version = [])), /manifest\.json: "tool\.version" is a list; expected text/],
    ['an account that is null', editJson('manifest.json', (m) => void (m.account = null)), /manifest\.json: "account" is null; expected text/],
    ['an exportedAt that is a number', editJson('manifest.json', (m) => void (m.exportedAt = 0)), /manifest\.json: "exportedAt" is a number \(0\); expected text/],
    ['a document that is null', editJson('manifest.json', () => 'null'), /manifest\.json: it is null; expected an object/],
    ['a document that is a list', editJson('manifest.json', () => '[]'), /manifest\.json: it is a list; expected an object/],
    ['another format', editJson('manifest.json', (m) => void (m.format = 'assay.evidence-pack/v9')), /manifest\.json: "format" is text \("assay\.evidence-pack\/v9"\); expected "assay\.evidence-pack\/v1"/],
    ['nesting deep enough to exhaust the stack', editJson('manifest.json', (m) => `${JSON.stringify(m).slice(0, -1)},"extra":${deep(20_000)}}`), /manifest\.json: nested more than \d+ levels deep/],
    ['bytes that are not UTF-8', (entries) => entries.set('manifest.json', Buffer.concat([entries.get('manifest.json')!, INVALID_UTF8])), /manifest\.json: not valid UTF-8 text/],
  ];
  for (const [label, edit, problem] of cases) {
    it(`reports ${label}`, async () => {
      await verifyRejects(forged(label, edit), problem);
    });
  }

  it('still checks every file against SHA256SUMS when the manifest cannot be read, without calling them extra', async () => {
    const entries = copyEntries(original);
    entries.set('manifest.json', Buffer.from('null'));
    reseal(entries);
    entries.set('index.html', Buffer.from('<p>forged after sealing</p>'));
    resign(entries, key);
    const path = zipPath('manifest null, html changed');
    writeStoredZip(path, [...entries].map(([name, data]) => ({ name, data })));
    const run = await verifyRejects(path, /manifest: manifest\.json: it is null; expected an object/);
    expect(run.out).toContain('altered: index.html: content differs from SHA256SUMS');
    expect(run.out).toMatch(/— 2 problems\n$/);
  });
});

describe('verify on many mutations of the JSON files', () => {
  /** A small seeded generator, so that a failing mutation can be replayed. */
  function random(seed: number): (below: number) => number {
    let state = seed;
    return (below) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return Math.floor((state / 2 ** 32) * below);
    };
  }
  const REPLACEMENTS = ['null', '[]', '{}', '[null]', '{"a":null}', '"x"', '""', '-1', '0.5', '1e400', 'true', deep(5_000)];
  type Key = string | number;

  function memberPaths(value: unknown, at: Key[] = [], out: Key[][] = []): Key[][] {
    out.push(at);
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) memberPaths(inner, [...at, Array.isArray(value) ? Number(key) : key], out);
    }
    return out;
  }

  /** `value` as JSON text with the member at `path` replaced by the raw JSON `replacement`. */
  function replaced(value: unknown, path: Key[], replacement: string): string {
    if (path.length === 0) return replacement;
    let parent = value as Record<Key, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
    parent[path[path.length - 1]!] = '\u0000mutated';
    return JSON.stringify(value).replace('"\\u0000mutated"', replacement);
  }

  it('always ends in a report naming problems, and a mutation not re-sealed never passes', async () => {
    const next = random(12);
    for (let round = 0; round < 150; round++) {
      const entries = copyEntries(original);
      const file = ['manifest.json', 'assessment.json', 'history.jsonl'][next(3)]!;
      const replacement = REPLACEMENTS[next(REPLACEMENTS.length)]!;
      const lines = text(entries, file).trimEnd().split('\n');
      const line = file === 'history.jsonl' ? next(lines.length) : 0;
      const value = JSON.parse(file === 'history.jsonl' ? lines[line]! : text(entries, file)) as unknown;
      const paths = memberPaths(value);
      const path = paths[next(paths.length)]!;
      const before = JSON.stringify(value);
      const mutated = replaced(value, path, replacement);
      if (mutated === before) continue; // replaced by an equal value
      entries.set(file, Buffer.from(file === 'history.jsonl' ? `${lines.map((l, i) => (i === line ? mutated : l)).join('\n')}\n` : mutated));
      const sealed = next(2) === 1;
      if (sealed) reseal(entries);
      const zip = zipPath(`mutation-${round}`);
      writeStoredZip(zip, [...entries].map(([name, data]) => ({ name, data })));
      const what = `round ${round}: ${file}${file === 'history.jsonl' ? ` line ${line + 1}` : ''} ${JSON.stringify(path)} = ${replacement.slice(0, 20)}${sealed ? ', re-sealed' : ''}`;
      const report = await verifyPack(zip);
      if (!sealed) expect(report.ok, what).toBe(false);
      for (const problem of report.problems) expect(problem.detail, what).not.toMatch(/TypeError|Cannot read|undefined/);
    }
  }, 60_000);
});

describe('verify on hostile integrity files', () => {
  it('reports a SHA256SUMS that is not UTF-8', async () => {
    const entries = copyEntries(original);
    entries.set('SHA256SUMS', Buffer.concat([entries.get('SHA256SUMS')!, INVALID_UTF8]));
    const path = zipPath('sums not utf8');
    writeStoredZip(path, [...entries].map(([name, data]) => ({ name, data })));
    await verifyRejects(path, /manifest: SHA256SUMS: not valid UTF-8 text/);
  });
});

describe('verify on what is not a pack file', () => {
  it('refuses a FIFO and a device with exit 2 instead of waiting on them', async () => {
    const fifo = join(tempDir(), 'pack.zip');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero']) {
      const run = await cli('verify', path);
      expect(run.code, path).toBe(2);
      expect(run.err).toMatch(new RegExp(`${path.replace(/[/.]/g, '\\$&')} is not a regular file`));
    }
  }, 10_000);
});

/** Runs Python's zipfile on `script` with the pack extracted in `folder` (argv[1]) and the zip to write (argv[2]). */
function python(script: string, folder: string, out: string): void {
  execFileSync('python3', ['-c', script, folder, out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const PY_WALK = `
import os, sys, zipfile
folder, out = sys.argv[1], sys.argv[2]
def walk():
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for d in dirs:
            yield os.path.join(root, d), os.path.relpath(os.path.join(root, d), folder) + '/'
        for f in sorted(files):
            yield os.path.join(root, f), os.path.relpath(os.path.join(root, f), folder)
`;

describe('a pack re-zipped by another tool', () => {
  let folder: string;
  beforeAll(() => {
    folder = join(tempDir(), 'pack');
    mkdirSync(folder);
    extractTo(original, folder);
  });

  async function verifiesIntact(path: string): Promise<void> {
    const run = await cli('verify', path, '--pubkey', `${key}.pub`);
    expect(run.out).toMatch(/^intact and signed by the given key: .*signature verified/);
    expect(run.code).toBe(0);
  }

  it("is read when Python's zipfile wrote its entries from bytes (permission bits, no file type)", async () => {
    const out = zipPath('python writestr');
    python(`${PY_WALK}
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for path, name in walk():
        if not name.endswith('/'):
            z.writestr(name, open(path, 'rb').read())
`, folder, out);
    await verifiesIntact(out);
  });

  it("is read when Python's zipfile added the files with folder entries (zipfile.write, as `python3 -m zipfile -c`)", async () => {
    const out = zipPath('python write');
    python(`${PY_WALK}
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for path, name in walk():
        z.write(path, name)
`, folder, out);
    await verifiesIntact(out);
  });

  it('is read when it was zipped on Windows (MS-DOS attributes, no Unix mode)', async () => {
    const out = zipPath('python windows');
    python(`${PY_WALK}
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for path, name in walk():
        info = zipfile.ZipInfo(name)
        info.create_system = 0
        info.external_attr = 0x10 if name.endswith('/') else 0x20
        z.writestr(info, b'' if name.endswith('/') else open(path, 'rb').read())
`, folder, out);
    await verifiesIntact(out);
  });

  it('is read when Debian\'s zip re-packed the extracted folder, folder entries and all', async () => {
    const out = zipPath('info-zip');
    execFileSync('zip', ['-q', '-r', '-X', out, '.'], { cwd: folder });
    await verifiesIntact(out);
  });

  it('still refuses links, devices, typed folders posing as files, folders that carry data and stray folders', async () => {
    const entries: RawEntry[] = [...original].map(([name, data]) => ({ name, data }));
    const path = zipPath('hostile types');
    writeStoredZip(path, [
      ...entries,
      { name: 'attachments/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
      { name: 'fifo', data: Buffer.alloc(0), mode: 0o010644 },
      { name: 'risk-cards/typed-folder', data: Buffer.alloc(0), mode: 0o040755 },
      { name: 'dos-folder', data: Buffer.alloc(0), mode: 0, dosAttributes: 0x10, madeBy: 0 },
      { name: 'oscal/', data: Buffer.from('not empty'), mode: 0o040755 },
      { name: 'stray/', data: Buffer.alloc(0), mode: 0o040755 },
      { name: 'index.html/', data: Buffer.alloc(0), mode: 0o040755 },
    ]);
    const run = await verifyRejects(path, /unsafe: attachments\/link: not a regular file \(a symbolic link\)/);
    expect(run.out).toContain('unsafe: fifo: not a regular file (a FIFO)');
    expect(run.out).toContain('unsafe: risk-cards/typed-folder: a folder whose name does not end in "/"');
    expect(run.out).toContain('unsafe: dos-folder: a folder whose name does not end in "/"');
    expect(run.out).toContain('unsafe: oscal/: a folder entry that carries data');
    expect(run.out).toContain('extra: stray/: a folder that holds no file of the pack');
    expect(run.out).toContain('unsafe: index.html/: a folder with the name of a file of the pack');
    expect(run.out).toMatch(/— 7 problems\n$/);
  });
});
