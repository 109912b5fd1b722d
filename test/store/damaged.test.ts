/**
 * Damaged databases and hostile file systems: every command that opens the database ends in a
 * clear message naming the file (exit 2, or exit 1 where `history --verify` finds a broken
 * chain), never a stack trace, and a refused file is left as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFault } from '../../src/store/faults.js';
import { cli, type CliRun } from '../cli/run.js';
import { AUTOMATED_REC, MANUAL_REC, tempDir } from '../service/fixture.js';
import { CAN_MAKE_READ_ONLY, CAN_MOUNT_SMALL_DISK, fillDisk, makeReadOnly, mountSmallDisk } from './fs-faults.js';

/** An Assay database with the demo assessment, one decision and one attachment, closed cleanly. */
async function assayDatabase(dir: string, name = 'assay.db'): Promise<string> {
  const db = join(dir, name);
  await expectOk(cli('new', '--name', 'Q4', '--demo', '--db', db));
  await expectOk(cli('decide', '1', AUTOMATED_REC, '--status', 'fail', '--justification', 'minimum length is 8', '--likelihood', '3', '--impact', '3', '--db', db));
  const evidence = join(dir, 'policy.txt');
  writeFileSync(evidence, 'password policy screenshot\n'.repeat(200));
  await expectOk(cli('attach', '1', MANUAL_REC, evidence, '--db', db));
  return db;
}

async function expectOk(run: Promise<CliRun>): Promise<CliRun> {
  const result = await run;
  expect(result.code, result.err).toBe(0);
  return result;
}

/** The commands that open the database, as the flipped-byte trial runs them. */
function commands(out: string): string[][] {
  return [
    ['list'],
    ['decide', '1', AUTOMATED_REC, '--status', 'pass', '--justification', 'fixed'],
    ['new', '--name', 'another'],
    ['history', '1', '--verify'],
    ['export', '1', '--out', out],
  ];
}

/** A refusal: exit 2 and one line on stderr that starts like every Assay message, no stack trace. */
function expectRefusal(run: CliRun, ...parts: (string | RegExp)[]): void {
  expect(run.code, run.err).toBe(2);
  expect(run.err).toMatch(/^assay: [^\n]+\n$/);
  for (const part of parts) expect(run.err).toMatch(part);
}

function sidecars(db: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(db + suffix));
}

/** Runs `work` with `path` read-only, undoing it afterwards (before the folder is removed). */
async function whileReadOnly(path: string, work: () => Promise<void>): Promise<void> {
  const undo = makeReadOnly(path);
  if (!undo) throw new Error(`cannot make ${path} read-only here`);
  try {
    await work();
  } finally {
    undo();
  }
}

/** A tiny seeded generator (mulberry32), so every run damages the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('named damage cases', () => {
  it('refuses a folder, a device and a pipe as the database without reading them', async () => {
    const dir = tempDir();
    expectRefusal(await cli('list', '--db', dir), `${dir} is a folder`);
    if (process.platform === 'win32') return;
    expectRefusal(await cli('list', '--db', '/dev/zero'), '/dev/zero is not a regular file');
    const fifo = join(dir, 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    expectRefusal(await cli('new', '--name', 'x', '--db', fifo), `${fifo} is not a regular file`);
  });

  it('refuses a database path under a file, naming the folder it cannot create', async () => {
    const file = join(tempDir(), 'plain.txt');
    writeFileSync(file, 'not a folder');
    expectRefusal(await cli('list', '--db', join(file, 'assay.db')), `cannot create the folder for the database ${join(file, 'assay.db')} (`, 'part of that path is a file, not a folder');
  });

  it('refuses a truncated database and a bare header, leaving both unchanged', async () => {
    const dir = tempDir();
    const bytes = readFileSync(await assayDatabase(dir));
    for (const [name, damaged] of [
      ['half.db', bytes.subarray(0, bytes.length / 2)],
      ['header.db', bytes.subarray(0, 100)],
      ['short.db', bytes.subarray(0, 40)],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, damaged);
      for (const command of commands(join(dir, 'pack.zip'))) {
        expectRefusal(await cli(...command, '--db', path), path);
        expect(readFileSync(path).equals(damaged)).toBe(true);
        expect(sidecars(path)).toEqual([]);
      }
    }
  });

  it('refuses schema version -1 and a missing table as damage, not as another program', async () => {
    const dir = tempDir();
    const negative = await assayDatabase(dir, 'negative.db');
    const raw = new Database(negative);
    raw.pragma('user_version = -1');
    raw.close();
    const before = readFileSync(negative);
    expectRefusal(await cli('list', '--db', negative), `${negative} has database schema version -1, which no Assay writes; it is damaged`);
    expectRefusal(await cli('decide', '1', AUTOMATED_REC, '--status', 'pass', '--justification', 'x', '--db', negative), 'schema version -1');
    expect(readFileSync(negative).equals(before)).toBe(true);

    const dropped = await assayDatabase(dir, 'dropped.db');
    const drop = new Database(dropped);
    drop.pragma('foreign_keys = OFF');
    drop.exec('DROP TABLE findings');
    drop.close();
    expectRefusal(await cli('list', '--db', dropped), `${dropped} lacks Assay's tables findings at schema version`);
  });

  it('reports stored content that no longer matches its hash, or JSON that no longer parses, as a damaged database', async () => {
    const dir = tempDir();
    const db = await assayDatabase(dir);
    const raw = new Database(db);
    // The snapshot blob and the attachment blob: the first byte of each changed in place.
    raw.exec("UPDATE blob_chunks SET data = CAST(x'78' || substr(data, 2) AS BLOB)");
    raw.close();
    expectRefusal(await cli('export', '1', '--out', join(dir, 'pack.zip'), '--db', db), `the database ${db} is damaged: the stored snapshot of assessment 1 now hashes to`, 'its bytes were changed after it was scanned');
    expectRefusal(await cli('scan', '--assessment', '1', '--db', db), `the database ${db} is damaged`);

    // A flipped type byte can turn a stored piece into text.
    const retyped = await assayDatabase(dir, 'retyped.db');
    const cast = new Database(retyped);
    cast.exec('UPDATE blob_chunks SET data = CAST(data AS TEXT)');
    cast.close();
    expectRefusal(await cli('export', '1', '--out', join(dir, 'pack.zip'), '--db', retyped), `the database ${retyped} is damaged:`, 'is no longer stored as bytes');

    const other = await assayDatabase(dir, 'regions.db');
    const edit = new Database(other);
    edit.exec("UPDATE assessments SET regions = '[\"us-east-1\"'");
    edit.close();
    expectRefusal(await cli('list', '--db', other), `the database ${other} is damaged: the regions of assessment 1 is no longer valid JSON`);
  });

  it('turns a full disk met in SQLite into a message naming the database', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'tiny.db'));
    db.pragma('max_page_count = 2');
    db.exec('CREATE TABLE t (x)');
    let caught: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64 * 1024));
    } catch (err) {
      caught = err;
    } finally {
      db.close();
    }
    expect((caught as { code?: string }).code).toBe('SQLITE_FULL');
    expect((databaseFault(join(dir, 'tiny.db'), caught) as Error).message).toMatch(new RegExp(`^the disk holding the database ${join(dir, 'tiny.db')} is full .*nothing was changed`));
  });

  it.skipIf(!CAN_MAKE_READ_ONLY)('refuses a read-only database file, naming it, and leaves it unchanged', async () => {
    const dir = tempDir();
    const db = await assayDatabase(dir);
    const before = readFileSync(db);
    await whileReadOnly(db, async () => {
      for (const command of commands(join(dir, 'pack.zip'))) {
        expectRefusal(await cli(...command, '--db', db), `the database ${db} is read-only (`, 'make it writable');
      }
    });
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(sidecars(db)).toEqual([]);
  });

  it.skipIf(!CAN_MAKE_READ_ONLY)('says a read-only folder is read-only, not that the database is corrupt', async () => {
    const dir = tempDir();
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    const db = await assayDatabase(folder);
    rmSync(join(folder, 'policy.txt'));
    await whileReadOnly(folder, async () => {
      for (const command of commands(join(dir, 'pack.zip'))) {
        const run = await cli(...command, '--db', db);
        expectRefusal(run, `the folder ${folder} of the database ${db} is read-only (`, 'assay.db-wal');
        expect(run.err).not.toMatch(/corrupt|damaged/);
      }
      expectRefusal(await cli('new', '--name', 'fresh', '--db', join(folder, 'fresh.db')), `the folder ${folder} of the database ${join(folder, 'fresh.db')} is read-only`);
    });
    await expectOk(cli('history', '1', '--verify', '--db', db));
  });

  describe.skipIf(!CAN_MOUNT_SMALL_DISK)('on a full disk', () => {
    /** An Assay database on a small disk, held open so its log files exist, with the disk then filled. */
    async function onFullDisk(work: (db: string, dir: string) => Promise<void>): Promise<void> {
      const dir = tempDir();
      const disk = join(dir, 'disk');
      mkdirSync(disk);
      const unmount = mountSmallDisk(disk, 2048);
      if (!unmount) throw new Error('cannot mount a small disk');
      let holder: Database.Database | undefined;
      try {
        const db = await assayDatabase(disk);
        holder = new Database(db);
        holder.prepare('SELECT count(*) FROM assessments').get();
        fillDisk(join(disk, 'filler'));
        await work(db, dir);
        holder.close();
        holder = undefined;
        rmSync(join(disk, 'filler'));
        // Nothing acknowledged before was lost, and the failed change left no trace.
        const history = await expectOk(cli('history', '1', '--verify', '--db', db));
        expect(history.out).toMatch(/history intact: 3 events/);
        expect((await expectOk(cli('list', '--db', db))).out).toMatch(/^\s+1 {2}Q4/m);
      } finally {
        holder?.close();
        unmount();
      }
    }

    it('refuses decide, attach and new with a message that the disk is full', async () => {
      await onFullDisk(async (db, dir) => {
        const evidence = join(dir, 'large.bin');
        writeFileSync(evidence, Buffer.alloc(3 * 1024 * 1024, 7));
        const runs = [
          await cli('decide', '1', MANUAL_REC, '--status', 'exception', '--justification', 'accepted', '--approver', 'cfo', '--expires', '2027-01-31', '--db', db),
          await cli('attach', '1', AUTOMATED_REC, evidence, '--db', db),
          await cli('new', '--name', 'Q1', '--demo', '--db', db),
        ];
        for (const run of runs) expectRefusal(run, `the disk holding the database ${db} is full`, 'nothing was changed');
      });
    });

    it('refuses to create a new database on a full disk', async () => {
      await onFullDisk(async (db) => {
        const fresh = join(db, '..', 'fresh.db');
        expectRefusal(await cli('new', '--name', 'Q1', '--demo', '--db', fresh), `the disk holding the database ${fresh} is full`);
      });
    });
  });
});

describe('150 databases with flipped bytes', () => {
  it('every command ends in exit 0, 1 or 2 with a message naming the file, never a stack trace', async () => {
    const dir = tempDir();
    const original = readFileSync(await assayDatabase(dir));
    const pageSize = original.readUInt16BE(16);
    const random = seededRandom(20261125);
    const exits = new Map<string, number>();
    for (let trial = 0; trial < 150; trial++) {
      const damaged = Buffer.from(original);
      // A third each in the header, the first pages (schema) and anywhere in the data pages.
      const regions: [number, number][] = [
        [0, 100],
        [100, pageSize * 3],
        [pageSize * 3, damaged.length],
      ];
      const [from, to] = regions[trial % 3]!;
      const offset = from + Math.floor(random() * (to - from));
      const flips = 1 + Math.floor(random() * 4);
      for (let k = 0; k < flips; k++) damaged[Math.min(offset + k, damaged.length - 1)]! ^= 1 << Math.floor(random() * 8);
      const path = join(dir, `damaged-${trial}.db`);
      for (const command of commands(join(dir, `pack-${trial}.zip`))) {
        writeFileSync(path, damaged);
        rmSync(`${path}-wal`, { force: true });
        rmSync(`${path}-shm`, { force: true });
        const run = await cli(...command, '--db', path);
        const where = `trial ${trial} (offset ${offset}), ${command[0]}: ${run.err}`;
        exits.set(`${command[0]} ${run.code}`, (exits.get(`${command[0]} ${run.code}`) ?? 0) + 1);
        if (run.code === 2) {
          expect(run.err, where).toMatch(/^assay: [^\n]+\n$/);
          expect(run.err, where).toContain(path);
          if (run.err.includes('left it unchanged')) {
            expect(readFileSync(path).equals(damaged), where).toBe(true);
            expect(sidecars(path), where).toEqual([]);
          }
        } else if (run.code === 1) {
          expect(command[0], where).toBe('history');
          expect(run.out, where).toContain('history NOT intact');
        } else {
          expect(run.code, where).toBe(0);
        }
      }
    }
    // The header is checked on every open: a good share of the trials must be refused outright.
    expect(exits.get('list 2') ?? 0).toBeGreaterThanOrEqual(20);
    expect(exits.get('export 2') ?? 0).toBeGreaterThan(exits.get('list 2') ?? 0);
  }, 300_000);
});
