/**
 * The detail of one recommendation: five panes of pre-wrapped lines (guidance, findings,
 * evidence, history, mappings), each windowed. Findings are a list with a cursor, failing first;
 * a long finding shows its first lines until enter unfolds it in place. Attachments are a list
 * too (open, detach); the other panes scroll.
 */
import { mappingsFor, preferredNist, type FrameworkMappings } from '../../checks/mappings.js';
import type { Finding, Recommendation } from '../../checks/types.js';
import type { ExceptionState } from '../../src/expiry.js';
import { isDecisionEvent, type Decision, type DecisionEvent, type EffectiveStatus, type EvidenceRecord, type HistoryEvent, type StoredResult } from '../../src/model.js';
import { STATE_WORDS } from '../../src/states.js';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../../src/risk.js';
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import { formatBytes, hardWrap, plural, shortTime, wrap, wrapIndented } from '../text.js';
import { AUTOMATED_LOOK, DECISION_LOOK, MARK, type Tone } from '../theme.js';
import { clamp, scrollToItem, visibleItems } from '../window.js';

export const PANES = ['guidance', 'findings', 'evidence', 'history', 'mappings'] as const;
export type Pane = (typeof PANES)[number];

export interface Line {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export interface Item {
  lines: Line[];
  /** Findings pane: which finding (in the pane's order) the item belongs to, when it is long enough to fold. */
  fold?: number;
  /** Evidence pane: the attachment the item shows. */
  attachment?: EvidenceRecord;
}

export interface PaneContent {
  items: Item[];
  /** Findings: a cursor moves item by item. Other panes scroll line by line. */
  selectable: boolean;
  /** Shown in the tab: `Findings 28`. */
  count?: number;
}

export interface DetailData {
  rec: Recommendation;
  results: readonly StoredResult[];
  decision?: Decision;
  status: EffectiveStatus;
  expiry?: ExceptionState;
  evidence: readonly EvidenceRecord[];
  /** Decisions, attachments, detachments and scans of this recommendation, by seq. */
  history: readonly HistoryEvent[];
}

/** The reason asked for before an attachment is detached. */
export interface DetachPrompt {
  attachment: EvidenceRecord;
  reason: TextField;
}

export interface DetailState {
  data: DetailData;
  panes: Record<Pane, PaneContent>;
  pane: Pane;
  cursor: Record<Pane, number>;
  offset: Record<Pane, number>;
  width: number;
  height: number;
  /** Findings unfolded in place (their position in the findings pane's order). */
  unfolded: ReadonlySet<number>;
  detach?: DetachPrompt;
  message?: { text: string; tone: Tone };
}

export type DetailAction =
  | { type: 'load'; data: DetailData; keepPlace?: boolean }
  | { type: 'resize'; width: number; height: number }
  | { type: 'pane'; by: 1 | -1 }
  | { type: 'move'; by: number }
  | { type: 'page'; by: 1 | -1 }
  | { type: 'edge'; to: 'top' | 'bottom' }
  | { type: 'fold' }
  | { type: 'detach-open' }
  | { type: 'detach-key'; press: KeyPress }
  | { type: 'detach-cancel' }
  | { type: 'message'; text: string; tone: Tone };

const ZERO: Record<Pane, number> = { guidance: 0, findings: 0, evidence: 0, history: 0, mappings: 0 };

/** Every recommendation opens on the first pane, whatever the previous one showed. */
export function initialDetail(data: DetailData, width: number, height: number): DetailState {
  const unfolded = new Set<number>();
  return { data, panes: buildPanes(data, width, unfolded), pane: PANES[0], cursor: ZERO, offset: ZERO, width, height, unfolded };
}

/**
 * Whether the system viewer may be handed an attachment: only documents and pictures Assay
 * recognised by name. Unknown bytes and pages that can run scripts (HTML, SVG) are only extracted.
 */
export function viewerMayOpen(record: Pick<EvidenceRecord, 'mediaType'>): boolean {
  return record.mediaType !== 'application/octet-stream' && !/html|svg|xml/.test(record.mediaType);
}

/** The attachment under the cursor of the evidence pane. */
export function currentAttachment(state: DetailState): EvidenceRecord | undefined {
  if (state.pane !== 'evidence') return undefined;
  return state.panes.evidence.items[state.cursor.evidence]?.attachment;
}

/** Unfolds the finding under the cursor, or folds it again; the cursor goes to its first line. */
function toggleFold(state: DetailState): DetailState {
  if (state.pane !== 'findings') return state;
  const finding = state.panes.findings.items[state.cursor.findings]?.fold;
  if (finding === undefined) return state;
  const unfolded = new Set(state.unfolded);
  if (unfolded.has(finding)) unfolded.delete(finding);
  else unfolded.add(finding);
  const findings = findingsPane(state.data, Math.max(20, state.width), unfolded);
  const head = findings.items.findIndex((item) => item.fold === finding);
  return moveIn({ ...state, unfolded, panes: { ...state.panes, findings } }, head);
}

function moveIn(state: DetailState, to: number): DetailState {
  const content = state.panes[state.pane];
  const pane = state.pane;
  if (content.selectable) {
    const cursor = clamp(to, 0, Math.max(0, content.items.length - 1));
    const heights = content.items.map((i) => i.lines.length);
    const offset = scrollToItem(state.offset[pane], cursor, heights, state.height);
    return { ...state, cursor: { ...state.cursor, [pane]: cursor }, offset: { ...state.offset, [pane]: offset } };
  }
  const offset = clamp(to, 0, Math.max(0, content.items.length - state.height));
  return { ...state, cursor: { ...state.cursor, [pane]: offset }, offset: { ...state.offset, [pane]: offset } };
}

export function detailReducer(state: DetailState, action: DetailAction): DetailState {
  switch (action.type) {
    case 'load': {
      const unfolded = action.keepPlace ? state.unfolded : new Set<number>();
      const panes = buildPanes(action.data, state.width, unfolded);
      const next = { ...state, data: action.data, panes, unfolded, ...(action.keepPlace ? {} : { cursor: ZERO, offset: ZERO }) };
      return moveIn(next, next.cursor[next.pane]);
    }
    case 'resize': {
      if (action.width === state.width && action.height === state.height) return state;
      const panes = action.width === state.width ? state.panes : buildPanes(state.data, action.width, state.unfolded);
      return moveIn({ ...state, panes, width: action.width, height: action.height }, state.cursor[state.pane]);
    }
    case 'pane': {
      const i = PANES.indexOf(state.pane);
      return { ...state, pane: PANES[(i + action.by + PANES.length) % PANES.length] as Pane, message: undefined };
    }
    case 'move':
      return moveIn(state, state.cursor[state.pane] + action.by);
    case 'page':
      return moveIn(state, state.cursor[state.pane] + action.by * Math.max(1, state.height - 1));
    case 'edge':
      return moveIn(state, action.to === 'top' ? 0 : Number.MAX_SAFE_INTEGER);
    case 'fold':
      return toggleFold(state);
    case 'detach-open': {
      const attachment = currentAttachment(state);
      return attachment ? { ...state, detach: { attachment, reason: textField() }, message: undefined } : state;
    }
    case 'detach-key': {
      if (!state.detach) return state;
      const reason = editField(state.detach.reason, action.press);
      return reason ? { ...state, detach: { ...state.detach, reason }, message: undefined } : state;
    }
    case 'detach-cancel':
      return state.detach ? { ...state, detach: undefined } : state;
    case 'message':
      return { ...state, message: { text: action.text, tone: action.tone } };
  }
}

/** The items in the window of the current pane, with the index of the first one. */
export function visiblePane(state: DetailState): { items: Item[]; first: number; cursor?: number } {
  const content = state.panes[state.pane];
  const offset = state.offset[state.pane];
  const { from, to } = visibleItems(
    offset,
    content.items.map((i) => i.lines.length),
    state.height,
  );
  return { items: content.items.slice(from, to), first: from, ...(content.selectable ? { cursor: state.cursor[state.pane] } : {}) };
}

/** `finding 3/28` or `lines 1–18/40`. */
export function panePosition(state: DetailState): string {
  const content = state.panes[state.pane];
  if (content.items.length === 0) return '';
  if (content.selectable) return `${state.cursor[state.pane] + 1}/${content.items.length}`;
  const top = state.offset[state.pane];
  const bottom = Math.min(content.items.length, top + state.height);
  return content.items.length <= state.height ? '' : `lines ${top + 1}–${bottom}/${content.items.length}`;
}

// ── building the panes ──────────────────────────────────────────────────────────────────────

const line = (text: string, tone?: Tone, bold?: boolean): Item => ({ lines: [{ text, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) }] });
const heading = (text: string): Item => line(text, 'accent', true);
const blank: Item = { lines: [{ text: '' }] };

function paragraph(text: string, width: number, indent = '  '): Item[] {
  return wrap(text, width - indent.length).map((l) => line(indent + l));
}

function steps(list: readonly string[], width: number, numbered: boolean): Item[] {
  return list.flatMap((step, i) => {
    const lead = numbered ? `  ${i + 1}. ` : step.startsWith('aws ') ? '  $ ' : '  • ';
    return wrapIndented(lead, step, width).map((l) => line(l));
  });
}

/** `≠ overrides automated fail`: the decision contradicts the automated result. */
export function overrideWords(overrides: NonNullable<Decision['overrides']>): string {
  return `${MARK.override} overrides automated ${overrides}`;
}

export function describeDecision(decision: Decision): string[] {
  const parts: string[] = [];
  if (decision.riskLevel) {
    parts.push(
      `risk ${decision.riskLevel}: likelihood ${decision.likelihood} ${LIKELIHOOD_LABELS[(decision.likelihood ?? 1) - 1]} × impact ${decision.impact} ${IMPACT_LABELS[(decision.impact ?? 1) - 1]}`,
    );
  }
  if (decision.likelihoodWhy) parts.push(`why likely: ${decision.likelihoodWhy}`);
  if (decision.impactWhy) parts.push(`why this impact: ${decision.impactWhy}`);
  if (decision.dueDate) parts.push(`due ${decision.dueDate}`);
  if (decision.mitigation) parts.push(`mitigation ${decision.mitigation}${decision.mitigationWhy ? ` — ${decision.mitigationWhy}` : ''}`);
  if (decision.owner) parts.push(`owner ${decision.owner}`);
  if (decision.status === 'exception') parts.push(`approved by ${decision.approver ?? '?'}, expires ${decision.expiresAt ?? '?'}`);
  return parts;
}

function decisionBlock(data: DetailData, width: number): Item[] {
  const { decision, status } = data;
  const look = DECISION_LOOK[status];
  if (!decision) return [heading('Decision'), line(`  ${look.glyph} undecided — press d to decide, or p/f/e/n`, 'muted'), blank];
  const items: Item[] = [heading('Decision')];
  let title = `  ${look.glyph} ${look.long}`;
  if (status === 'needs_review') title += ` (was ${STATE_WORDS[decision.status]}, expired ${decision.expiresAt})`;
  if (status === 'carried') title += ` (${STATE_WORDS[decision.status]}, carried from assessment ${decision.carriedFrom?.assessmentId})`;
  if (data.expiry === 'expiring') title += ` — expires ${decision.expiresAt}, within 30 days`;
  items.push(line(title, look.tone, true));
  if (decision.overrides) items.push(line(`  ${overrideWords(decision.overrides)}`, 'warn', true));
  items.push(line(`  by ${decision.decidedBy} on ${shortTime(decision.decidedAt)}`, 'muted'));
  if (decision.justification) items.push(...paragraph(decision.justification, width, '  │ '));
  for (const part of describeDecision(decision)) items.push(...paragraph(part, width));
  items.push(blank);
  return items;
}

function guidancePane(data: DetailData, width: number): PaneContent {
  const { rec } = data;
  const g = rec.guidance;
  const items: Item[] = [
    ...wrap(`${rec.id} ${rec.title}`, width).map((l) => line(l, undefined, true)),
    blank,
    ...decisionBlock(data, width),
    heading('What it protects'),
    ...paragraph(g.protects, width),
    blank,
    heading('Verify in the console'),
    ...steps(g.verifyConsole, width, true),
    blank,
    heading('Verify with the AWS CLI'),
    ...steps(g.verifyCli, width, false),
    blank,
    heading('How to fix'),
    ...steps(g.remediation, width, true),
    blank,
    heading('Default risk'),
    ...paragraph(
      `likelihood ${rec.risk.likelihood} ${LIKELIHOOD_LABELS[rec.risk.likelihood - 1]} × impact ${rec.risk.impact} ${IMPACT_LABELS[rec.risk.impact - 1]}; mitigation ${rec.risk.mitigation} — ${rec.risk.mitigationWhy}`,
      width,
    ),
  ];
  if (rec.reads.length > 0) {
    items.push(blank, heading('Data it reads'));
    for (const read of rec.reads) {
      items.push(...paragraph(`${read.service} ${read.operation}${read.per ? ` per ${read.per}` : ''} (${read.scope === 'global' ? 'once' : 'every region'})`, width));
    }
  }
  return { items, selectable: false };
}

const FINDING_ORDER: Record<Finding['status'], number> = { fail: 0, error: 1, manual: 2, pass: 3 };

/** Lines of a finding's detail shown while it is folded. */
export const FOLDED_LINES = 3;

/**
 * One item per finding. A finding whose detail runs longer than `FOLDED_LINES` shows that much
 * and how much more; unfolded, each of its lines is an item, so the cursor scrolls through it.
 */
function findingsPane(data: DetailData, width: number, unfolded: ReadonlySet<number>): PaneContent {
  const several = data.results.length > 1;
  const all = data.results.flatMap((r) => r.findings.map((f) => ({ f, source: r.source })));
  // Stable sort: failing first, each group in the check's own order.
  const sorted = all.map((x, i) => ({ ...x, i })).sort((a, b) => FINDING_ORDER[a.f.status] - FINDING_ORDER[b.f.status] || a.i - b.i);
  const items: Item[] = sorted.flatMap(({ f, source }, position): Item[] => {
    const look = AUTOMATED_LOOK[f.status];
    const tag = several ? `[${source}] ` : '';
    const head: Line[] = hardWrap(`${look.glyph} ${look.word.padEnd(6)} ${f.region.padEnd(14)} ${tag}${f.resource}`, width, '    ').map((text) => ({ text, tone: look.tone }));
    const detail: Line[] = wrapIndented('    ', f.detail, width).map((text) => ({ text }));
    if (detail.length <= FOLDED_LINES + 1) return [{ lines: [...head, ...detail] }];
    if (!unfolded.has(position)) {
      const more: Line = { text: `    … ${plural(detail.length - FOLDED_LINES, 'more line')} · enter shows all`, tone: 'muted' };
      return [{ lines: [...head, ...detail.slice(0, FOLDED_LINES), more], fold: position }];
    }
    return [
      { lines: head, fold: position },
      ...detail.map((l) => ({ lines: [l], fold: position })),
      { lines: [{ text: '    ▴ enter folds it again', tone: 'muted' }], fold: position },
    ];
  });
  return { items, selectable: true, count: all.length };
}

/** One item per attachment, so the cursor picks the one to open or detach. */
function evidencePane(data: DetailData, width: number): PaneContent {
  if (data.evidence.length === 0) return { items: [line('No attachments yet. Press a to attach a file (screenshot, export, policy).', 'muted')], selectable: false, count: 0 };
  const items = data.evidence.map(
    (e): Item => ({
      attachment: e,
      lines: [
        { text: `▪ ${e.name}  ${e.mediaType}  ${formatBytes(e.size)}`, bold: true },
        { text: `  sha256 ${e.sha256}`, tone: 'muted' },
        { text: `  added by ${e.addedBy} on ${shortTime(e.addedAt)}`, tone: 'muted' },
        ...(e.note ? wrap(e.note, width - 4).map((l) => ({ text: `  │ ${l}` })) : []),
        { text: '' },
      ],
    }),
  );
  return { items, selectable: true, count: data.evidence.length };
}

function statusWords(decision: Decision | null): string {
  return STATE_WORDS[decision?.status ?? 'undecided'];
}

function decisionEventItems(event: DecisionEvent, width: number): Item[] {
  const look = DECISION_LOOK[event.after.status];
  const confirmed = event.before?.carriedFrom && !event.after.carriedFrom ? ' (carried decision confirmed)' : '';
  const carried = event.after.carriedFrom ? ` (carried from assessment ${event.after.carriedFrom.assessmentId})` : '';
  const override = event.after.overrides ? ` ${overrideWords(event.after.overrides)}` : '';
  return [
    line(`#${event.seq} ${shortTime(event.at)} ${event.actor}: ${statusWords(event.before)} → ${look.glyph} ${statusWords(event.after)}${override}${confirmed}${carried}`, look.tone, true),
    ...(event.after.justification ? paragraph(event.after.justification, width, '  │ ') : []),
    ...describeDecision(event.after).flatMap((part) => paragraph(part, width)),
  ];
}

/** What an attach, detach or scan event says, in one heading and its details. */
function otherEventItems(event: Exclude<HistoryEvent, DecisionEvent>, width: number): Item[] {
  const when = `#${event.seq} ${shortTime(event.at)} ${event.actor}:`;
  if (event.kind === 'scan') {
    return [line(`${when} scanned the snapshot of ${shortTime(event.snapshot.collectedAt)} (${event.snapshot.source})`, 'info', true), line(`  snapshot sha256 ${event.snapshot.sha256}`, 'muted')];
  }
  const { evidence } = event;
  const verb = event.kind === 'attach' ? 'attached' : 'detached';
  return [
    line(`${when} ${verb} ${evidence.name} (${formatBytes(evidence.size)})`, event.kind === 'attach' ? 'info' : 'warn', true),
    line(`  sha256 ${evidence.sha256}`, 'muted'),
    ...(event.reason ? paragraph(`why: ${event.reason}`, width, '  │ ') : []),
  ];
}

function historyPane(data: DetailData, width: number): PaneContent {
  if (data.history.length === 0) return { items: [line('Nothing recorded yet.', 'muted')], selectable: false, count: 0 };
  const items = [...data.history].reverse().flatMap((event) => [
    ...(isDecisionEvent(event) ? decisionEventItems(event, width) : otherEventItems(event, width)),
    line(`  hash ${event.hash.slice(0, 16)}… ← ${event.prevHash.slice(0, 16)}…`, 'muted'),
    blank,
  ]);
  return { items, selectable: false, count: data.history.length };
}

function mappingsPane(data: DetailData, width: number): PaneContent {
  let m: FrameworkMappings;
  try {
    m = mappingsFor(data.rec.id);
  } catch {
    return { items: [line('No framework mappings recorded for this recommendation.', 'muted')], selectable: false };
  }
  const row = (label: string, values: readonly string[]): Item[] => wrapIndented(`  ${label.padEnd(22)}`, values.length > 0 ? values.join(', ') : '—', width).map((l) => line(l));
  const nist = preferredNist(m);
  const items: Item[] = [
    heading(`${data.rec.id} ${data.rec.title}`),
    line(`  default severity ${m.defaultSeverity}${m.securityHubSeverity ? ` · Security Hub ${m.securityHubSeverity}` : ''}`),
    blank,
    ...row('NIST SP 800-171 r2', nist.nist171.ids),
    ...row('NIST SP 800-53 r5', nist.nist53.ids),
    ...row('ISO/IEC 27001:2022', m.iso27001),
    ...row('SOC 2', m.soc2),
    ...row('CIS Controls v8', m.cisControlsV8),
    ...row('Security Hub controls', m.securityHubControls),
    ...row('Prowler checks', m.prowlerChecks),
    blank,
    heading('Sources'),
    ...paragraph('Informative tool-vendor mappings, not an authoritative crosswalk.', width),
    ...paragraph(`NIST SP 800-171 r2: ${nist.nist171.source ?? 'no source maps this recommendation'}.`, width),
    ...paragraph(`NIST SP 800-53 r5: ${nist.nist53.source ?? 'no source maps this recommendation'}.`, width),
  ];
  return { items, selectable: false };
}

export function buildPanes(data: DetailData, width: number, unfolded: ReadonlySet<number>): Record<Pane, PaneContent> {
  const w = Math.max(20, width);
  return {
    guidance: guidancePane(data, w),
    findings: findingsPane(data, w, unfolded),
    evidence: evidencePane(data, w),
    history: historyPane(data, w),
    mappings: mappingsPane(data, w),
  };
}

const PANE_TITLES: Record<Pane, string> = {
  guidance: 'Guidance',
  findings: 'Findings',
  evidence: 'Evidence',
  history: 'History',
  mappings: 'Mappings',
};

/** A manual recommendation's findings are the data gathered for the assessor to judge. */
export function paneTitle(data: DetailData, pane: Pane): string {
  return pane === 'findings' && data.rec.assessment === 'manual' ? 'Data gathered' : PANE_TITLES[pane];
}

/** The decision in one line for the detail's header: status, then what matters most about it. */
export function decisionHeadline(data: DetailData): { text: string; tone: Tone } {
  const { decision, status } = data;
  const look = DECISION_LOOK[status];
  if (!decision) return { text: `${look.glyph} undecided`, tone: look.tone };
  const parts = [`${look.glyph} ${status === 'carried' ? look.long : status === 'needs_review' ? 'needs review' : look.word}`];
  if (status === 'needs_review') parts.push(`was ${STATE_WORDS[decision.status]}, expired ${decision.expiresAt}`);
  else if (decision.status === 'exception') parts.push(`approved by ${decision.approver}, expires ${decision.expiresAt}${data.expiry === 'expiring' ? ' (within 30 days)' : ''}`);
  if (decision.overrides) parts.push(overrideWords(decision.overrides));
  if (decision.riskLevel) parts.push(`risk ${decision.riskLevel}${decision.dueDate ? `, due ${decision.dueDate}` : ''}`);
  parts.push(`by ${decision.decidedBy}`);
  return { text: parts.join(' · '), tone: look.tone };
}

/** One line on the automated result: `✗ fail · 3 of 28 resources failing`. */
export function automatedSummary(data: DetailData): { text: string; tone: Tone } {
  const primary = data.results.find((r) => r.source === 'assay') ?? data.results[0];
  if (!primary) return { text: `${AUTOMATED_LOOK.none.glyph}not scanned`, tone: 'muted' };
  const look = AUTOMATED_LOOK[primary.status];
  const failing = primary.findings.filter((f) => f.status === 'fail').length;
  const counts = primary.status === 'fail' ? ` · ${failing} of ${primary.findings.length} failing` : ` · ${primary.findings.length} ${primary.findings.length === 1 ? 'finding' : 'findings'}`;
  const source = primary.source === 'assay' ? '' : ` (from ${primary.source})`;
  return { text: `${look.glyph} ${look.word}${counts}${source}`, tone: look.tone };
}
