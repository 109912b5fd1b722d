/**
 * The walk's columns and lines as text: aligned at 80 columns, wider terminals get full titles,
 * failing counts, longer decision words and the risk column. Pure, so the layout is tested alone.
 */
import type { EffectiveStatus } from '../src/model.js';
import { STATE_SHORT, STATE_WORDS } from '../src/states.js';
import { automatedCell, CHIPS, countByStatus, decisionCell, isDecided, sectionHeading, type Cell, type WalkRow } from './rows.js';
import { hasFilters, matchPosition, type WalkState } from './state/walk.js';
import { plural } from './text.js';
import { fit } from './text.js';
import { DECISION_LOOK, MARK, type Tone } from './theme.js';

export interface WalkColumns {
  mark: number;
  id: number;
  title: number;
  level: number;
  type: number;
  automated: number;
  decision: number;
  /** 0 when the terminal is too narrow for it. */
  risk: number;
  /** Wide terminals: longer words and the source of imported results. */
  wide: boolean;
}

export function walkColumns(width: number): WalkColumns {
  const wide = width >= 120;
  const base = { mark: 2, id: 7, level: 3, type: 5, automated: wide ? 18 : 10, decision: wide ? 36 : 16, risk: width >= 150 ? 19 : 0 };
  const title = Math.max(10, width - (base.mark + base.id + base.level + base.type + base.automated + base.decision + base.risk));
  return { ...base, title, wide };
}

export interface Segment {
  text: string;
  tone: Tone;
  bold?: boolean;
}

/** A column's text: cut one short of its width so a space always separates columns. */
function cell(text: string, width: number): string {
  return fit(text, width - 1) + ' ';
}

export function headerSegments(cols: WalkColumns): Segment[] {
  const text =
    ' '.repeat(cols.mark) +
    cell('ID', cols.id) +
    cell('Recommendation', cols.title) +
    cell('L', cols.level) +
    cell('Type', cols.type) +
    cell('Automated', cols.automated) +
    cell('Decision', cols.decision) +
    (cols.risk ? cell('Risk · due', cols.risk) : '');
  return [{ text, tone: 'muted', bold: true }];
}

function riskText(row: WalkRow): string {
  const d = row.decision;
  if (!d?.riskLevel) return '';
  return d.dueDate ? `${d.riskLevel} · ${d.dueDate}` : d.riskLevel;
}

/** The cells of one row, each cut to its column; a search match shows its id highlighted. */
export function rowSegments(row: WalkRow, cols: WalkColumns, marks: { selected: boolean; cursor: boolean; match: boolean }): Segment[] {
  const { selected, cursor, match } = marks;
  const auto: Cell = automatedCell(row, cols.wide);
  const decision: Cell = decisionCell(row, cols.wide);
  const mark = (cursor ? MARK.cursor : ' ') + (selected ? MARK.selected : ' ');
  const segments: Segment[] = [
    { text: mark, tone: selected ? 'info' : 'plain', bold: true },
    { text: cell(row.id, cols.id), tone: match ? 'warn' : 'plain', bold: true },
    { text: cell(row.title, cols.title), tone: 'plain' },
    { text: cell(`L${row.level}`, cols.level), tone: 'muted' },
    { text: cell(row.assessment === 'automated' ? 'auto' : 'man', cols.type), tone: 'muted' },
    { text: cell(auto.text, cols.automated), tone: auto.tone },
    { text: cell(decision.text, cols.decision), tone: decision.tone },
  ];
  if (cols.risk) segments.push({ text: cell(riskText(row), cols.risk), tone: 'muted' });
  return merged(segments);
}

/** Neighbours in the same style become one segment: fewer text nodes for Ink to lay out per frame. */
function merged(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.tone === s.tone && Boolean(last.bold) === Boolean(s.bold)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

export function sectionSegments(section: WalkRow['section'], rows: readonly WalkRow[], width: number): Segment[] {
  const inSection = rows.filter((r) => r.section === section);
  const decided = inSection.filter((r) => r.status !== 'undecided' && r.status !== 'carried' && r.status !== 'needs_review').length;
  const label = `── ${sectionHeading(section)} · ${decided}/${inSection.length} decided `;
  return [{ text: fit(label + '─'.repeat(Math.max(0, width - label.length)), width), tone: 'accent', bold: true }];
}

export interface Chip {
  key: string;
  status: EffectiveStatus;
  text: string;
  tone: Tone;
  active: boolean;
}

/** The header's counts by decision; digits 1–7 switch each on as a filter. */
export function chips(rows: readonly WalkRow[], active: readonly EffectiveStatus[], width: number): Chip[] {
  const counts = countByStatus(rows);
  const long = width >= 100;
  return CHIPS.map((status, i) => {
    const look = DECISION_LOOK[status];
    const word = (long ? STATE_WORDS : STATE_SHORT)[status];
    return { key: String(i + 1), status, text: `${i + 1}${look.glyph}${word} ${counts[status]}`, tone: look.tone, active: active.includes(status) };
  });
}

/** The line under the counts: what is filtered, or how to filter. */
export function filterLine(state: WalkState): { text: string; tone: Tone } {
  const { filters } = state;
  const parts: string[] = [];
  if (filters.statuses.length > 0) parts.push(filters.statuses.map((s) => DECISION_LOOK[s].word).join(' or '));
  if (filters.level !== 0) parts.push(`level ${filters.level}`);
  if (filters.type !== 'all') parts.push(filters.type);
  if (filters.failing) parts.push('automated fail');
  if (state.query) parts.push(`search "${state.query}" ${matchPosition(state) ?? ''}`.trim());
  if (!hasFilters(filters) && !state.query) {
    return { text: `all ${state.rows.length} shown · 1–7 filter by decision · F failing · L level · M type · / search`, tone: 'muted' };
  }
  return { text: `showing ${state.visible.length} of ${state.rows.length}: ${parts.join(' · ')} · c clears`, tone: 'warn' };
}

export interface WalkHeader {
  /** `12/63 decided · ⏲ 1 expiring` */
  progress: string;
  chips: Chip[];
  filter: { text: string; tone: Tone };
  /** Row indices matching the search, for highlighting. */
  matches: ReadonlySet<number>;
  status?: { text: string; tone: Tone };
}

export function walkHeader(state: WalkState, width: number): WalkHeader {
  const decided = state.rows.filter((r) => isDecided(r) && r.status !== 'carried' && r.status !== 'needs_review').length;
  const expiring = state.rows.filter((r) => r.expiry === 'expiring').length;
  const review = state.rows.filter((r) => r.status === 'needs_review').length;
  let status: WalkHeader['status'] = state.message;
  if (!status && state.selected.size > 0) status = { text: `${plural(state.selected.size, 'row')} selected: p/f/e/n or d decides them together · esc clears`, tone: 'info' };
  return {
    progress: `${decided}/${state.rows.length} decided${expiring ? ` · ${MARK.expiring} ${expiring} expiring` : ''}${review ? ` · ${review} to review` : ''}`,
    chips: chips(state.rows, state.filters.statuses, width),
    filter: filterLine(state),
    matches: new Set(state.matches.map((m) => state.visible[m] ?? -1)),
    ...(status ? { status } : {}),
  };
}
