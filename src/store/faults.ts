/**
 * What goes wrong with a database file that is not the user's input mistake in the usual sense —
 * a damaged file, a full disk, a read-only file or folder — told as a message that names the file
 * and what to do, never as a stack trace.
 */
import { accessSync, constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorReason, InputError } from '../errors.js';

/** Stored content that can no longer be what Assay wrote (a hash or JSON that does not hold). */
export class StoredDataDamaged extends Error {
  constructor(readonly detail: string) {
    super(`the database is damaged: ${detail}`);
    this.name = 'StoredDataDamaged';
  }
}

/** Parses JSON that Assay itself stored; text that no longer parses means the file was damaged. */
export function parseStoredJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new StoredDataDamaged(`${what} is no longer valid JSON`);
  }
}

/** Why `path` cannot be written (EACCES, EPERM, EROFS…), or undefined when it can. */
export function notWritable(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (err) {
    return errorReason(err);
  }
}

export const CORRUPT_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

/** Told when the file cannot be used as it is; the nothing-changed claim holds because every write is one transaction. */
export function readOnlyFileMessage(path: string, reason: string): string {
  return `the database ${path} is read-only (${reason}), and Assay records every change in it: make it writable, or copy it and point --db at the copy; nothing was changed`;
}

function readOnlyFolderMessage(path: string, reason: string): string {
  const name = basename(path);
  return `the folder ${dirname(path)} of the database ${path} is read-only (${reason}), and SQLite keeps its write-ahead log beside the database (${name}-wal, ${name}-shm): make the folder writable or move the database; nothing was changed`;
}

/**
 * The error to report for `err` raised while using the database at `path`: SQLite's errors and
 * damaged stored data become an `InputError` (exit 2) saying what happened; anything else is
 * returned unchanged.
 */
export function databaseFault(path: string, err: unknown): unknown {
  if (err instanceof StoredDataDamaged) {
    return new InputError(`the database ${path} is damaged: ${err.detail}; restore it from a backup`);
  }
  if (!(err instanceof Database.SqliteError)) return err;
  const cause = `${err.message}, ${err.code}`;
  if (CORRUPT_CODES.test(err.code)) {
    return new InputError(`the database ${path} is damaged (${cause}); nothing was changed — restore it from a backup`);
  }
  if (err.code.startsWith('SQLITE_FULL')) {
    return new InputError(`the disk holding the database ${path} is full (${cause}); nothing was changed — free some space and try again`);
  }
  if (/^SQLITE_(READONLY|CANTOPEN|IOERR|PERM|AUTH)/.test(err.code)) {
    const fileReason = notWritable(path);
    // A file that does not exist yet is not read-only: only its folder can be.
    if (fileReason && fileReason !== 'ENOENT') return new InputError(readOnlyFileMessage(path, fileReason));
    const folderReason = notWritable(dirname(path));
    if (folderReason) return new InputError(readOnlyFolderMessage(path, folderReason));
    return new InputError(`cannot read or write the database ${path} (${cause}); nothing was changed`);
  }
  if (err.code.startsWith('SQLITE_BUSY')) {
    return new InputError(`the database ${path} is locked by another program (${cause}); nothing was changed, try again`);
  }
  return new InputError(`the database ${path} could not be used (${cause}); it may be damaged; nothing was changed`);
}
