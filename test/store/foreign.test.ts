/**
 * Other programs' SQLite files: `--db` pointed at one is refused before anything is written —
 * no WAL switch, no tables, no `-wal`/`-shm` left beside it. Assay's own files carry its
 * application_id; older Assay databases without it still open, and get it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { ASSAY_APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { cli } from '../cli/run.js';
import { AUTOMATED_REC, tempDir } from '../service/fixture.js';

/** Every command that opens the database, as a user might point it at the wrong file. */
function commandsOn(db: string, dir: string): string[][] {
  return [
    ['list'],
    ['new', '--name', 'Q4', '--demo'],
    ['decide', '1', AUTOMATED_REC, '--status', 'pass', '--justification', 'fixed'],
    ['history', '1', '--verify'],
    ['export', '1', '--out', join(dir, 'pack.zip')],
    ['scan', '--demo', '--assessment', '1'],
  ].map((command) => [...command, '--db', db]);
}

function header(path: string): { applicationId: number; userVersion: number } {
  const bytes = readFileSync(path);
  return { applicationId: bytes.readInt32BE(68), userVersion: bytes.readInt32BE(60) };
}

function sidecars(path: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(path + suffix));
}

/** Points every command at `path`, expecting each refused with `message` and the file untouched. */
async function expectEveryCommandRefused(path: string, message: string | RegExp): Promise<void> {
  const before = readFileSync(path);
  for (const command of commandsOn(path, join(path, '..'))) {
    const run = await cli(...command);
    expect(run.code, `${command[0]}: ${run.err}`).toBe(2);
    expect(run.err).toMatch(/^assay: [^\n]+\n$/);
    expect(run.err).toMatch(message);
    expect(run.err).toContain('left it unchanged');
    expect(readFileSync(path).equals(before), command[0]).toBe(true);
    expect(sidecars(path), command[0]).toEqual([]);
  }
}

describe('another program’s SQLite file', () => {
  it('refuses a database with tables and no mark, changing no byte', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    const foreign = new Database(path);
    foreign.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('buy milk')");
    foreign.close();
    await expectEveryCommandRefused(path, `${path} is an SQLite database of another program (it has tables, and no Assay mark)`);
    expect(header(path).applicationId).toBe(0);
  });

  it('refuses a WAL database of another program that claims a schema version, leaving no -wal or -shm', async () => {
    const path = join(tempDir(), 'browser-history.db');
    const foreign = new Database(path);
    foreign.pragma('journal_mode = WAL');
    foreign.pragma('user_version = 2');
    foreign.exec("CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('https://example.org/')");
    foreign.close();
    expect(sidecars(path)).toEqual([]);
    await expectEveryCommandRefused(path, `${path} is an SQLite database of another program (tables visits, schema version 2, no Assay mark)`);
  });

  it('refuses a database carrying another application_id, naming both ids', async () => {
    const path = join(tempDir(), 'map.gpkg');
    const foreign = new Database(path);
    foreign.pragma('application_id = 0x47504b47');
    foreign.close();
    await expectEveryCommandRefused(path, `${path} is not an Assay database: its SQLite application_id is 0x47504b47, Assay's is 0x${ASSAY_APPLICATION_ID.toString(16)}`);
  });

  it('refuses a file Assay itself would have marked, once its mark is another program’s', async () => {
    const path = join(tempDir(), 'assay.db');
    expect((await cli('new', '--name', 'Q4', '--db', path)).code).toBe(0);
    const raw = new Database(path);
    raw.pragma('application_id = 7');
    raw.close();
    await expectEveryCommandRefused(path, 'application_id is 0x00000007');
  });
});

describe('Assay’s own files', () => {
  it('marks a new database, an empty file and an SQLite file without tables as Assay’s', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.db');
    const touched = join(dir, 'touched.db');
    const blank = join(dir, 'blank.db');
    writeFileSync(touched, '');
    const empty = new Database(blank);
    empty.exec('VACUUM');
    empty.close();
    for (const path of [fresh, touched, blank]) {
      const run = await cli('new', '--name', 'Q4', '--db', path);
      expect(run.code, run.err).toBe(0);
      expect(header(path)).toEqual({ applicationId: ASSAY_APPLICATION_ID, userVersion: SCHEMA_VERSION });
    }
  });

  it('opens an Assay database from before the mark, keeps its data and marks it', async () => {
    const path = join(tempDir(), 'older.db');
    expect((await cli('new', '--name', 'June review', '--demo', '--db', path)).code).toBe(0);
    expect((await cli('decide', '1', AUTOMATED_REC, '--status', 'fail', '--justification', 'minimum length is 8', '--db', path)).code).toBe(0);
    // As an earlier Assay left it: the same tables and version, application_id 0.
    const raw = new Database(path);
    raw.pragma('application_id = 0');
    raw.close();
    expect(header(path).applicationId).toBe(0);
    const listed = await cli('list', '--db', path);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('June review');
    expect(header(path).applicationId).toBe(ASSAY_APPLICATION_ID);
    expect((await cli('history', '1', '--verify', '--db', path)).out).toMatch(/history intact: \d+ events/);
  });

  it('migrates and marks an unmarked database of every earlier schema version', async () => {
    const dir = tempDir();
    for (let version = 1; version < SCHEMA_VERSION; version++) {
      const path = join(dir, `v${version}.db`);
      openDatabase(path, { targetVersion: version }).close();
      const raw = new Database(path);
      raw.pragma('application_id = 0');
      raw.close();
      expect(header(path)).toEqual({ applicationId: 0, userVersion: version });
      const run = await cli('list', '--db', path);
      expect(run.code, run.err).toBe(0);
      expect(header(path)).toEqual({ applicationId: ASSAY_APPLICATION_ID, userVersion: SCHEMA_VERSION });
    }
  });
});
