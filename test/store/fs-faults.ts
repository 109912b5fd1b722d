/**
 * File-system faults for the store's tests: read-only files and folders, and a small disk that
 * can be filled. Root ignores permission bits, so as root a file is made immutable (chattr +i)
 * and the small disk is a tmpfs mount; where neither works the tests that need them are skipped.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IS_ROOT = process.getuid?.() === 0;

function run(command: string, ...args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Makes `path` unwritable for this process; returns how to undo it, or undefined when it cannot. */
export function makeReadOnly(path: string): (() => void) | undefined {
  if (!IS_ROOT) {
    const { mode } = statSync(path);
    chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    return () => chmodSync(path, mode);
  }
  return run('chattr', '+i', path) ? () => void run('chattr', '-i', path) : undefined;
}

/** Mounts a tmpfs of `kib` KiB on the empty folder `dir` (root only); returns how to unmount it. */
export function mountSmallDisk(dir: string, kib: number): (() => void) | undefined {
  if (!IS_ROOT) return undefined;
  return run('mount', '-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir) ? () => void run('umount', '-l', dir) : undefined;
}

/** Writes `path` until the disk is full, down to the last block. */
export function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (let size = 64 * 1024; size >= 512; size /= 2) {
      const block = Buffer.alloc(size, 0x55);
      try {
        for (;;) writeSync(fd, block);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function probe(check: (dir: string) => (() => void) | undefined): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'assay-probe-'));
  try {
    const undo = check(dir);
    undo?.();
    return undo !== undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a folder can be made read-only here (chmod as a user, chattr as root). */
export const CAN_MAKE_READ_ONLY = process.platform !== 'win32' && probe(makeReadOnly);
/** Whether a small disk can be mounted here (root with tmpfs). */
export const CAN_MOUNT_SMALL_DISK = process.platform === 'linux' && probe((dir) => mountSmallDisk(dir, 64));
