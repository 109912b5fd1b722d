/** Attaching a file to a recommendation: a path with completion, an optional note, the result. */
import type { EvidenceRecord } from '../../src/model.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import { completePath, type Completion } from '../paths.js';

export interface AttachState {
  recId: string;
  path: TextField;
  note: TextField;
  focus: 'path' | 'note';
  completion?: Completion;
  /** What was stored by the last attach, shown with its SHA-256. */
  stored?: EvidenceRecord;
  /** What in the stored file, name or note looks like a credential (see src/secrets.ts). */
  warnings?: string[];
  error?: string;
}

export type AttachAction =
  | { type: 'key'; press: KeyPress }
  | { type: 'focus'; field: 'path' | 'note' }
  | { type: 'complete'; cwd: string }
  | { type: 'stored'; record: EvidenceRecord; warnings?: string[] }
  | { type: 'failed'; error: string };

export function initialAttach(recId: string): AttachState {
  return { recId, path: textField(''), note: textField(''), focus: 'path' };
}

export function attachReducer(state: AttachState, action: AttachAction): AttachState {
  switch (action.type) {
    case 'key': {
      const edited = editField(state[state.focus], action.press);
      return edited ? { ...state, [state.focus]: edited, completion: undefined, error: undefined } : state;
    }
    case 'focus':
      return { ...state, focus: action.field, completion: undefined };
    case 'complete': {
      if (state.focus !== 'path') return state;
      const { field, completion } = completePath(state.path, action.cwd, state.completion);
      return { ...state, path: field, completion, error: undefined };
    }
    case 'stored':
      // Ready for the next file; the stored one stays on screen with its hash.
      return { ...state, stored: action.record, warnings: action.warnings, path: textField(''), note: textField(''), focus: 'path', completion: undefined, error: undefined };
    case 'failed':
      return { ...state, error: action.error };
  }
}

export function isAttachDirty(state: AttachState): boolean {
  return state.path.value.trim() !== '' || state.note.value.trim() !== '';
}
