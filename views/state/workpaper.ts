/**
 * The workpaper view: every recommendation in one table (src/workpaper.ts), sorted by a chosen
 * column and filtered by a typed text, windowed like every list. Which columns fit is decided here.
 */
import type { EffectiveStatus } from '../../src/model.js';
import { STATE_SHORT, STATE_WORDS } from '../../src/states.js';
import type { Workpaper, WorkpaperRow } from '../../src/workpaper.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress, ListMove } from '../keys.js';
import { MARK } from '../theme.js';
import { moveCursor, placeCursor } from '../window.js';

export const SORT_KEYS = ['id', 'severity', 'due', 'owner', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface WorkpaperState {
  paper: Workpaper;
  sort: SortKey;
  /** The filter text; rows whose id, title, state, severity, owner or justification contain it stay. */
  filter: TextField;
  /** The filter prompt has the keys. */
  filtering: boolean;
  /** Indices into `paper.rows`, sorted and filtered. */
  visible: readonly number[];
  cursor: number;
  offset: number;
  height: number;
}

export type WorkpaperAction =
  | ListMove
  | { type: 'load'; paper: Workpaper }
  | { type: 'resize'; height: number }
  | { type: 'sort'; by: 1 | -1 }
  | { type: 'filter-open' }
  | { type: 'filter-key'; press: KeyPress }
  | { type: 'filter-close'; keep: boolean };

/** What needs attention first: failures, then what waits for the assessor, then what is settled. */
const STATUS_ORDER: Record<EffectiveStatus, number> = { fail: 0, needs_review: 1, carried: 2, undecided: 3, exception: 4, not_applicable: 5, pass: 6 };

/** Rows without a value (no owner, no due date) go last in either case. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}

const COMPARE: Record<SortKey, ((a: WorkpaperRow, b: WorkpaperRow) => number) | undefined> = {
  id: undefined,
  severity: (a, b) => b.riskScore - a.riskScore,
  due: (a, b) => compareOptional(a.dueDate, b.dueDate),
  owner: (a, b) => compareOptional(a.owner?.toLowerCase(), b.owner?.toLowerCase()),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
};

function matches(row: WorkpaperRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [row.id, row.title, row.state, row.severity, row.owner ?? '', row.justification ?? ''].some((text) => text.toLowerCase().includes(q));
}

/** Row indices in the chosen order (catalogue order breaks ties), without those the filter drops. */
export function orderRows(rows: readonly WorkpaperRow[], sort: SortKey, query: string): number[] {
  const compare = COMPARE[sort];
  const kept = rows.map((_, i) => i).filter((i) => matches(rows[i]!, query));
  return compare ? kept.sort((a, b) => compare(rows[a]!, rows[b]!) || a - b) : kept;
}

/** Keeps the cursor on the same recommendation when the order or the filter changes. */
function reorder(state: WorkpaperState, changes: Partial<WorkpaperState>): WorkpaperState {
  const next = { ...state, ...changes };
  const at = state.visible[state.cursor];
  const visible = orderRows(next.paper.rows, next.sort, next.filter.value);
  const found = at === undefined ? -1 : visible.indexOf(at);
  return placeCursor({ ...next, visible, offset: found === -1 ? 0 : next.offset }, Math.max(0, found), visible.length);
}

export function initialWorkpaper(paper: Workpaper, height: number): WorkpaperState {
  return { paper, sort: 'id', filter: textField(), filtering: false, visible: orderRows(paper.rows, 'id', ''), cursor: 0, offset: 0, height };
}

export function workpaperReducer(state: WorkpaperState, action: WorkpaperAction): WorkpaperState {
  switch (action.type) {
    case 'move':
    case 'page':
    case 'edge':
      return moveCursor(state, action, state.visible.length);
    case 'resize':
      return placeCursor({ ...state, height: action.height }, state.cursor, state.visible.length);
    case 'load':
      return reorder(state, { paper: action.paper });
    case 'sort': {
      const i = SORT_KEYS.indexOf(state.sort);
      return reorder(state, { sort: SORT_KEYS[(i + action.by + SORT_KEYS.length) % SORT_KEYS.length]! });
    }
    case 'filter-open':
      return { ...state, filtering: true };
    case 'filter-key': {
      const filter = editField(state.filter, action.press);
      return filter ? reorder(state, { filter }) : state;
    }
    case 'filter-close':
      return action.keep ? { ...state, filtering: false } : reorder(state, { filtering: false, filter: textField() });
  }
}

/** The recommendation under the cursor. */
export function currentRow(state: WorkpaperState): WorkpaperRow | undefined {
  const i = state.visible[state.cursor];
  return i === undefined ? undefined : state.paper.rows[i];
}

export type ColumnId = 'id' | 'status' | 'result' | 'severity' | 'owner' | 'due' | 'title' | 'justification';

export interface Column {
  id: ColumnId;
  label: string;
  width: number;
}

/**
 * The columns that fit: at 80 columns id, status, result, severity, due and justification; the
 * owner from 100, the title from 140. The justification takes what is left.
 */
export function workpaperColumns(width: number): Column[] {
  const fixed: Column[] = [
    { id: 'id', label: 'ID', width: 8 },
    { id: 'status', label: 'STATUS', width: width >= 120 ? 16 : 11 },
    { id: 'result', label: 'RESULT', width: 8 },
    { id: 'severity', label: 'SEVERITY', width: 10 },
    ...(width >= 100 ? [{ id: 'owner' as const, label: 'OWNER', width: 14 }] : []),
    { id: 'due', label: 'DUE', width: 11 },
    ...(width >= 140 ? [{ id: 'title' as const, label: 'TITLE', width: 40 }] : []),
  ];
  const used = fixed.reduce((sum, c) => sum + c.width, 0);
  return [...fixed, { id: 'justification', label: 'JUSTIFICATION', width: Math.max(8, width - used) }];
}

/** A row's text in one column; an assessor's rating is starred, the catalogue default is not. */
export function columnText(row: WorkpaperRow, column: ColumnId, wide: boolean): string {
  switch (column) {
    case 'id':
      return row.id;
    case 'status':
      return `${row.overrides ? MARK.override : ' '}${(wide ? STATE_WORDS : STATE_SHORT)[row.status]}`;
    case 'result':
      return row.automated === 'none' ? '—' : row.automated;
    case 'severity':
      return `${row.severity}${row.severityBasis === 'assessor' ? '*' : ''}`;
    case 'owner':
      return row.owner ?? '—';
    case 'due':
      return row.dueDate ?? '—';
    case 'title':
      return row.title;
    case 'justification':
      return row.justification?.replace(/\s+/g, ' ') ?? '';
  }
}

/**
 * The report's score and counts in its terms: `score 17.7% of 62 in scope · 11 pass · …`. Narrow
 * terminals get the short state words, so the line fits 80 columns.
 */
export function scoreLine(paper: Workpaper, wide: boolean): string {
  const t = paper.tally;
  const parts = [
    `score ${t.score === undefined ? '—' : `${t.score.toFixed(1)}%`} of ${t.inScope} in scope`,
    `${t.pass} pass`,
    `${t.fail} fail`,
    `${t.exception} ${wide ? 'exception' : 'exc'}`,
    `${t.notApplicable} ${wide ? 'not applicable' : 'n/a'}`,
    ...(t.needsReview ? [`${t.needsReview} ${wide ? 'needs review' : 'review'}`] : []),
    `${t.notAssessed} not assessed`,
  ];
  return parts.join(' · ');
}
