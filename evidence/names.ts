/**
 * Zip entry names. Attachment names come from users' files, so they are reduced to a safe
 * alphabet before they become part of a path; `entryNameProblem` is what `verify` uses to refuse
 * a pack whose entries could land outside the folder it is extracted into.
 */

const MAX_NAME_LENGTH = 96;

/** `attachments/<sha256>-<name>` with the name reduced to letters, digits, `.`, `_` and `-`. */
export function attachmentEntryName(sha256: string, originalName: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
  return `attachments/${sha256}-${sanitiseFileName(originalName)}`;
}

/**
 * The last path segment of `name`, accents dropped, everything outside `[A-Za-z0-9._-]` (path
 * separators, control characters, NUL, spaces, other scripts) turned into `_`, no leading dots,
 * at most 96 characters (the extension kept). Never empty.
 */
export function sanitiseFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).filter((part) => part !== '').pop() ?? '';
  const ascii = lastSegment
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '');
  if (ascii === '' || /^[._-]*$/.test(ascii)) return 'attachment';
  if (ascii.length <= MAX_NAME_LENGTH) return ascii;
  const dot = ascii.lastIndexOf('.');
  const extension = dot > 0 && ascii.length - dot <= 12 ? ascii.slice(dot) : '';
  return ascii.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/**
 * Why a zip entry name is unsafe to extract, or undefined when it is fine: absolute paths, drive
 * letters, `..` or `.` segments, backslashes, empty segments, NUL and other control characters.
 */
export function entryNameProblem(name: string): string | undefined {
  if (name === '') return 'empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'control character in the name';
  if (name.includes('\\')) return 'backslash in the name (a Windows path separator)';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  const segments = name.split('/');
  if (segments.includes('..')) return 'parent-folder segment (..)';
  if (segments.includes('.')) return 'current-folder segment (.)';
  if (segments.slice(0, -1).includes('') || segments[segments.length - 1] === '') return 'empty path segment';
  return undefined;
}

/** A name as it can be printed safely on one terminal line. */
export function printableName(name: string): string {
  return JSON.stringify(name).slice(1, -1).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
