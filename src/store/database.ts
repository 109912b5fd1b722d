import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorReason, InputError } from '../errors.js';
import { CORRUPT_CODES, databaseFault, notWritable, readOnlyFileMessage } from './faults.js';
import { ASSAY_APPLICATION_ID, ASSAY_TABLES, migrate, SCHEMA_VERSION, schemaVersion } from './migrations.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** The 100-byte database header and the 8-byte b-tree header of page 1 (the schema table) after it. */
const HEADER_BYTES = 108;
/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

const LEFT_UNCHANGED = 'Assay refuses to use it and left it unchanged (choose another file with --db or $ASSAY_DB)';

/**
 * Opens (creating if absent) the assessment database and brings its schema up to date.
 * Before anything is written, an existing file is checked without writing to it: a file that is
 * not SQLite, is corrupt, belongs to another program, or comes from a newer Assay is refused and
 * left as it was. Assay's databases carry `ASSAY_APPLICATION_ID`; older ones get it on opening.
 */
export function openDatabase(path: string, options: { targetVersion?: number } = {}): Db {
  const stat = statOrUndefined(path);
  if (stat) {
    inspectExisting(path, stat);
  } else {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      const reason = errorReason(err);
      const why = reason === 'EEXIST' || reason === 'ENOTDIR' ? `${reason}: part of that path is a file, not a folder` : reason;
      throw new InputError(`cannot create the folder for the database ${path} (${why})`);
    }
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.targetVersion);
  } catch (err) {
    db?.close();
    throw databaseFault(path, err);
  }
  return db;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether the file, its header and its contents make it Assay's, without writing to it. */
function inspectExisting(path: string, stat: Stats): void {
  if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a database file`);
  // Reading a FIFO or a device could block or never end: only a regular file can be a database.
  if (!stat.isFile()) throw new InputError(`${path} is not a regular file (a pipe, a device or a socket); the database must be a file`);
  // An empty file is what `touch` leaves: SQLite treats it as a new database, and nothing is lost.
  if (stat.size === 0) return checkWritable(path);
  const header = readHeader(path);
  if (header.length < 100 || header.toString('latin1', 0, SQLITE_HEADER.length) !== SQLITE_HEADER) {
    throw new InputError(`${path} is not an SQLite database; ${LEFT_UNCHANGED}`);
  }
  // The header is the truth unless a write-ahead log beside it may hold a newer first page.
  const headerIsCurrent = !existsSync(`${path}-wal`);
  const applicationId = header.readInt32BE(68);
  if (applicationId !== 0 && applicationId !== ASSAY_APPLICATION_ID) throw foreignApplication(path, applicationId);
  if (headerIsCurrent && applicationId === 0 && header.readInt32BE(60) === 0) {
    // Page 1 holds the schema table: a leaf (type 13) with no cells means no tables at all.
    const emptySchema = header.length === HEADER_BYTES && header[100] === 13 && header.readUInt16BE(103) === 0;
    if (!emptySchema) throw new InputError(`${path} is an SQLite database of another program (it has tables, and no Assay mark); ${LEFT_UNCHANGED}`);
    return checkWritable(path);
  }
  inspectWithSqlite(path);
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read the database ${path} (${errorReason(err)})`);
  }
  try {
    return header.subarray(0, readSync(fd, header, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function foreignApplication(path: string, applicationId: number): InputError {
  const hex = `0x${(applicationId >>> 0).toString(16).padStart(8, '0')}`;
  return new InputError(`${path} is not an Assay database: its SQLite application_id is ${hex}, Assay's is 0x${ASSAY_APPLICATION_ID.toString(16)} (another program's file, or a damaged one); ${LEFT_UNCHANGED}`);
}

/** SQLite would quietly open a write-protected file read-only and fail at the first change. */
function checkWritable(path: string): void {
  const reason = notWritable(path);
  if (reason) throw new InputError(readOnlyFileMessage(path, reason));
}

interface Contents {
  applicationId: number;
  version: number;
  tables: string[];
  problems: string[];
}

/**
 * Reads the mark, schema version and tables through a read-only connection. A WAL database makes
 * even that connection create `-wal` and `-shm` beside the file; those it created are removed
 * again when the file is refused, so a refused file is left exactly as it was found.
 */
function inspectWithSqlite(path: string): void {
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((sidecar) => !existsSync(sidecar));
  let contents: Contents;
  let readonly: Db | undefined;
  try {
    readonly = new Database(path, { readonly: true, fileMustExist: true });
    const check = readonly.pragma('quick_check') as { quick_check: string }[];
    contents = {
      applicationId: readonly.pragma('application_id', { simple: true }) as number,
      version: schemaVersion(readonly),
      tables: readonly.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[],
      // quick_check reports one problem per line under a heading; the message lists them on one line.
      problems: check.flatMap((row) => row.quick_check.split('\n')).filter((line) => line !== 'ok' && !line.startsWith('***')),
    };
  } catch (err) {
    readonly?.close();
    removeCreated(sidecars);
    if (err instanceof Database.SqliteError && !CORRUPT_CODES.test(err.code)) throw databaseFault(path, err);
    throw new InputError(`${path} is a corrupt SQLite database (${(err as Error).message}); ${LEFT_UNCHANGED}`);
  }
  readonly.close();
  try {
    judgeContents(path, contents);
    checkWritable(path);
  } catch (err) {
    removeCreated(sidecars);
    throw err;
  }
}

/** Deletes the files of `paths` that exist now; an unexpected non-empty log is kept. */
function removeCreated(paths: string[]): void {
  for (const path of paths) {
    const stat = statOrUndefined(path);
    if (stat && (stat.size === 0 || path.endsWith('-shm'))) unlinkSync(path);
  }
}

function judgeContents(path: string, { applicationId, version, tables, problems }: Contents): void {
  if (problems.length > 0) throw new InputError(`${path} is a corrupt SQLite database (${problems.slice(0, 3).join('; ')}); ${LEFT_UNCHANGED}`);
  if (applicationId !== 0 && applicationId !== ASSAY_APPLICATION_ID) throw foreignApplication(path, applicationId);
  const missing = ASSAY_TABLES.filter((table) => !tables.includes(table));
  const empty = tables.length === 0 && version === 0;
  // Assay databases from before the mark are known by their tables.
  if (applicationId === 0 && missing.length > 0 && !empty) {
    throw new InputError(`${path} is an SQLite database of another program (tables ${tables.slice(0, 5).join(', ') || 'none'}, schema version ${version}, no Assay mark); ${LEFT_UNCHANGED}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(`${path} has database schema version ${version}, newer than this Assay supports (version ${SCHEMA_VERSION}); upgrade Assay to open it`);
  }
  if (empty) return;
  if (version < 1) throw new InputError(`${path} has database schema version ${version}, which no Assay writes; it is damaged, and ${LEFT_UNCHANGED}`);
  if (missing.length > 0) throw new InputError(`${path} lacks Assay's tables ${missing.join(', ')} at schema version ${version}; it is damaged, and ${LEFT_UNCHANGED}`);
}
