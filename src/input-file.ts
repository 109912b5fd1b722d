/**
 * The one way Assay opens a file the user named as input (a snapshot, a scanner export, an
 * attachment, a key, a pack): only a regular file, a symlink only to one, and never more than
 * the limit for its kind. The type and size come from fstat of the opened descriptor, so the file
 * judged is the file read; the read itself is bounded too, for a file that grows meanwhile.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { errorReason, InputError } from './errors.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/** What a file given as input is for, and how large it may be (README: "Input files"). */
export interface InputKind {
  /** What such files are called, in the plural: "snapshots are limited to 256 MiB". */
  plural: string;
  maxBytes: number;
  /** What to do instead when a folder is given (default: say that only regular files are read). */
  folderAdvice?: string;
}

/** Attachments larger than this are refused: 256 MiB. */
export const MAX_ATTACHMENT_BYTES = 256 * MiB;

export const INPUT_KINDS = {
  snapshot: { plural: 'snapshots', maxBytes: 256 * MiB },
  scannerFile: { plural: 'scanner files', maxBytes: 256 * MiB },
  attachment: { plural: 'attachments', maxBytes: MAX_ATTACHMENT_BYTES, folderAdvice: 'attach a file (zip a folder first)' },
  key: { plural: 'key files', maxBytes: 64 * KiB },
  // A pack is streamed entry by entry, never whole: its size is bounded by the zip format only.
  pack: { plural: 'packs', maxBytes: Number.MAX_SAFE_INTEGER },
  file: { plural: 'input files', maxBytes: 256 * MiB },
} as const satisfies Record<string, InputKind>;

/** How an unreadable file is told: `reason` is the system's error code (ENOENT, EACCES…). */
export type ReadFailure = (reason: string) => string;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 10 ? 0 : 1)} ${units[unit]}`;
}

function fileType(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'neither a file nor a folder';
}

function notRegular(path: string, stat: Stats, kind: InputKind): InputError {
  const onlyFiles = `Assay reads ${kind.plural} only from regular files`;
  if (stat.isDirectory()) return new InputError(`${path} is a folder; ${kind.folderAdvice ?? onlyFiles}`);
  return new InputError(`${path} is not a regular file but ${fileType(stat)}; ${onlyFiles}`);
}

function tooLarge(path: string, size: number, kind: InputKind): InputError {
  return new InputError(`${path} is ${formatBytes(size)}; ${kind.plural} are limited to ${formatBytes(kind.maxBytes)}`);
}

function grew(path: string, kind: InputKind): InputError {
  return new InputError(`${path} grew past ${formatBytes(kind.maxBytes)} while being read; ${kind.plural} are limited to ${formatBytes(kind.maxBytes)}`);
}

// Non-blocking, so that opening a FIFO with no writer returns at once and is refused by type
// instead of waiting; no controlling terminal from a tty. Neither changes reads of a regular file.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens `path` for reading if it is a regular file (following symlinks) of at most
 * `kind.maxBytes`; otherwise throws an InputError naming the path and why. The caller closes
 * the descriptor.
 */
export function openInputFile(path: string, kind: InputKind, failure: ReadFailure = (reason) => `cannot read ${path} (${reason})`): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    // A socket cannot be opened at all (ENXIO): name what it is rather than the code.
    if ((err as NodeJS.ErrnoException).code === 'ENXIO') {
      const stat = statOrUndefined(path);
      if (stat && !stat.isFile()) throw notRegular(path, stat, kind);
    }
    throw new InputError(failure(errorReason(err)));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(path, stat, kind);
    if (stat.size > kind.maxBytes) throw tooLarge(path, stat.size, kind);
    return { fd, size: stat.size };
  } catch (err) {
    closeSync(fd);
    if (err instanceof InputError) throw err;
    throw new InputError(failure(errorReason(err)));
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The bytes of a regular file of at most `kind.maxBytes`. Reads never go past the limit: a file
 * that grows beyond it while being read (or whose size the system under-reports) is refused.
 */
export function readInputBytes(path: string, failure: ReadFailure, kind: InputKind = INPUT_KINDS.file): Buffer {
  const { fd, size } = openInputFile(path, kind, failure);
  try {
    const limit = kind.maxBytes + 1;
    // One byte more than fstat promised tells a grown file from a complete one.
    let buffer = Buffer.allocUnsafe(Math.min(size + 1, limit));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled === limit) throw grew(path, kind);
        const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2 + 64 * KiB));
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, filled, buffer.length - filled, null);
      } catch (err) {
        throw new InputError(failure(errorReason(err)));
      }
      if (read === 0) return buffer.subarray(0, filled);
      filled += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 file the user named, read as `readInputBytes` reads it. */
export function readInputFile(path: string, failure: ReadFailure, kind: InputKind = INPUT_KINDS.file): string {
  return readInputBytes(path, failure, kind).toString('utf8');
}
