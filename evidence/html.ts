/**
 * index.html and risk-cards/<id>.html. Static HTML with inline CSS and SVG: readable without
 * scripts, offline, and in print.
 */
import type { CheckStatus } from '../checks/types.js';
import { describeResourceChange } from '../src/drift.js';
import type { Decision } from '../src/model.js';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, MITIGATION_MEANING, MITIGATION_TYPES, WINDOW_RULE, RISK_LEVELS, riskLevel, type Rating } from '../src/risk.js';
import { STATE_WORDS } from '../src/states.js';
import { anchor, esc, formatBytes, formatDate, page, severityBadge, verdictBadge } from './html-kit.js';
import { MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE } from './manifest.js';
import { assayVerifyCommand, EXTRA_FILES_COMMAND, minisignCommand, SUMS_COMMAND, type PackSigner } from './verify-commands.js';
import { displayName } from './names.js';
import {
  SCORE_DEFINITION,
  VERDICT_LABELS,
  type AttachmentRef,
  type DueMove,
  type HistoryEntry,
  type PackModel,
  type RecommendationRow,
  type RiskCard,
  type ScheduleState,
  type Tally,
  type Verdict,
} from './report.js';
import { riskMatrixSvg, scheduleTimelineSvg, tallyBarSvg, tallyLegend } from './svg.js';

const LEVELS_WORST_FIRST = [...RISK_LEVELS].reverse();

/** How a check's status is coloured: an error needs a person, a manual result awaits one. */
const STATUS_STYLE: Record<CheckStatus, Verdict> = { pass: 'pass', fail: 'fail', manual: 'not_assessed', error: 'needs_review' };

const MAPPING_NOTE =
  'Framework mappings are informative tool-vendor mappings (Prowler, AWS Security Hub, Steampipe), not an authoritative CIS or NIST crosswalk.';

export function riskCardPath(recId: string): string {
  return `risk-cards/${recId}.html`;
}

function list(items: readonly string[], empty = 'none found in the sources'): string {
  return items.length > 0 ? esc(items.join(', ')) : `<span class="muted">${esc(empty)}</span>`;
}

function automatedCell(row: RecommendationRow): string {
  if (!row.automated) return '<span class="muted">—</span>';
  const failing = row.automated.findings.filter((f) => f.status === 'fail').length;
  const source = row.automated.source === 'assay' ? '' : ` <span class="muted small">(${esc(row.automated.source)})</span>`;
  return `${verdictBadge(STATUS_STYLE[row.automated.status], row.automated.status)}${source}${failing > 0 ? ` <span class="muted small">${failing} failing</span>` : ''}`;
}

/** "pass over an automated fail — overridden by ava", where the decision contradicts the check. */
function overrideMark(decision: Pick<Decision, 'status' | 'overrides' | 'decidedBy'>): string {
  if (!decision.overrides) return '';
  return ` <span class="flag red override">${esc(`${STATE_WORDS[decision.status]} over an automated ${decision.overrides} — overridden by ${decision.decidedBy}`)}</span>`;
}

function decisionCell(row: RecommendationRow): string {
  const d = row.decision;
  if (!d || d.status === 'undecided') return `<span class="muted">${esc(STATE_WORDS.undecided)}</span>`;
  const flags: string[] = [];
  if (row.carried) flags.push(`<span class="flag">${esc(STATE_WORDS.carried)}</span>`);
  if (row.exceptionState === 'expired') flags.push('<span class="flag red">expired</span>');
  if (row.exceptionState === 'expiring') flags.push('<span class="flag">expiring</span>');
  return `<b>${esc(STATE_WORDS[d.status])}</b> <span class="muted small">by ${esc(d.decidedBy)}, ${esc(formatDate(d.decidedAt).slice(0, 10))}</span>${overrideMark(d)} ${flags.join(' ')}<div class="why">${esc(d.justification)}</div>`;
}

/** Each attachment with what a reviewer needs to open and re-check it; `prefix` leads to the pack root. */
function attachmentsList(attachments: readonly AttachmentRef[], prefix: string): string {
  if (attachments.length === 0) return '<p class="muted">No attachments.</p>';
  return `<ul class="plain evidence">${attachments
    .map(
      (a) =>
        `<li><a href="${esc(prefix + a.entry)}">${esc(displayName(a.record.name))}</a> <span class="muted small">${esc(a.record.mediaType)}, ${esc(formatBytes(a.record.size))}, added by ${esc(a.record.addedBy)} ${esc(formatDate(a.record.addedAt))}</span>${a.record.note ? ` — ${esc(a.record.note)}` : ''}<div class="small hash">SHA-256 <code>${esc(a.record.sha256)}</code></div></li>`,
    )
    .join('')}</ul>`;
}

/** Every recorded step of one recommendation, oldest first: when, who, and what changed. */
function historyList(history: readonly HistoryEntry[]): string {
  if (history.length === 0) return '<p class="muted">Nothing recorded yet.</p>';
  return `<ol class="history">${history
    .map((h) => `<li value="${h.seq}"><span class="nowrap">${esc(formatDate(h.at))}</span> <b>${esc(h.actor)}</b>: ${esc(h.changes.join('; '))}</li>`)
    .join('')}</ol>`;
}

function dueMovesNote(moves: readonly DueMove[]): string {
  return moves.map((m) => `<div class="small moved">${esc(m.text)}</div>`).join('');
}

function tallyCells(t: Tally): string {
  return [t.total, t.pass, t.fail, t.exception, t.needsReview, t.notAssessed, t.notApplicable].map((n) => `<td class="num">${n}</td>`).join('') + `<td class="num"><b>${t.score === undefined ? '—' : `${t.score.toFixed(1)}%`}</b></td>`;
}

const TALLY_HEAD = `<th class="num">Total</th>${(['pass', 'fail', 'exception', 'needs_review', 'not_assessed', 'not_applicable'] as const)
  .map((v) => `<th class="num">${esc(VERDICT_LABELS[v])}</th>`)
  .join('')}<th class="num">Score</th>`;

/**
 * One risk card as an <article>; `prefix` leads from the page to the pack root ("" or "../"). In the
 * report the mapping note is said once above the cards rather than on each.
 */
export function riskCardArticle(card: RiskCard, prefix: string): string {
  const m = card.mappings;
  const families = [...new Set(m.nist171.map((r) => `${r.family} (${r.familyCode})`))];
  const nist171 =
    m.nist171.length > 0
      ? `<ul class="plain">${families
          .map((family) => {
            const reqs = m.nist171.filter((r) => `${r.family} (${r.familyCode})` === family);
            return `<li><b>${esc(family || 'Unlisted')}</b>: ${reqs.map((r) => `${esc(r.id)} <span class="muted">${esc(r.title)}</span>`).join('; ')}</li>`;
          })
          .join('')}</ul><p class="small muted">Source: ${esc(m.nist171Source ?? '')}</p>`
      : '<p class="muted">No NIST SP 800-171 r2 requirement is mapped to this recommendation by any of the sources used.</p>';
  const affected =
    card.affected.length > 0
      ? `<table class="affected"><colgroup><col style="width:30%"><col style="width:90px"><col style="width:60px"><col></colgroup><thead><tr><th>Resource</th><th>Region</th><th>Result</th><th>Detail</th></tr></thead><tbody>${card.affected
          .map((f) => `<tr><td class="mono">${esc(f.resource)}</td><td>${esc(f.region)}</td><td>${verdictBadge(STATUS_STYLE[f.status], f.status)}</td><td>${esc(f.detail)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="muted">The automated check recorded no resources; the assessor\'s judgement below is the finding.</p>';
  const ratingNote = card.ratingBasis === 'assessor' ? 'rated by the assessor' : 'catalogue default — the assessor has not rated it yet';
  const exception = card.exception
    ? `<dt>Approved by</dt><dd>${esc(card.exception.approver)}</dd><dt>Exception expires</dt><dd>${esc(card.exception.expiresAt)} ${
        card.exception.state === 'expired'
          ? '<span class="flag red">expired — needs review</span>'
          : card.exception.state === 'expiring'
            ? `<span class="flag">expires in ${card.exception.daysLeft} days — needs review</span>`
            : `<span class="muted">(${card.exception.daysLeft} days left)</span>`
      }</dd>`
    : '';
  const status = VERDICT_LABELS[card.verdict];
  return `<article class="card" id="${esc(anchor('card', card.recId))}" data-rec="${esc(card.recId)}">
<header><div><h3>${esc(card.recId)} — ${esc(card.title)}</h3>
<div class="meta">${esc(card.sectionTitle)} · Level ${card.level} · ${esc(card.assessmentType)} · AWS services: ${esc(card.awsServices.join(', ') || '—')}</div></div>
<div>${verdictBadge(card.verdict, status)} ${severityBadge(card.riskLevel)}${card.carriedFrom ? ` <span class="flag">${esc(STATE_WORDS.carried)}</span>` : ''}${card.decided ? '' : ` <span class="flag grey">${esc(STATE_WORDS.undecided)}</span>`}</div></header>
<div class="body">
<div class="cardgrid">
<div>${riskMatrixSvg(card.likelihood, card.impact)}</div>
<div>
<p class="equation">Risk = likelihood × impact = <b>${esc(LIKELIHOOD_LABELS[card.likelihood - 1]!)} (${card.likelihood})</b> × <b>${esc(IMPACT_LABELS[card.impact - 1]!)} (${card.impact})</b> = <b>${card.score}</b> → ${severityBadge(card.riskLevel)} <span class="muted small">(${esc(ratingNote)})</span></p>
<dl class="facts">
<dt>Likelihood</dt><dd><b>${card.likelihood} ${esc(LIKELIHOOD_LABELS[card.likelihood - 1]!)}</b>${card.likelihoodWhy ? ` — ${esc(card.likelihoodWhy)}` : ''}</dd>
<dt>Impact</dt><dd><b>${card.impact} ${esc(IMPACT_LABELS[card.impact - 1]!)}</b>${card.impactWhy ? ` — ${esc(card.impactWhy)}` : ''}</dd>
<dt>Mitigation type</dt><dd><b>${esc(card.mitigation)}</b> — ${esc(card.mitigationMeaning)}</dd>
<dt>Why this type</dt><dd>${esc(card.mitigationWhy)}${card.mitigationBasis === 'assessor' ? '' : ` <span class="muted small">(${card.mitigationBasis === 'the exception' ? 'implied by the exception' : 'catalogue default'})</span>`}</dd>
<dt>Owner</dt><dd>${card.owner ? esc(card.owner) : '<span class="flag grey">unassigned</span>'}</dd>
<dt>Due date</dt><dd><b>${esc(card.dueDate)}</b> <span class="muted small">${esc(card.dueBasis)}</span>${dueMovesNote(card.dueMoves)}</dd>
${exception}
<dt>Decision</dt><dd>${card.decidedBy ? `${esc(card.verdict === 'needs_review' ? 'exception (expired)' : card.kind === 'exception' ? 'exception' : 'fail')} by ${esc(card.decidedBy)}, ${esc(formatDate(card.decidedAt))}` : '<span class="muted">none yet: the automated check failed</span>'}${card.override ? overrideMark(card.override) : ''}${
    card.carriedFrom ? ` <span class="muted small">(carried from assessment ${card.carriedFrom.assessmentId}, decided ${esc(formatDate(card.carriedFrom.decidedAt))})</span>` : ''
  }</dd>
<dt>Justification</dt><dd>${card.justification ? esc(card.justification) : '<span class="muted">—</span>'}</dd>
</dl>
</div>
</div>
<h4>Risk</h4>
<p>${esc(card.risk)}</p>
<h4>Finding and affected resources</h4>
${affected}
<h4>Remediation</h4>
<ol class="steps">${card.remediation.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
<h4>NIST SP 800-171 rev 2</h4>
${nist171}
<div class="tail">
<h4>Other mappings</h4>
<table class="mappings"><tbody>
<tr><th>NIST SP 800-53 rev 5</th><td>${list(m.nist53)}<div class="small muted">Source: ${esc(m.nist53Source)}</div></td></tr>
<tr><th>ISO/IEC 27001:2022</th><td>${list(m.iso27001)}<div class="small muted">Source: Prowler compliance mapping (informative)</div></td></tr>
<tr><th>SOC 2</th><td>${list(m.soc2)}<div class="small muted">Source: Prowler compliance mapping (informative)</div></td></tr>
<tr><th>CIS Controls v8</th><td>${list(m.cisControlsV8)}<div class="small muted">Source: CIS AWS Foundations Benchmark v6.0.0</div></td></tr>
<tr><th>AWS Security Hub</th><td>${list(m.securityHubControls)}<div class="small muted">Source: AWS Security Hub CSPM control reference</div></td></tr>
<tr><th>Prowler checks</th><td>${list(m.prowlerChecks)} <span class="muted small">(Prowler default severity: ${esc(m.defaultSeverity)})</span></td></tr>
</tbody></table>
${prefix ? `<p class="note small">${esc(MAPPING_NOTE)}</p>` : ''}
${
  card.attachments.length === 0 && card.history.length === 0
    ? '<h4>Evidence and history</h4><p class="muted">No attachments; nothing recorded yet.</p>'
    : `<h4>Evidence</h4>\n${attachmentsList(card.attachments, prefix)}\n<h4>History</h4>\n${historyList(card.history)}`
}
</div>
<p class="small links"><a href="${esc(prefix)}index.html#${esc(anchor('rec', card.recId))}">${esc(card.recId)} in the recommendations table</a> · <a href="${esc(prefix)}${esc(riskCardPath(card.recId))}">this card on its own page</a></p>
</div>
</article>`;
}

/** While any recommendation is undecided the pack says it is a draft, wherever it is read. */
function draftBadge(model: PackModel): string {
  const label = model.summary.progress.label;
  return label ? ` <span class="draft">${esc(label)}</span>` : '';
}

function titleOf(model: PackModel, what: string): string {
  const label = model.summary.progress.label;
  return `${label ? `${label} — ` : ''}${what}`;
}

function header(model: PackModel, prefix: string): string {
  const a = model.data.assessment;
  return `<header class="top"><div class="wrap">
<p class="kicker">${esc(model.benchmark.name)} v${esc(model.benchmark.version)} · evidence pack</p>
<h1>${esc(a.name)}${draftBadge(model)}</h1>
<p class="sub">AWS account <b>${esc(a.account || 'unknown')}</b> · assessment ${a.id} · as of ${esc(formatDate(model.data.asOf))}${prefix ? ` · <a href="${esc(prefix)}index.html">back to the report</a>` : ''}</p>
</div></header>`;
}

function assessmentSection(model: PackModel): string {
  const { data } = model;
  const a = data.assessment;
  const carried = a.carriedFrom !== undefined
    ? `<dt>Carried forward from</dt><dd>assessment ${a.carriedFrom}${data.previous ? ` “${esc(data.previous.name)}” (created ${esc(formatDate(data.previous.createdAt))})` : ' (no longer in the database)'}</dd>`
    : '';
  return `<section id="assessment"><h2>Assessment</h2>
<dl class="facts">
<dt>Assessment</dt><dd>${esc(a.name)} <span class="muted">(id ${a.id})</span></dd>
<dt>AWS account</dt><dd class="mono">${esc(a.account || 'unknown')}</dd>
<dt>Regions in scope</dt><dd>${a.regions.length > 0 ? esc(a.regions.join(', ')) : '<span class="muted">none recorded</span>'}</dd>
<dt>Benchmark</dt><dd>${esc(model.benchmark.name)} v${esc(model.benchmark.version)} — ${model.rows.length} recommendations</dd>
<dt>Data source</dt><dd>${esc(a.source)}</dd>
<dt>Snapshot collected</dt><dd>${esc(formatDate(a.snapshotCollectedAt))}</dd>
<dt>Created</dt><dd>${esc(formatDate(a.createdAt))} by ${esc(a.createdBy)}</dd>
<dt>Assessors</dt><dd>${esc(model.assessors.join(', ') || '—')}</dd>
${carried}
<dt>Pack as of</dt><dd>${esc(formatDate(data.asOf))} <span class="muted small">(${data.asOfBasis === 'given' ? 'given at export' : 'the latest change recorded in the assessment'}; expiry and due dates are judged at this time)</span></dd>
<dt>Tool</dt><dd>${esc(data.tool.name)} ${esc(data.tool.version)}</dd>
<dt>Decision history</dt><dd>${data.history.length} events, hash chain intact at export${data.history.length > 0 ? `, head <code>${esc(data.history[data.history.length - 1]!.hash.slice(0, 16))}…</code>` : ''}</dd>
</dl></section>`;
}

const RATINGS_HIGH_FIRST: readonly Rating[] = [4, 3, 2, 1];

/** Likelihood × impact with the number of open risks (every risk card) in each cell. */
function heatMap(cards: readonly RiskCard[]): string {
  const head = RATINGS_HIGH_FIRST.toReversed()
    .map((i) => `<th class="num">${i} ${esc(IMPACT_LABELS[i - 1]!)}</th>`)
    .join('');
  const rows = RATINGS_HIGH_FIRST.map((l) => {
    const cells = RATINGS_HIGH_FIRST.toReversed().map((i) => {
      const n = cards.filter((c) => c.likelihood === l && c.impact === i).length;
      return `<td class="num s-${riskLevel(l, i)}" data-likelihood="${l}" data-impact="${i}">${n > 0 ? `<b>${n}</b>` : '<span class="muted">0</span>'}</td>`;
    });
    return `<tr><th>${l} ${esc(LIKELIHOOD_LABELS[l - 1]!)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="heatmap"><caption>Open risks by likelihood (rows) × impact (columns)</caption><thead><tr><th>Likelihood ↓ · impact →</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function progressNote(model: PackModel): string {
  const p = model.summary.progress;
  if (!p.draft) return `<p class="note final">Final: all ${p.total} recommendations are decided.</p>`;
  return `<p class="note warn draft"><b>${esc(p.label!)}</b>: ${p.total - p.decided} recommendations have no decision in force, so this pack is a draft. Their figures below come from the automated checks and the catalogue's default ratings.</p>`;
}

function summarySection(model: PackModel): string {
  const t = model.summary.overall;
  const p = model.summary.progress;
  const defaults = p.defaultRatings > 0 ? `${p.defaultRatings} of ${p.openRisks} ratings are catalogue defaults` : p.openRisks > 0 ? 'every rating is the assessor\'s' : '';
  const stats: [number, string, string?][] = [
    [t.pass, STATE_WORDS.pass],
    [t.fail, STATE_WORDS.fail],
    [t.exception, 'exceptions (accepted risks)'],
    [t.needsReview + t.notAssessed, `${STATE_WORDS.needs_review} or ${STATE_WORDS.undecided}`],
    [p.openRisks, 'open risks', defaults],
  ];
  return `<section id="summary"><h2>Summary</h2>
${progressNote(model)}
<div class="score"><div class="big">${t.score === undefined ? '—' : `${t.score.toFixed(1)}%`}</div>
<div><b>Compliance score</b>: ${t.pass} of ${t.inScope} recommendations in scope pass (${t.notApplicable} not applicable).<div class="def">${esc(SCORE_DEFINITION)}</div></div></div>
<div class="cards">${stats.map(([n, l, basis]) => `<div class="stat"><div class="n">${n}</div><div class="l">${esc(l)}</div>${basis ? `<div class="basis">${esc(basis)}</div>` : ''}</div>`).join('')}</div>
${tallyBarSvg(t)}${tallyLegend()}
<h3>Open risks</h3>
<div class="levels">${LEVELS_WORST_FIRST.map((level) => `<div class="lv"><b>${model.schedule.filter((s) => s.severity === level).length}</b>${severityBadge(level)}</div>`)
    .join('')}<div class="lv"><b>${model.schedule.filter((s) => s.state === 'overdue').length}</b>overdue</div><div class="lv"><b>${model.exceptions.filter((e) => e.needsReview).length}</b>exceptions to review</div></div>
<p class="muted small">Every failure and exception on the <a href="#schedule">mitigation schedule</a>, by the risk level of its card${defaults ? ` (<b class="basis">${esc(defaults)}</b>, not yet rated by the assessor)` : ''}.</p>
${p.openRisks > 0 ? heatMap(model.riskCards) : ''}
<h3>By section</h3>
<table class="tally"><thead><tr><th>Section</th>${TALLY_HEAD}</tr></thead><tbody>
${model.summary.bySection.map((s) => `<tr><td>${esc(s.section)}. ${esc(s.title)}</td>${tallyCells(s.tally)}</tr>`).join('\n')}
<tr><td><b>All sections</b></td>${tallyCells(t)}</tr>
</tbody></table>
<h3>By profile level</h3>
<table class="tally"><thead><tr><th>Level</th>${TALLY_HEAD}</tr></thead><tbody>
${model.summary.byLevel.map((l) => `<tr><td>Level ${l.level}</td>${tallyCells(l.tally)}</tr>`).join('\n')}
</tbody></table>
</section>`;
}

/** The row under a recommendation: its evidence and its history. */
function recordRow(row: RecommendationRow): string {
  const evidence = row.attachments.length > 0 ? `<div class="part"><b>Evidence</b>${attachmentsList(row.attachments, '')}</div>` : '';
  const history = row.history.length > 0 ? `<div class="part"><b>History</b>${historyList(row.history)}</div>` : '';
  return `<tr class="record" data-record="${esc(row.rec.id)}"><td></td><td colspan="6">${evidence}${history}</td></tr>`;
}

function recommendationsSection(model: PackModel): string {
  const rows: string[] = [];
  let section = '';
  for (const row of model.rows) {
    if (row.rec.section !== section) {
      section = row.rec.section;
      rows.push(`<tr class="group"><td colspan="7">${esc(section)}. ${esc(row.sectionTitle)}</td></tr>`);
    }
    const hasCard = model.riskCards.some((c) => c.recId === row.rec.id);
    rows.push(
      `<tr id="${esc(anchor('rec', row.rec.id))}" data-rec="${esc(row.rec.id)}"><td class="mono">${esc(row.rec.id)}</td><td>${esc(row.rec.title)}</td><td class="num">${row.rec.level}</td><td>${esc(row.rec.assessment)}</td><td>${automatedCell(row)}</td><td>${decisionCell(row)}</td><td>${verdictBadge(row.verdict, VERDICT_LABELS[row.verdict])}${hasCard ? ` <a class="small" href="#${esc(anchor('card', row.rec.id))}">risk card</a>` : ''}</td></tr>`,
    );
    if (row.attachments.length > 0 || row.history.length > 0) rows.push(recordRow(row));
  }
  return `<section id="recommendations"><h2>Recommendations</h2>
<p class="muted small">All ${model.rows.length} recommendations of the benchmark. “Automated” is the check's result on the snapshot (or an imported scanner's); “Decision” is the assessor's, with its justification; “In this pack” is what the score counts. Under a recommendation with evidence or a recorded history come its attachments and every change, with who and when.</p>
<table class="recs"><colgroup><col style="width:6%"><col style="width:27%"><col style="width:5%"><col style="width:8%"><col style="width:11%"><col><col style="width:12%"></colgroup><thead><tr><th>ID</th><th>Title</th><th class="num">Level</th><th>Type</th><th>Automated</th><th>Decision</th><th>In this pack</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function riskCardsSection(model: PackModel): string {
  const intro =
    model.riskCards.length === 0
      ? '<p class="muted">No recommendation failed or is excepted: there are no risk cards.</p>'
      : `<p class="muted small">One card per failed or excepted recommendation (${model.riskCards.length}). Each is also in <code>risk-cards/</code> as its own page and in <code>assessment.json</code>. Risk levels: score 1–3 low, 4–6 medium, 8–9 high, 12–16 critical.</p><p class="note small">${esc(MAPPING_NOTE)}</p>`;
  return `<section id="risk-cards" class="break"><h2>Risk cards</h2>${intro}
${model.riskCards.map((card) => riskCardArticle(card, '')).join('\n')}
</section>`;
}

function scheduleFlag(state: ScheduleState): string {
  if (state === 'on schedule') return `<span class="muted">${esc(state)}</span>`;
  const red = state === 'overdue' || state === 'exception expired';
  return `<span class="flag${red ? ' red' : ''}">${esc(state.startsWith('exception') ? `${state} — needs review` : state)}</span>`;
}

function scheduleSection(model: PackModel): string {
  const rules = LEVELS_WORST_FIRST.map((l) => `<li>${severityBadge(l)} ${esc(WINDOW_RULE[l])}</li>`).join('');
  const rows = model.schedule.map(
    (s) =>
      `<tr data-rec="${esc(s.recId)}"><td><b>${esc(s.dueDate)}</b></td><td class="mono"><a href="#${esc(anchor('card', s.recId))}">${esc(s.recId)}</a></td><td>${esc(s.title)}</td><td>${esc(s.kind)}</td><td>${severityBadge(s.severity)}</td><td>${s.owner ? esc(s.owner) : '<span class="flag grey">unassigned</span>'}</td><td>${esc(s.mitigation)}</td><td>${esc(s.windowRule)}<div class="small muted">${esc(s.dueBasis)}</div>${dueMovesNote(s.dueMoves)}</td><td>${scheduleFlag(s.state)}</td></tr>`,
  );
  return `<section id="schedule"><h2>Mitigation schedule</h2>
<p class="muted small">Every open failure and exception, ordered by due date. The due date comes from the window of its risk level, counted from the decision date (or the scan date when nobody has decided yet), unless the assessor set one.</p>
<ul class="plain small">${rules}</ul>
${scheduleTimelineSvg(model.schedule, model.asOfDay)}
<div class="legend">bars: window start → due date; solid = failure, hatched = exception; dashed line = as of</div>
<table class="schedule"><colgroup><col style="width:9%"><col style="width:5%"><col><col style="width:7%"><col style="width:8%"><col style="width:9%"><col style="width:9%"><col style="width:17%"><col style="width:11%"></colgroup><thead><tr><th>Due</th><th>ID</th><th>Recommendation</th><th>Kind</th><th>Severity</th><th>Owner</th><th>Mitigation</th><th>Window rule</th><th>State</th></tr></thead><tbody>
${rows.join('\n') || '<tr><td colspan="9" class="muted">Nothing is open.</td></tr>'}
</tbody></table>
<p class="small muted">Mitigation types: ${MITIGATION_TYPES.map((t) => `<b>${esc(t)}</b> — ${esc(MITIGATION_MEANING[t])}`).join('; ')}.</p>
</section>`;
}

function exceptionsSection(model: PackModel): string {
  const review = model.exceptions.filter((e) => e.needsReview).length;
  const rows = model.exceptions.map(
    (e) =>
      `<tr data-rec="${esc(e.recId)}"><td class="mono"><a href="#${esc(anchor('card', e.recId))}">${esc(e.recId)}</a></td><td>${esc(e.title)}</td><td>${e.owner ? esc(e.owner) : '<span class="flag grey">unassigned</span>'}</td><td>${esc(e.approver)}</td><td>${esc(e.decidedBy)}<div class="small muted">${esc(formatDate(e.decidedAt))}</div></td><td><b>${esc(e.expiresAt)}</b></td><td class="num days-left">${e.daysLeft}</td><td>${
        e.state === 'expired' ? `<span class="flag red">${esc(e.note)}</span>` : e.state === 'expiring' ? `<span class="flag">${esc(e.note)}</span>` : esc(e.note)
      }${e.carried ? ` <span class="flag">${esc(STATE_WORDS.carried)}</span>` : ''}</td><td>${severityBadge(e.riskLevel)}</td><td><b>${esc(e.mitigation)}</b><div class="small muted">${esc(e.mitigationWhy)}</div></td><td>${esc(e.justification)}</td></tr>`,
  );
  return `<section id="exceptions"><h2>Exceptions register</h2>
<p class="muted small">Accepted risks with their owner, approver, expiry and mitigation; days left count from the as-of date. An exception that has expired, or expires within 30 days of the as-of date, needs review${review > 0 ? ` — <b>${review}</b> do` : ''}.</p>
<table class="exceptions"><thead><tr><th>ID</th><th>Recommendation</th><th>Owner</th><th>Approver</th><th>Decided by</th><th>Expires</th><th class="num">Days left</th><th>State</th><th>Risk</th><th>Mitigation</th><th>Justification</th></tr></thead><tbody>
${rows.join('\n') || '<tr><td colspan="11" class="muted">No exceptions.</td></tr>'}
</tbody></table></section>`;
}

function driftSection(model: PackModel): string {
  const drift = model.drift;
  if (!drift) return '';
  const rows = drift.entries.map(
    (e) =>
      `<tr data-rec="${esc(e.recId)}"><td class="mono">${esc(e.recId)}</td><td>${esc(e.title)}${e.source === 'assay' ? '' : ` <span class="muted small">(${esc(e.source)})</span>`}</td><td>${esc(e.before ?? '—')}</td><td>${esc(e.after ?? '—')}</td><td>${
        e.resources.length > 0
          ? `<ul class="plain small">${e.resources.map((r) => `<li><b>${esc(r.kind)}</b> <span class="mono">${esc(describeResourceChange(r))}</span></li>`).join('')}</ul>`
          : '<span class="muted">result changed; same resources</span>'
      }</td></tr>`,
  );
  return `<section id="drift"><h2>Drift since the previous assessment</h2>
<p class="muted small">Compared with assessment ${drift.previous.id} “${esc(drift.previous.name)}” (data of ${esc(formatDate(drift.previous.snapshotCollectedAt ?? drift.previous.createdAt))}), which this one was carried forward from: every recommendation whose automated result changed or whose resources appeared, disappeared or changed verdict.</p>
<table class="drift"><thead><tr><th>ID</th><th>Recommendation</th><th>Before</th><th>Now</th><th>Resource changes</th></tr></thead><tbody>
${rows.join('\n') || '<tr><td colspan="5" class="muted">No automated result or resource changed.</td></tr>'}
</tbody></table></section>`;
}

/** A command in the verify steps; the id lets a reader (or a test) pick out the exact text. */
function commandBlock(id: string, command: string): string {
  return `<pre class="cmd" id="${id}">${esc(command)}</pre>`;
}

function signatureStep(signer: PackSigner | undefined): string {
  if (!signer) {
    return `<li>This pack is <b>not signed</b>: the steps above show that its files agree with each other, not who made it — anyone who changes a file can re-compute <code>${MANIFEST_FILE}</code> and <code>${SUMS_FILE}</code>. Ask the assessor for a signed pack if that matters.</li>`;
  }
  return `<li>This pack is signed: <code>${SIGNATURE_FILE}</code> signs <code>${SUMS_FILE}</code> with the assessor's Ed25519 key, key ID <b class="mono">${esc(signer.keyId)}</b>. Get their public key <code>${esc(signer.publicKeyFile)}</code> (written by <code>assay keygen</code> beside their secret key) from the assessor through another channel, never from the pack: whoever changes the pack can replace this page and the signature too. Its first line names its key ID, which must be the one the assessor gives you. Then run:${commandBlock('verify-signature', minisignCommand(signer.publicKeyFile))}It must say the signature verified; only then do the steps above show the assessor's files.</li>`;
}

function verifySection(model: PackModel, signer: PackSigner | undefined): string {
  const publicKeyFile = signer?.publicKeyFile ?? 'KEY.pub';
  return `<section id="verify"><h2>How to verify this pack</h2>
<ol class="steps">
<li>Every file of the pack is listed with its SHA-256 in <code>${SUMS_FILE}</code> (and with its size in <code>${MANIFEST_FILE}</code>), except <code>${SUMS_FILE}</code> itself and its signature. In the extracted folder run:${commandBlock('verify-sums', SUMS_COMMAND)}Every line must say OK: a changed or missing file fails.</li>
<li><code>sha256sum</code> does not notice a file added to the folder. This lists every file that <code>${SUMS_FILE}</code> does not (POSIX shell, in the same folder), and must print nothing:${commandBlock('verify-extra-files', EXTRA_FILES_COMMAND)}</li>
${signatureStep(signer)}
<li>With Assay, one command does all of the above, on the zip or on the extracted folder, and also re-checks the hash chain of the decision history in <code>history.jsonl</code> (${model.data.history.length} events) and that every current decision matches its last history row:${commandBlock('verify-assay', signer ? assayVerifyCommand('PACK.zip', publicKeyFile) : 'assay verify PACK.zip')}It lists every altered, missing or added file. Exit status 0 means intact and signed by the key given with <code>--pubkey</code>; 1, something is altered, missing, added or the signature is invalid; 3, the files are intact but the signer is not established (no <code>--pubkey</code> given, or the pack is not signed).</li>
</ol>
<p class="small muted">Machine-readable copies: <code>assessment.json</code> (everything on this page), <code>schedule.csv</code>, <code>exceptions.csv</code>, <code>workpaper.csv</code> (all recommendations as one table), <code>snapshot.json</code> (the AWS API data the checks read), <code>oscal/assessment-results.json</code> and <code>oscal/poam.json</code> (NIST OSCAL 1.2.1).</p>
</section>`;
}

/** `signer`: the key the pack will be signed with, named in the verify steps; none for an unsigned pack. */
export function renderIndexHtml(model: PackModel, signer?: PackSigner): string {
  const a = model.data.assessment;
  const nav = [
    ['assessment', 'Assessment'],
    ['summary', 'Summary'],
    ['recommendations', 'Recommendations'],
    ['risk-cards', `Risk cards (${model.riskCards.length})`],
    ['schedule', 'Mitigation schedule'],
    ['exceptions', `Exceptions (${model.exceptions.length})`],
    ...(model.drift ? [['drift', 'Drift']] : []),
    ['verify', 'How to verify'],
  ];
  const body = `${header(model, '')}
<div class="wrap">
<nav class="toc">${nav.map(([id, label]) => `<a href="#${id}">${esc(label!)}</a>`).join('')}</nav>
${assessmentSection(model)}
${summarySection(model)}
${recommendationsSection(model)}
${riskCardsSection(model)}
${scheduleSection(model)}
${exceptionsSection(model)}
${driftSection(model)}
${verifySection(model, signer)}
<footer class="end">Generated by ${esc(model.data.tool.name)} ${esc(model.data.tool.version)} from assessment ${a.id} as of ${esc(formatDate(model.data.asOf))}. ${esc(MAPPING_NOTE)}</footer>
</div>`;
  return page(titleOf(model, `${a.name} — CIS AWS Foundations v${model.benchmark.version} evidence pack`), body);
}

export function renderRiskCardHtml(card: RiskCard, model: PackModel): string {
  const body = `${header(model, '../')}
<div class="wrap">
${riskCardArticle(card, '../')}
<footer class="end">Risk card from ${esc(model.data.tool.name)} ${esc(model.data.tool.version)}, assessment ${model.data.assessment.id}, as of ${esc(formatDate(model.data.asOf))}. <a href="../index.html">Back to the report</a>.</footer>
</div>`;
  return page(titleOf(model, `${card.recId} risk card — ${model.data.assessment.name}`), body);
}

