/** The drift view: recommendations whose automated result or resources changed since the earlier assessment. */
import type { CheckStatus } from '../../checks/types.js';
import { describeResourceChange, type DriftEntry } from '../../src/drift.js';
import type { ListMove } from '../keys.js';
import { AUTOMATED_LOOK } from '../theme.js';
import { moveCursor, placeCursor } from '../window.js';

export interface DriftState {
  rows: readonly DriftEntry[];
  fromName: string;
  cursor: number;
  offset: number;
  /** Lines of the list; the selected entry's resource changes get the lines below it. */
  height: number;
}

export type DriftAction = ListMove | { type: 'resize'; height: number };

export function initialDrift(rows: readonly DriftEntry[], fromName: string, height: number): DriftState {
  return { rows, fromName, cursor: 0, offset: 0, height };
}

export function driftReducer(state: DriftState, action: DriftAction): DriftState {
  switch (action.type) {
    case 'move':
    case 'page':
    case 'edge':
      return moveCursor(state, action, state.rows.length);
    case 'resize':
      return placeCursor({ ...state, height: action.height }, state.cursor, state.rows.length);
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

const CHANGE_MARK = { added: '+', removed: '−', changed: '~' } as const;

/** `✓ pass → ✗ fail`: the automated result before and after. */
export function resultChange(entry: DriftEntry): string {
  const look = (status: CheckStatus | undefined) => (status ? `${AUTOMATED_LOOK[status].glyph} ${status}` : 'none');
  return `${look(entry.before)} → ${look(entry.after)}`;
}

/** One line per changed resource, marked `+` added, `−` removed, `~` changed. */
export function changeLines(entry: DriftEntry | undefined): string[] {
  return entry?.resources.map((r) => `${CHANGE_MARK[r.kind]} ${describeResourceChange(r)}`) ?? [];
}
