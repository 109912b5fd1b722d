/**
 * Names in a pack. Attachment names come from users' files, so they are reduced to a safe
 * alphabet before they become part of a path, and spelled out wherever the report shows them;
 * `entryNameProblem` is what `verify` (and the writing of SHA256SUMS) uses to refuse an entry
 * name that could land outside the folder it is extracted into or pass for another line.
 */

const MAX_NAME_LENGTH = 96;

/**
 * Characters that change how the text around them is shown rather than showing themselves: C0 and
 * C1 controls and the text-direction marks, overrides and isolates (a right-to-left override makes
 * "evil\u202Egnp.exe" look like "evilexe.png"), plus the line and paragraph separators.
 */
const DISGUISING_BEYOND_ASCII = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const DISGUISING = new RegExp(`[\\u0000-\\u001f${DISGUISING_BEYOND_ASCII}]`);
const EVERY_DISGUISING = new RegExp(DISGUISING.source, 'g');
const EVERY_DISGUISING_BEYOND_ASCII = new RegExp(`[${DISGUISING_BEYOND_ASCII}]`, 'g');

const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

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
  if (DISGUISING.test(name)) return 'control or text-direction character in the name';
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
  return JSON.stringify(name).slice(1, -1).replace(EVERY_DISGUISING, unicodeEscape);
}

/**
 * A file name as the report shows it: what it is, on one line, in its own reading order. Each
 * disguising character is spelled out (`\n`, `\u202e`) and a backslash doubled, so the shown
 * name cannot pass for another one, nor for a line of its own.
 */
export function displayName(name: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return name.replace(/\\/g, '\\\\').replace(EVERY_DISGUISING, (c) => named[c] ?? unicodeEscape(c));
}

/**
 * JSON text with every disguising character written as a \u escape (JSON.stringify escapes the C0
 * controls itself): the same value when parsed, but a name like "evil\u202egnp.exe" cannot pass
 * for "evilexe.png" in an editor.
 */
export function spellOutInJson(jsonText: string): string {
  return jsonText.replace(EVERY_DISGUISING_BEYOND_ASCII, unicodeEscape);
}
