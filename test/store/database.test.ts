import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { ASSAY_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../src/store/migrations.js';
import { defaultDbPath } from '../../src/store/paths.js';
import { AssayService } from '../../src/service.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { openService, tempDir } from '../service/fixture.js';

describe('opening the database', () => {
  it('creates the folder and a WAL database with foreign keys at the newest schema', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'assay.db');
    const db = openDatabase(path);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    } finally {
      db.close();
    }
    expect(statSync(path).isFile()).toBe(true);
  });

  it('has an ordered list of migrations, at least two', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file that is not SQLite and leaves it byte-for-byte unchanged', () => {
    const path = join(tempDir(), 'notes.db');
    const content = Buffer.from('these are my notes, not a database\n'.repeat(20));
    writeFileSync(path, content);
    expect(() => openDatabase(path)).toThrow(`${path} is not an SQLite database`);
    expect(readFileSync(path).equals(content)).toBe(true);
    expect(() => AssayService.open({ dbPath: path })).toThrow(/not an SQLite database/);
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it('refuses a corrupt SQLite file and leaves it unchanged', () => {
    const path = join(tempDir(), 'corrupt.db');
    const service = openService(path);
    service.createAssessment({ name: 'to be damaged', source: 'test', snapshot: passwordPolicySnapshot(8) });
    service.close();
    const bytes = readFileSync(path);
    // Keep the header, scribble over the rest of the first page and the schema pages after it.
    const damaged = Buffer.from(bytes);
    damaged.fill(0xa5, 100, Math.min(damaged.length, 4096 * 3));
    writeFileSync(path, damaged);
    expect(() => openDatabase(path)).toThrow(/is a corrupt SQLite database .*left it unchanged/);
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('refuses a database from a newer schema, naming both versions', () => {
    const path = join(tempDir(), 'future.db');
    const db = new Database(path);
    db.pragma(`application_id = ${ASSAY_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.exec('CREATE TABLE from_the_future (x)');
    db.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(`has database schema version ${SCHEMA_VERSION + 5}, newer than this Assay supports (version ${SCHEMA_VERSION})`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a folder as the database', () => {
    const path = join(tempDir(), 'a-folder');
    mkdirSync(path);
    expect(() => openDatabase(path)).toThrow(`${path} is a folder, not a database file`);
  });

  it('opens $ASSAY_DB by default, creating its folder', () => {
    const path = join(tempDir(), 'from-env', 'assay.db');
    vi.stubEnv('ASSAY_DB', path);
    try {
      const service = AssayService.open();
      expect(service.dbPath).toBe(path);
      service.close();
      expect(statSync(path).isFile()).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('takes an empty file as a new database', () => {
    const path = join(tempDir(), 'touched.db');
    writeFileSync(path, '');
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('default database path', () => {
  const home = '/home/ada';
  it('prefers $ASSAY_DB', () => {
    expect(defaultDbPath({ ASSAY_DB: '/tmp/x.db' }, 'linux', home)).toBe('/tmp/x.db');
  });
  it('uses XDG_DATA_HOME or ~/.local/share on Linux', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: '/data' }, 'linux', home)).toBe('/data/assay/assay.db');
    expect(defaultDbPath({}, 'linux', home)).toBe('/home/ada/.local/share/assay/assay.db');
  });
  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDbPath({}, 'darwin', home)).toBe('/home/ada/Library/Application Support/assay/assay.db');
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', home)).toContain('C:\\Users\\ada\\AppData\\Roaming');
  });
});
