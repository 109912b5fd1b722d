/** The home screen: the assessments in the database, with rename and delete. */
import type { AssessmentSummary } from '../../src/service.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress, ListMove } from '../keys.js';
import { moveCursor, placeCursor } from '../window.js';

export interface HomeState {
  summaries: readonly AssessmentSummary[];
  cursor: number;
  offset: number;
  height: number;
  /** Set while the rename prompt is open. */
  rename?: TextField;
  /** Set while "delete?" is asked. */
  confirmDelete: boolean;
  message?: { text: string; tone: 'pass' | 'fail' | 'warn' | 'info' };
}

export type HomeAction =
  | { type: 'load'; summaries: readonly AssessmentSummary[]; focusId?: number }
  | { type: 'resize'; height: number }
  | ListMove
  | { type: 'rename-open' }
  | { type: 'rename-key'; press: KeyPress }
  | { type: 'rename-close' }
  | { type: 'delete-ask' }
  | { type: 'delete-close' }
  | { type: 'message'; text: string; tone: 'pass' | 'fail' | 'warn' | 'info' }
  | { type: 'clear-message' };

export function initialHome(summaries: readonly AssessmentSummary[], height: number): HomeState {
  // The newest assessment is the likeliest to resume.
  return homeReducer({ summaries: [], cursor: 0, offset: 0, height, confirmDelete: false }, { type: 'load', summaries, focusId: summaries.at(-1)?.assessment.id ?? 0 });
}

function place(state: HomeState, cursor: number): HomeState {
  return placeCursor(state, cursor, state.summaries.length);
}

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'load': {
      const keepId = action.focusId ?? state.summaries[state.cursor]?.assessment.id;
      const found = action.summaries.findIndex((s) => s.assessment.id === keepId);
      return place({ ...state, summaries: action.summaries }, found === -1 ? state.cursor : found);
    }
    case 'resize':
      return place({ ...state, height: action.height }, state.cursor);
    case 'move':
    case 'page':
    case 'edge':
      return moveCursor(state, action, state.summaries.length);
    case 'rename-open': {
      const current = state.summaries[state.cursor];
      return current ? { ...state, rename: textField(current.assessment.name), message: undefined } : state;
    }
    case 'rename-key': {
      if (!state.rename) return state;
      const edited = editField(state.rename, action.press);
      return edited ? { ...state, rename: edited } : state;
    }
    case 'rename-close':
      return { ...state, rename: undefined };
    case 'delete-ask':
      return state.summaries[state.cursor] ? { ...state, confirmDelete: true, message: undefined } : state;
    case 'delete-close':
      return { ...state, confirmDelete: false };
    case 'message':
      return { ...state, message: { text: action.text, tone: action.tone } };
    case 'clear-message':
      return state.message ? { ...state, message: undefined } : state;
  }
}

export function selectedSummary(state: HomeState): AssessmentSummary | undefined {
  return state.summaries[state.cursor];
}
