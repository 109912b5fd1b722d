/** Writing the evidence pack: choose where, watch it, see where it went. */
import type { ExportResult, Progress } from '../deps.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import { completePath, type Completion } from '../paths.js';

export interface ExportState {
  assessmentId: number;
  name: string;
  step: 'path' | 'confirm-overwrite' | 'running' | 'done';
  path: TextField;
  completion?: Completion;
  progress?: Progress;
  result?: ExportResult;
  error?: string;
}

export type ExportAction =
  | { type: 'key'; press: KeyPress }
  | { type: 'complete'; cwd: string }
  | { type: 'ask-overwrite' }
  | { type: 'keep-editing' }
  | { type: 'running' }
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; error: string };

/** `assay-northwind-retail-demo-2026-11-20.zip`: the assessment's name and the day. */
export function defaultPackName(name: string, today: Date): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `assay-${slug || 'assessment'}-${today.toISOString().slice(0, 10)}.zip`;
}

export function initialExport(assessmentId: number, name: string, today: Date): ExportState {
  return { assessmentId, name, step: 'path', path: textField(defaultPackName(name, today)) };
}

export function exportReducer(state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case 'key': {
      if (state.step !== 'path') return state;
      const edited = editField(state.path, action.press);
      return edited ? { ...state, path: edited, completion: undefined, error: undefined } : state;
    }
    case 'complete': {
      const { field, completion } = completePath(state.path, action.cwd, state.completion);
      return { ...state, path: field, completion };
    }
    case 'ask-overwrite':
      return { ...state, step: 'confirm-overwrite' };
    case 'keep-editing':
      return { ...state, step: 'path' };
    case 'running':
      return { ...state, step: 'running', progress: { done: 0, total: 0 }, error: undefined, result: undefined };
    case 'progress':
      return { ...state, progress: action.progress };
    case 'done':
      return { ...state, step: 'done', result: action.result };
    case 'failed':
      return { ...state, step: 'path', error: action.error, progress: undefined };
  }
}
