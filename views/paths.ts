/**
 * Path completion for the attach, export and snapshot prompts, like a shell's tab: complete the
 * common prefix, list the candidates, and on further tabs step through them.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { textField, type TextField } from './field.js';

export interface Completion {
  /** Full completed values to step through on the next tabs. */
  candidates: string[];
  /** Which candidate is shown; -1 before stepping. */
  index: number;
}

/** `~/x` and relative paths, resolved as the prompt means them. */
export function resolvePath(typed: string, cwd: string): string {
  const t = typed.trim();
  if (t === '~') return homedir();
  if (t.startsWith('~/')) return join(homedir(), t.slice(2));
  return isAbsolute(t) ? t : resolve(cwd, t);
}

function listDir(dir: string): { name: string; isDir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((d) => {
      let isDir = d.isDirectory();
      if (d.isSymbolicLink()) {
        try {
          isDir = statSync(join(dir, d.name)).isDirectory();
        } catch {
          isDir = false;
        }
      }
      return { name: d.name, isDir };
    });
  } catch {
    return [];
  }
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] as string;
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * One press of tab. With a completion in progress and nothing typed since, shows the next
 * candidate; otherwise completes as far as the entries agree and returns the candidates.
 */
export function completePath(field: TextField, cwd: string, previous?: Completion): { field: TextField; completion?: Completion } {
  if (previous && previous.candidates.length > 1) {
    const index = (previous.index + 1) % previous.candidates.length;
    const current = previous.index === -1 ? undefined : previous.candidates[previous.index];
    if (previous.index === -1 || field.value === current) {
      return { field: textField(previous.candidates[index] as string), completion: { ...previous, index } };
    }
  }
  const typed = field.value;
  const slash = typed.lastIndexOf('/');
  const typedDir = slash === -1 ? '' : typed.slice(0, slash + 1);
  const prefix = slash === -1 ? typed : typed.slice(slash + 1);
  const dir = typedDir === '' ? cwd : resolvePath(typedDir, cwd);
  const entries = listDir(dir)
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (entries.length === 0) return { field };
  const values = entries.map((e) => typedDir + e.name + (e.isDir ? '/' : ''));
  if (values.length === 1) return { field: textField(values[0] as string) };
  const common = commonPrefix(values);
  return { field: textField(common.length > typed.length ? common : typed), completion: { candidates: values, index: -1 } };
}

/** The candidates as the prompt lists them: names only, the shown one marked. */
export function candidateNames(completion: Completion): string[] {
  return completion.candidates.map((c, i) => {
    const trimmed = c.endsWith('/') ? c.slice(0, -1) : c;
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1) + (c.endsWith('/') ? '/' : '');
    return i === completion.index ? `[${name}]` : name;
  });
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  ENOSPC: 'the disk is full',
};

/**
 * Makes the folder a file is about to be written into, with any folders above it. Returns why it
 * cannot be made, in words (never a bare errno), or undefined when the folder is there.
 */
export function ensureParentFolder(filePath: string): string | undefined {
  const folder = dirname(filePath);
  try {
    mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder`;
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return `cannot create the folder ${folder}: ${ERRNO_WORDS[code] ?? (err as Error).message}`;
  }
}
