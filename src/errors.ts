/**
 * An error caused by what the user gave us (a file, a flag, a database). The CLI prints its
 * message alone and exits with `exitCode` (2 by the command-line contract) — no stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Names the accepted values when the user gave something else. */
export function oneOf<T extends string>(what: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new InputError(`unknown ${what} "${value}"; accepted: ${accepted.join(', ')}`);
}

/** Why a file operation failed, for a message: the system's error code (ENOENT, EACCES…) when there is one. */
export function errorReason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

// Input files are read in one place, which refuses what is not a regular file and caps the size.
export { readInputBytes, readInputFile } from './input-file.js';
