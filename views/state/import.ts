/**
 * Importing a scanner's file (Prowler CSV or JSON-OCSF, Security Hub ASFF) into the open
 * assessment: which file, then what was mapped, what was not, and what was refused.
 */
import type { ImportReport } from '../deps.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress, ListMove } from '../keys.js';
import { completePath, type Completion } from '../paths.js';
import { clamp } from '../window.js';

export interface ImportState {
  step: 'path' | 'running' | 'done';
  path: TextField;
  completion?: Completion;
  /** What the import stored, line by line; scrolled with the move keys. */
  report?: ImportReport;
  error?: string;
  offset: number;
  height: number;
}

export type ImportAction =
  | ListMove
  | { type: 'key'; press: KeyPress }
  | { type: 'complete'; cwd: string }
  | { type: 'running' }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: string }
  | { type: 'resize'; height: number };

export function initialImport(height: number): ImportState {
  return { step: 'path', path: textField(), offset: 0, height };
}

/** The lines shown after an import: warnings first, then the mapping, then where it was stored. */
export function reportLines(report: ImportReport): string[] {
  return [...report.warnings.map((w) => `⚠ ${w}`), ...report.summary.split('\n').filter((l) => l !== ''), '', report.stored];
}

function scroll(state: ImportState, move: ListMove): ImportState {
  const count = state.report ? reportLines(state.report).length : 0;
  const last = Math.max(0, count - state.height);
  const by = move.type === 'move' ? move.by : move.type === 'page' ? move.by * state.height : move.to === 'top' ? -count : count;
  return { ...state, offset: clamp(state.offset + by, 0, last) };
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'key': {
      if (state.step === 'running') return state;
      const edited = editField(state.path, action.press);
      return edited ? { ...state, step: 'path', path: edited, completion: undefined, error: undefined } : state;
    }
    case 'complete': {
      const { field, completion } = completePath(state.path, action.cwd, state.completion);
      return { ...state, step: 'path', path: field, completion };
    }
    case 'running':
      return { ...state, step: 'running', error: undefined, completion: undefined };
    case 'done':
      return { ...state, step: 'done', report: action.report, offset: 0 };
    case 'failed':
      return { ...state, step: 'path', error: action.error };
    case 'resize':
      return { ...state, height: action.height };
    case 'move':
    case 'page':
    case 'edge':
      return scroll(state, action);
  }
}
