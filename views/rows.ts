/**
 * The walk's view model: one row per recommendation, built from the service's data. Everything
 * the walk shows is decided here (which glyph, which words, which flag), not in render.
 */
import { CATALOG } from '../checks/catalog.js';
import { SECTION_TITLES, type AssessmentType, type CheckStatus, type Level, type SectionId } from '../checks/types.js';
import { exceptionState, type ExceptionState } from '../src/expiry.js';
import type { Decision, EffectiveStatus, FindingSource } from '../src/model.js';
import type { ResultStatus } from '../src/service.js';
import { STATE_SHORT, STATE_WORDS } from '../src/states.js';
import { primaryResults } from '../src/workpaper.js';
import { AUTOMATED_LOOK, DECISION_LOOK, MARK, type Tone } from './theme.js';

export interface WalkRow {
  id: string;
  section: SectionId;
  /** The catalogue's title: the same in the walk, the detail, the workpaper and the report. */
  title: string;
  level: Level;
  assessment: AssessmentType;
  automated: CheckStatus | 'none';
  /** Where the automated result came from when not Assay's own scan (an import). */
  source?: FindingSource;
  status: EffectiveStatus;
  decision?: Decision;
  /** The automated result the decision contradicts (marked ≠ in the walk). */
  overrides?: CheckStatus;
  expiry?: ExceptionState;
  /** Whole days until an exception expires (negative once expired). */
  daysLeft?: number;
}

export function sectionHeading(section: SectionId): string {
  return `${section} ${SECTION_TITLES[section]}`;
}

function daysBetween(today: Date, isoDay: string): number {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${isoDay}T00:00:00Z`) - start) / 86_400_000);
}

/** Builds the rows of the walk in benchmark order. */
export function buildRows(results: readonly ResultStatus[], decisions: readonly Decision[], effective: (d: Decision | undefined) => EffectiveStatus, today: Date): WalkRow[] {
  const resultById = primaryResults(results);
  const decisionById = new Map(decisions.map((d) => [d.recId, d]));
  return CATALOG.map((rec) => {
    const result = resultById.get(rec.id);
    const decision = decisionById.get(rec.id);
    const expiry = exceptionState(decision, today);
    return {
      id: rec.id,
      section: rec.section,
      title: rec.title,
      level: rec.level,
      assessment: rec.assessment,
      automated: result?.status ?? 'none',
      ...(result && result.source !== 'assay' ? { source: result.source } : {}),
      status: effective(decision),
      ...(decision ? { decision } : {}),
      ...(decision?.overrides ? { overrides: decision.overrides } : {}),
      ...(expiry ? { expiry } : {}),
      ...(decision?.expiresAt && expiry ? { daysLeft: daysBetween(today, decision.expiresAt) } : {}),
    };
  });
}

export interface Cell {
  text: string;
  tone: Tone;
}

/** The automated result as the walk shows it; `wide` names an import it came from. */
export function automatedCell(row: WalkRow, wide: boolean): Cell {
  const look = AUTOMATED_LOOK[row.automated];
  const source = wide && row.source ? ` (${row.source})` : '';
  return { text: `${look.glyph} ${look.word}${source}`, tone: look.tone };
}

/**
 * The decision as the walk shows it. Expired exceptions read "review" with the old decision,
 * carried ones "confirm" with the carried decision, exceptions near expiry show the days left.
 */
export function decisionCell(row: WalkRow, wide: boolean): Cell {
  const cell = statusCell(row, wide);
  if (!row.overrides) return cell;
  return { ...cell, text: `${cell.text} ${MARK.override}${wide ? ` overrides automated ${row.overrides}` : ''}` };
}

function statusCell(row: WalkRow, wide: boolean): Cell {
  const look = DECISION_LOOK[row.status];
  const old = row.decision ? (wide ? STATE_WORDS : STATE_SHORT)[row.decision.status] : '';
  switch (row.status) {
    case 'needs_review':
      return { text: wide ? `${look.glyph} needs review (was ${old}, expired ${row.decision?.expiresAt ?? ''})` : `${look.glyph} review (${old})`, tone: look.tone };
    case 'carried':
      return { text: wide ? `${look.glyph} carried — confirm: ${old}` : `${look.glyph} confirm ${old}`, tone: look.tone };
    case 'exception':
      if (row.expiry === 'expiring') {
        const days = row.daysLeft ?? 0;
        return { text: wide ? `${look.glyph} exception, expires in ${days}d` : `${look.glyph} exc ${MARK.expiring} ${days}d`, tone: look.tone };
      }
      return { text: `${look.glyph} ${look.word}`, tone: look.tone };
    default:
      return { text: `${look.glyph} ${look.word}`, tone: look.tone };
  }
}

/** The order of the header's counts; keys 1–7 toggle them as filters. */
export const CHIPS: readonly EffectiveStatus[] = ['pass', 'fail', 'exception', 'not_applicable', 'needs_review', 'carried', 'undecided'];

export function countByStatus(rows: readonly WalkRow[]): Record<EffectiveStatus, number> {
  const counts = Object.fromEntries(CHIPS.map((c) => [c, 0])) as Record<EffectiveStatus, number>;
  for (const row of rows) counts[row.status]++;
  return counts;
}

export function isDecided(row: WalkRow): boolean {
  return row.decision !== undefined && row.decision.status !== 'undecided';
}
