/** Writing the evidence pack: where to, whether to sign and with which key, progress, where it went. */
import { join } from 'node:path';
import type { ExportResult, Progress } from '../deps.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import { completePath, type Completion } from '../paths.js';

export const EXPORT_FIELDS = ['path', 'sign', 'key'] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

export interface ExportState {
  assessmentId: number;
  name: string;
  step: 'path' | 'confirm-overwrite' | 'running' | 'done';
  /** Which field has the cursor while the pack's details are edited. */
  focus: ExportField;
  path: TextField;
  sign: boolean;
  key: TextField;
  completion?: Completion;
  progress?: Progress;
  result?: ExportResult;
  error?: string;
}

export type ExportAction =
  | { type: 'key'; press: KeyPress }
  | { type: 'complete'; cwd: string }
  | { type: 'focus'; by: 1 | -1 }
  | { type: 'toggle-sign' }
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

/** The pack goes into `folder` under its default name; signing starts off, with `signKey` offered. */
export function initialExport(assessmentId: number, name: string, today: Date, folder: string, signKey: string): ExportState {
  return { assessmentId, name, step: 'path', focus: 'path', path: textField(join(folder, defaultPackName(name, today))), sign: false, key: textField(signKey) };
}

/** The fields the cursor visits: the key only while signing is on. */
function fieldsOf(state: ExportState): readonly ExportField[] {
  return state.sign ? EXPORT_FIELDS : EXPORT_FIELDS.filter((f) => f !== 'key');
}

export function exportReducer(state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case 'key': {
      if (state.step !== 'path' || state.focus === 'sign') return state;
      const field = state.focus;
      const edited = editField(state[field], action.press);
      return edited ? { ...state, [field]: edited, completion: undefined, error: undefined } : state;
    }
    case 'complete': {
      if (state.focus === 'sign') return state;
      const field = state.focus;
      const { field: completed, completion } = completePath(state[field], action.cwd, state.completion);
      return { ...state, [field]: completed, completion };
    }
    case 'focus': {
      const fields = fieldsOf(state);
      const at = fields.indexOf(state.focus);
      const focus = fields[Math.min(fields.length - 1, Math.max(0, at + action.by))] ?? 'path';
      return focus === state.focus ? state : { ...state, focus, completion: undefined };
    }
    case 'toggle-sign':
      return { ...state, sign: !state.sign, error: undefined };
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
