/** The drift view: recommendations whose automated result or resources changed since the earlier assessment. */
import type { DriftEntry } from '../../src/drift.js';
import { clamp, scrollTo } from '../window.js';

export interface DriftState {
  rows: readonly DriftEntry[];
  fromName: string;
  cursor: number;
  offset: number;
  /** Lines of the list; the selected entry's resource changes get the lines below it. */
  height: number;
}

export type DriftAction = { type: 'move'; by: number } | { type: 'edge'; to: 'top' | 'bottom' } | { type: 'resize'; height: number };

export function initialDrift(rows: readonly DriftEntry[], fromName: string, height: number): DriftState {
  return { rows, fromName, cursor: 0, offset: 0, height };
}

function place(state: DriftState, cursor: number): DriftState {
  const c = clamp(cursor, 0, Math.max(0, state.rows.length - 1));
  return { ...state, cursor: c, offset: scrollTo(state.offset, c, state.height, state.rows.length) };
}

export function driftReducer(state: DriftState, action: DriftAction): DriftState {
  switch (action.type) {
    case 'move':
      return place(state, state.cursor + action.by);
    case 'edge':
      return place(state, action.to === 'top' ? 0 : state.rows.length - 1);
    case 'resize':
      return place({ ...state, height: action.height }, state.cursor);
  }
}

/** `2 added, 1 changed` */
export function changeCounts(entry: DriftEntry): string {
  return (['added', 'removed', 'changed'] as const)
    .map((kind) => [kind, entry.resources.filter((r) => r.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}
