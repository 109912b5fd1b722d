/**
 * The walk's state: rows, filters, search, selection, cursor and window. Pure reducer; the
 * screen turns key actions into these actions and does the service calls.
 */
import type { Level, SectionId } from '../../checks/types.js';
import type { EffectiveStatus } from '../../src/model.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import type { WalkRow } from '../rows.js';
import { clamp, scrollTo } from '../window.js';

export type TypeFilter = 'all' | 'automated' | 'manual';

export interface WalkFilters {
  /** Decision chips switched on; empty shows every decision. */
  statuses: readonly EffectiveStatus[];
  level: 0 | Level;
  type: TypeFilter;
  /** Only recommendations whose automated result is `fail`. */
  failing: boolean;
}

export type WalkLine = { kind: 'section'; section: SectionId } | { kind: 'row'; row: number };

export interface WalkState {
  rows: readonly WalkRow[];
  filters: WalkFilters;
  /** Indices into `rows` that pass the filters, in order. */
  visible: readonly number[];
  /** The visible rows with a heading before each section. */
  lines: readonly WalkLine[];
  /** Position in `visible`. */
  cursor: number;
  /** First line of `lines` in the window. */
  offset: number;
  height: number;
  selected: ReadonlySet<string>;
  /** Set while the `/` prompt is open. */
  searchInput?: TextField;
  /** The active search; n/N move between its matches. */
  query: string;
  /** Positions in `visible` whose id or title matches the query. */
  matches: readonly number[];
  message?: { text: string; tone: 'pass' | 'fail' | 'warn' | 'info' };
}

export type WalkAction =
  | { type: 'load'; rows: readonly WalkRow[]; focus?: string }
  | { type: 'resize'; height: number }
  | { type: 'move'; by: number }
  | { type: 'page'; by: 1 | -1 }
  | { type: 'edge'; to: 'top' | 'bottom' }
  | { type: 'goto'; recId: string }
  | { type: 'section'; by: 1 | -1 }
  | { type: 'toggle-status'; status: EffectiveStatus }
  | { type: 'toggle-failing' }
  | { type: 'cycle-level' }
  | { type: 'cycle-type' }
  | { type: 'clear-filters' }
  | { type: 'search-open' }
  | { type: 'search-key'; press: KeyPress }
  | { type: 'search-commit' }
  | { type: 'search-cancel' }
  | { type: 'match'; by: 1 | -1 }
  | { type: 'select' }
  | { type: 'select-all' }
  | { type: 'clear-selection' }
  | { type: 'message'; text: string; tone: 'pass' | 'fail' | 'warn' | 'info' }
  | { type: 'clear-message' };

export const NO_FILTERS: WalkFilters = { statuses: [], level: 0, type: 'all', failing: false };

export function initialWalk(rows: readonly WalkRow[], height: number, focus?: string): WalkState {
  const base: WalkState = {
    rows: [],
    filters: NO_FILTERS,
    visible: [],
    lines: [],
    cursor: 0,
    offset: 0,
    height,
    selected: new Set(),
    query: '',
    matches: [],
  };
  return walkReducer(base, { type: 'load', rows, ...(focus ? { focus } : {}) });
}

export function passesFilters(row: WalkRow, filters: WalkFilters): boolean {
  if (filters.statuses.length > 0 && !filters.statuses.includes(row.status)) return false;
  if (filters.level !== 0 && row.level !== filters.level) return false;
  if (filters.type !== 'all' && row.assessment !== filters.type) return false;
  if (filters.failing && row.automated !== 'fail') return false;
  return true;
}

export function hasFilters(filters: WalkFilters): boolean {
  return filters.statuses.length > 0 || filters.level !== 0 || filters.type !== 'all' || filters.failing;
}

function matchesQuery(row: WalkRow, query: string): boolean {
  const q = query.toLowerCase();
  return row.id.toLowerCase().startsWith(q) || row.title.toLowerCase().includes(q);
}

function buildLines(rows: readonly WalkRow[], visible: readonly number[]): WalkLine[] {
  const lines: WalkLine[] = [];
  let section: SectionId | undefined;
  for (const index of visible) {
    const row = rows[index];
    if (!row) continue;
    if (row.section !== section) {
      section = row.section;
      lines.push({ kind: 'section', section });
    }
    lines.push({ kind: 'row', row: index });
  }
  return lines;
}

/** The line of `lines` on which visible position `cursor` sits. */
export function cursorLine(state: Pick<WalkState, 'lines' | 'visible' | 'cursor'>): number {
  const rowIndex = state.visible[state.cursor];
  return Math.max(
    0,
    state.lines.findIndex((l) => l.kind === 'row' && l.row === rowIndex),
  );
}

/**
 * Moves the cursor and keeps it (and its section heading, when it opens a section) in the window.
 * `headingOnTop` scrolls the heading to the top, so a section jump shows as much of the section as fits.
 */
function place(state: WalkState, cursor: number, headingOnTop = false): WalkState {
  const c = clamp(cursor, 0, Math.max(0, state.visible.length - 1));
  const line = cursorLine({ ...state, cursor: c });
  const previous = state.lines[line - 1];
  const headed = previous?.kind === 'section' ? line - 1 : line;
  const from = headingOnTop ? clamp(headed, 0, Math.max(0, state.lines.length - state.height)) : state.offset;
  let offset = scrollTo(from, headed, state.height, state.lines.length);
  offset = scrollTo(offset, line, state.height, state.lines.length);
  return { ...state, cursor: c, offset };
}

/** Recomputes what is visible, keeping the cursor on the same recommendation where it can. */
function refilter(state: WalkState, filters: WalkFilters, focus?: string): WalkState {
  const keepId = focus ?? state.rows[state.visible[state.cursor] ?? -1]?.id;
  const visible: number[] = [];
  state.rows.forEach((row, i) => {
    if (passesFilters(row, filters)) visible.push(i);
  });
  const lines = buildLines(state.rows, visible);
  let cursor = keepId === undefined ? 0 : visible.findIndex((i) => state.rows[i]?.id === keepId);
  if (cursor === -1) {
    // The row left the view: stay at the same place in the benchmark order.
    const keptIndex = state.rows.findIndex((r) => r.id === keepId);
    cursor = visible.findIndex((i) => i >= keptIndex);
    if (cursor === -1) cursor = visible.length - 1;
  }
  const matches = state.query ? visible.flatMap((rowIndex, pos) => (matchesQuery(state.rows[rowIndex] as WalkRow, state.query) ? [pos] : [])) : [];
  return place({ ...state, filters, visible, lines, matches }, Math.max(0, cursor));
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function findMatch(state: WalkState, by: 1 | -1, from: number, inclusive: boolean): number | undefined {
  const { matches } = state;
  if (matches.length === 0) return undefined;
  if (by === 1) return matches.find((m) => (inclusive ? m >= from : m > from)) ?? matches[0];
  return [...matches].reverse().find((m) => (inclusive ? m <= from : m < from)) ?? matches[matches.length - 1];
}

function withQuery(state: WalkState, query: string): WalkState {
  const next = refilter({ ...state, query }, state.filters);
  const first = findMatch(next, 1, next.cursor, true);
  return first === undefined ? next : place(next, first);
}

export function walkReducer(state: WalkState, action: WalkAction): WalkState {
  switch (action.type) {
    case 'load': {
      const ids = new Set(action.rows.map((r) => r.id));
      const selected = new Set([...state.selected].filter((id) => ids.has(id)));
      return refilter({ ...state, rows: action.rows, selected }, state.filters, action.focus);
    }
    case 'resize':
      return action.height === state.height ? state : place({ ...state, height: action.height }, state.cursor);
    case 'move':
      return place(state, state.cursor + action.by);
    case 'page':
      return place({ ...state, offset: clamp(state.offset + action.by * state.height, 0, Math.max(0, state.lines.length - state.height)) }, state.cursor + action.by * Math.max(1, state.height - 2));
    case 'edge':
      return place(state, action.to === 'top' ? 0 : state.visible.length - 1);
    case 'goto': {
      const pos = state.visible.findIndex((i) => state.rows[i]?.id === action.recId);
      return pos === -1 ? state : place(state, pos);
    }
    case 'section': {
      const current = state.rows[state.visible[state.cursor] ?? -1]?.section;
      const positions = state.visible.map((i, pos) => ({ pos, section: state.rows[i]?.section }));
      const starts = positions.filter((p, k) => k === 0 || positions[k - 1]?.section !== p.section);
      const here = starts.findIndex((s) => s.section === current);
      const target = starts[clamp(here + action.by, 0, starts.length - 1)];
      return target ? place(state, target.pos, true) : state;
    }
    case 'toggle-status':
      return refilter(state, { ...state.filters, statuses: toggle(state.filters.statuses, action.status) });
    case 'toggle-failing':
      return refilter(state, { ...state.filters, failing: !state.filters.failing });
    case 'cycle-level':
      return refilter(state, { ...state.filters, level: state.filters.level === 0 ? 1 : state.filters.level === 1 ? 2 : 0 });
    case 'cycle-type': {
      const next: Record<TypeFilter, TypeFilter> = { all: 'automated', automated: 'manual', manual: 'all' };
      return refilter(state, { ...state.filters, type: next[state.filters.type] });
    }
    case 'clear-filters':
      return refilter({ ...state, query: '' }, NO_FILTERS);
    case 'search-open':
      return { ...state, searchInput: textField(state.query) };
    case 'search-key': {
      if (!state.searchInput) return state;
      const edited = editField(state.searchInput, action.press);
      if (!edited) return state;
      // Incremental: the cursor follows the first match while the query is typed.
      return { ...withQuery(state, edited.value.trim()), searchInput: edited };
    }
    case 'search-commit': {
      const query = state.searchInput?.value.trim() ?? state.query;
      const next = withQuery({ ...state, searchInput: undefined }, query);
      if (query && next.matches.length === 0) return { ...next, message: { text: `no recommendation matches "${query}"`, tone: 'warn' } };
      return next;
    }
    case 'search-cancel':
      return refilter({ ...state, searchInput: undefined, query: '' }, state.filters);
    case 'match': {
      const target = findMatch(state, action.by, state.cursor, false);
      return target === undefined ? state : place(state, target);
    }
    case 'select': {
      const id = state.rows[state.visible[state.cursor] ?? -1]?.id;
      if (!id) return state;
      const selected = new Set(state.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      // The cursor stays: what is marked is always the row under it.
      return { ...state, selected };
    }
    case 'select-all': {
      const shown = state.visible.map((i) => state.rows[i]?.id).filter((id): id is string => id !== undefined);
      const allSelected = shown.length > 0 && shown.every((id) => state.selected.has(id));
      return { ...state, selected: allSelected ? new Set() : new Set(shown) };
    }
    case 'clear-selection':
      return state.selected.size === 0 ? state : { ...state, selected: new Set() };
    case 'message':
      return { ...state, message: { text: action.text, tone: action.tone } };
    case 'clear-message':
      return state.message ? { ...state, message: undefined } : state;
  }
}

export function currentRow(state: WalkState): WalkRow | undefined {
  return state.rows[state.visible[state.cursor] ?? -1];
}

/** The rows a decision key acts on: the selection if there is one, else the row under the cursor. */
export function targetIds(state: WalkState): string[] {
  if (state.selected.size > 0) return state.rows.filter((r) => state.selected.has(r.id)).map((r) => r.id);
  const row = currentRow(state);
  return row ? [row.id] : [];
}

/** The position of the current match among all matches, e.g. `2/5`. */
export function matchPosition(state: WalkState): string | undefined {
  if (!state.query) return undefined;
  const index = state.matches.indexOf(state.cursor);
  return `${index === -1 ? '-' : index + 1}/${state.matches.length}`;
}
