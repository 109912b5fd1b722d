import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorReason, InputError } from '../errors.js';
import { migrate, SCHEMA_VERSION, schemaVersion } from './migrations.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

/**
 * Opens (creating if absent) the assessment database and brings its schema up to date.
 * Before anything is written, an existing file is checked with a read-only connection: a file
 * that is not SQLite, is corrupt, or comes from a newer Assay is refused and left as it was.
 */
export function openDatabase(path: string, options: { targetVersion?: number } = {}): Db {
  if (exists(path)) {
    inspectExisting(path);
  } else {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new InputError(`cannot create the folder for the database ${path} (${errorReason(err)})`);
    }
  }
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    throw new InputError(`cannot open the database ${path} (${errorReason(err)})`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.targetVersion);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Header, integrity and schema version of an existing file, without writing to it. */
function inspectExisting(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a database file`);
  // An empty file is what `touch` leaves: SQLite treats it as a new database, and nothing is lost.
  if (stat.size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read the database ${path} (${errorReason(err)})`);
  }
  let read: number;
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length || header.toString('latin1') !== SQLITE_HEADER || stat.size < 100) {
    throw new InputError(`${path} is not an SQLite database; Assay refuses to use it and left it unchanged (choose another file with --db or $ASSAY_DB)`);
  }
  let version: number;
  let readonly: Db | undefined;
  try {
    readonly = new Database(path, { readonly: true, fileMustExist: true });
    const check = readonly.pragma('quick_check') as { quick_check: string }[];
    const problems = check.map((row) => row.quick_check).filter((msg) => msg !== 'ok');
    if (problems.length > 0) throw new Error(problems.slice(0, 3).join('; '));
    version = schemaVersion(readonly);
  } catch (err) {
    throw new InputError(`${path} is a corrupt SQLite database (${(err as Error).message}); Assay refuses to use it and left it unchanged`);
  } finally {
    readonly?.close();
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(
      `${path} has database schema version ${version}, newer than this Assay supports (version ${SCHEMA_VERSION}); upgrade Assay to open it`,
    );
  }
}
