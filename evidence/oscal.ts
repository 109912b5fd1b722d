/**
 * NIST OSCAL 1.2.1 Assessment Results and POA&M documents for the pack. UUIDs are version-5,
 * derived from the assessment (account, id, creation time) and the item they name, so the same
 * assessment always yields the same documents and only new things get new UUIDs. Controls are
 * named `cis-aws-<id>`; Assay's own property and facet names live in the `urn:assay:oscal` namespace.
 *
 * What a CMMC / 800-171 reader looks for, and where it is:
 * - the NIST SP 800-171 r2 and 800-53 r5 ids of each finding, risk and POA&M item: props (see
 *   `mappingProps`), plus FedRAMP's `impacted-control-id` on each risk;
 * - the owner, approver and assessor: parties in metadata, linked from the remediation's tasks
 *   (`responsible-roles`), the response's origin and the risk log (`logged-by`);
 * - the affected resources: inventory items in `local-definitions`, referenced as observation subjects;
 * - the history: the risk log, one entry per recorded decision, with who and when;
 * - exceptions: risk status `deviation-approved`, the approval in the risk log, approver and expiry.
 */
import { mappingsFor, preferredNist, type ChosenMapping } from '../checks/mappings.js';
import type { CheckStatus, Finding } from '../checks/types.js';
import { isDecisionEvent, type DecisionEvent, type DecisionStatus } from '../src/model.js';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../src/risk.js';
import { STATE_WORDS, isOverride } from '../src/states.js';
import { displayName } from './names.js';
import { VERDICT_LABELS, type PackModel, type RecommendationRow, type RiskCard, type ScheduleItem } from './report.js';
import { uuidV5 } from './uuid.js';

export const OSCAL_VERSION = '1.2.1';
export const ASSAY_NS = 'urn:assay:oscal';
/**
 * FedRAMP's published extension namespace. Its `impacted-control-id` prop on a risk is how
 * FedRAMP-style POA&M tools find the control a risk affects, so the 800-53 ids go out that way too.
 */
const FEDRAMP_NS = 'https://fedramp.gov/ns/oscal';

type Json = Record<string, unknown>;

export function controlId(recId: string): string {
  return `cis-aws-${recId}`;
}

/** An 800-53 id in the form of NIST's OSCAL catalog: `IA-2(1)` → `ia-2.1`. */
function catalogControlId(id: string): string {
  return id.toLowerCase().replace(/\((\d+)\)/g, '.$1');
}

/** OSCAL strings may not be empty, span lines or start/end with spaces. */
function line(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat === '' ? '-' : flat;
}

function prop(name: string, value: string | number | undefined): Json[] {
  if (value === undefined || String(value).trim() === '') return [];
  return [{ name, ns: ASSAY_NS, value: line(String(value)) }];
}

/** End of the given day in UTC, as OSCAL's date-time with a time zone. */
function endOfDay(isoDay: string): string {
  return `${isoDay}T23:59:59Z`;
}

class Ids {
  private readonly base: string;
  constructor(model: PackModel) {
    const a = model.data.assessment;
    this.base = `assay/${a.account}/${a.id}/${a.createdAt}`;
  }
  of(...parts: (string | number)[]): string {
    return uuidV5([this.base, ...parts].join('/'));
  }
}

/** What every part of a document needs to name things and link to them. */
interface Context {
  model: PackModel;
  ids: Ids;
  toolUuid: string;
  partyUuid: (name: string) => string;
}

/**
 * The NIST ids a recommendation maps to, one prop per 800-171 r2 requirement and 800-53 r5
 * control, each framework grouped with a prop naming the mapping's source. Props, not more
 * targets: a finding has one target (the CIS recommendation), and without an imported catalog of
 * the mapped framework a GRC import reads the ids from props. The ids come from the catalogue's
 * `preferredNist`, the same ones the risk cards, the TUI and `assay catalog` show.
 */
function mappingProps(recId: string): Json[] {
  const nist = preferredNist(mappingsFor(recId));
  const frameworks: [string, ChosenMapping][] = [
    ['nist-sp800-171r2', nist.nist171],
    ['nist-sp800-53r5', nist.nist53],
  ];
  return frameworks.flatMap(([group, { ids, source }]) => [
    ...ids.map((id) => ({ name: group, ns: ASSAY_NS, value: id, group })),
    { name: `${group}-source`, ns: ASSAY_NS, value: line(source ?? 'none: no source maps this recommendation'), group },
  ]);
}

function impactedControlProps(recId: string): Json[] {
  return preferredNist(mappingsFor(recId)).nist53.ids.map((id) => ({ name: 'impacted-control-id', ns: FEDRAMP_NS, value: catalogControlId(id) }));
}

const MAPPING_REMARK =
  'The NIST SP 800-171 r2 and 800-53 r5 ids on findings, risks and POA&M items are informative tool-vendor mappings of the CIS recommendations (each with its source), not an authoritative CIS or NIST crosswalk.';

function parties(model: PackModel, ids: Ids): { parties: Json[]; partyUuid: (name: string) => string } {
  const names = new Set<string>(model.assessors);
  for (const card of model.riskCards) {
    if (card.owner) names.add(card.owner);
    if (card.exception?.approver) names.add(card.exception.approver);
  }
  const partyUuid = (name: string): string => ids.of('party', name);
  return { parties: [...names].map((name) => ({ uuid: partyUuid(name), type: 'person', name: line(name) })), partyUuid };
}

/** "(draft — 22 of 63 decided)" while any recommendation is undecided; nothing once all are decided. */
function draftSuffix(model: PackModel): string {
  const { label } = model.summary.progress;
  return label ? ` (${label})` : '';
}

function metadata(model: PackModel, ids: Ids, title: string): { metadata: Json; partyUuid: (name: string) => string } {
  const { parties: list, partyUuid } = parties(model, ids);
  const roles = [
    { id: 'assessor', title: 'Assessor' },
    { id: 'approver', title: 'Exception approver' },
    { id: 'risk-owner', title: 'Risk owner' },
  ];
  const approvers = [...new Set(model.riskCards.flatMap((c) => (c.exception?.approver ? [c.exception.approver] : [])))];
  const owners = [...new Set(model.riskCards.flatMap((c) => (c.owner ? [c.owner] : [])))];
  const responsibleParties = (
    [
      ['assessor', model.assessors],
      ['approver', approvers],
      ['risk-owner', owners],
    ] as const
  )
    .filter(([, names]) => names.length > 0)
    .map(([role, names]) => ({ 'role-id': role, 'party-uuids': names.map(partyUuid) }));
  const progress = model.summary.progress;
  const state = progress.draft
    ? `Draft: ${progress.decided} of ${progress.total} recommendations are decided by an assessor; the other ${progress.total - progress.decided} are undecided, and what this document says of them comes from the automated checks and the catalogue's default ratings alone.`
    : `Final: all ${progress.total} recommendations are decided by an assessor.`;
  return {
    partyUuid,
    metadata: {
      title: line(`${title}${draftSuffix(model)}`),
      'last-modified': model.data.asOf,
      version: `assessment-${model.data.assessment.id}-rev-${model.data.history.length}`,
      'oscal-version': OSCAL_VERSION,
      props: [
        ...prop('assessment-id', model.data.assessment.id),
        ...prop('aws-account', model.data.assessment.account),
        ...prop('tool', `${model.data.tool.name} ${model.data.tool.version}`),
        ...prop('assessment-state', progress.draft ? 'draft' : 'final'),
        ...prop('decided', `${progress.decided} of ${progress.total}`),
      ],
      roles,
      ...(list.length > 0 ? { parties: list } : {}),
      ...(responsibleParties.length > 0 ? { 'responsible-parties': responsibleParties } : {}),
      remarks: `${state}\n\n${MAPPING_REMARK}`,
    },
  };
}

function backMatter(model: PackModel, ids: Ids): Json {
  return {
    resources: [
      {
        uuid: ids.of('resource', 'assessment-plan'),
        title: line(`${model.benchmark.name} v${model.benchmark.version}: every recommendation, assessed with ${model.data.tool.name}`),
        description:
          `The plan of this assessment: all ${model.rows.length} recommendations of the ${model.benchmark.name} v${model.benchmark.version}, each evaluated ` +
          'from a snapshot of the account\'s AWS API data and decided by an assessor. No separate OSCAL assessment plan exists; the full record is assessment.json in the same pack.',
        rlinks: [{ href: '../assessment.json', 'media-type': 'application/json' }],
      },
      ...model.attachments.map((a) => ({
        uuid: ids.of('resource', 'attachment', a.record.id),
        title: line(displayName(a.record.name)),
        ...(a.record.note ? { description: a.record.note } : {}),
        props: [...prop('recommendation', a.record.recId), ...prop('added-by', a.record.addedBy)],
        rlinks: [{ href: `../${a.entry}`, 'media-type': line(a.record.mediaType), hashes: [{ algorithm: 'SHA-256', value: a.record.sha256 }] }],
      })),
    ],
  };
}

function inventoryItemUuid(finding: Finding, ids: Ids): string {
  // The region comes first: it never holds a '/', while a resource (an ARN) may.
  return ids.of('inventory-item', finding.region, finding.resource);
}

/** One inventory item per AWS resource the rows' automated results name, so observations can reference them. */
function inventoryItems(rows: readonly RecommendationRow[], ctx: Context): Json[] {
  const items = new Map<string, Json>();
  const account = ctx.model.data.assessment.account || 'unknown';
  for (const finding of rows.flatMap((row) => row.automated?.findings ?? [])) {
    const uuid = inventoryItemUuid(finding, ctx.ids);
    if (items.has(uuid)) continue;
    items.set(uuid, {
      uuid,
      description: `AWS resource ${finding.resource || '(unnamed)'} in ${finding.region}, account ${account}.`,
      props: [{ name: 'asset-id', value: line(finding.resource) }, ...prop('aws-region', finding.region), ...prop('aws-account', account)],
    });
  }
  return [...items.values()];
}

/** The resources a result names, as observation subjects; a resource that failed anywhere in it is `fail`. */
function subjects(findings: readonly Finding[], ids: Ids): Json[] {
  const byUuid = new Map<string, Finding>();
  for (const finding of findings) {
    const uuid = inventoryItemUuid(finding, ids);
    const seen = byUuid.get(uuid);
    if (!seen || (finding.status === 'fail' && seen.status !== 'fail')) byUuid.set(uuid, finding);
  }
  return [...byUuid].map(([uuid, finding]) => ({
    'subject-uuid': uuid,
    type: 'inventory-item',
    title: line(`${finding.resource} (${finding.region})`),
    props: prop('result', finding.status),
  }));
}

/**
 * The automated result a decision contradicts: as recorded when it was made, else judged against
 * the current result (decisions recorded before the override was stored).
 */
function overriddenResult(row: RecommendationRow): CheckStatus | undefined {
  const d = row.decision;
  if (!d) return undefined;
  if (d.overrides) return d.overrides;
  const automated = row.automated?.status;
  return automated && isOverride(d.status, automated) ? automated : undefined;
}

function overrideSentence(row: RecommendationRow): string | undefined {
  const overridden = overriddenResult(row);
  if (!overridden || !row.decision) return undefined;
  return `The assessor's decision (${STATE_WORDS[row.decision.status]}, by ${row.decision.decidedBy}) overrides the automated result (${overridden}).`;
}

function automatedObservation(row: RecommendationRow, ctx: Context): Json | undefined {
  const result = row.automated;
  if (!result) return undefined;
  const lines = result.findings.map((f) => `- ${f.status.toUpperCase()} ${f.resource} (${f.region}): ${f.detail}`);
  const observed = subjects(result.findings, ctx.ids);
  const a = ctx.model.data.assessment;
  return {
    uuid: ctx.ids.of('observation', row.rec.id, 'automated'),
    title: line(`${row.rec.id} automated check: ${result.status}`),
    description: `Result of the ${result.source === 'assay' ? 'Assay check' : `${result.source} import`} for ${row.rec.id}: ${result.status}.\n\n${lines.join('\n') || '(no findings recorded)'}`,
    props: [...prop('result', result.status), ...prop('source', result.source)],
    methods: [row.rec.assessment === 'automated' ? 'TEST' : 'EXAMINE'],
    types: ['finding'],
    origins: [{ actors: [{ type: 'tool', 'actor-uuid': ctx.toolUuid }] }],
    ...(observed.length > 0 ? { subjects: observed } : {}),
    ...(row.attachments.length > 0
      ? { 'relevant-evidence': row.attachments.map((att) => ({ href: `../${att.entry}`, description: `${displayName(att.record.name)} (SHA-256 ${att.record.sha256})` })) }
      : {}),
    collected: new Date(a.snapshotCollectedAt ?? a.createdAt).toISOString(),
  };
}

function decisionObservation(row: RecommendationRow, ctx: Context): Json | undefined {
  const d = row.decision;
  if (!d) return undefined;
  const override = overrideSentence(row);
  return {
    uuid: ctx.ids.of('observation', row.rec.id, 'decision'),
    title: line(`${row.rec.id} assessor decision: ${STATE_WORDS[d.status]}${override ? ' (overrides the automated result)' : ''}`),
    description: `${override ? `${override}\n\n` : ''}${d.justification || `Decided ${STATE_WORDS[d.status]} without a justification.`}`,
    props: [
      ...prop('decision', d.status),
      ...prop('effective-status', row.effective),
      ...prop('overrides-automated-result', overriddenResult(row)),
      ...(d.carriedFrom ? prop('carried-from-assessment', d.carriedFrom.assessmentId) : []),
    ],
    methods: ['EXAMINE'],
    types: ['finding'],
    origins: [{ actors: [{ type: 'party', 'actor-uuid': ctx.partyUuid(d.decidedBy), 'role-id': 'assessor' }] }],
    collected: new Date(d.decidedAt).toISOString(),
  };
}

function observationsFor(rows: readonly RecommendationRow[], ctx: Context): Json[] {
  return rows.flatMap((row) => [automatedObservation(row, ctx), decisionObservation(row, ctx)].filter((o): o is Json => o !== undefined));
}

function observationRefs(row: RecommendationRow, ids: Ids): Json[] {
  return [
    ...(row.automated ? [{ 'observation-uuid': ids.of('observation', row.rec.id, 'automated') }] : []),
    ...(row.decision ? [{ 'observation-uuid': ids.of('observation', row.rec.id, 'decision') }] : []),
  ];
}

function riskStatus(card: RiskCard): string {
  if (card.exception && card.exception.state !== 'expired') return 'deviation-approved';
  return card.decided ? 'open' : 'investigating';
}

/** The risk's status once a decision is recorded: an exception is an approved deviation, a pass or N/A closes it. */
const RISK_STATUS_AFTER: Record<DecisionStatus, string> = {
  fail: 'open',
  exception: 'deviation-approved',
  pass: 'closed',
  not_applicable: 'closed',
  undecided: 'investigating',
};

/**
 * OSCAL's risk-log entry types: an approved deviation (or a change to one already approved, such
 * as a new expiry), a closure, or any other status update.
 */
function logEntryType(event: DecisionEvent): string {
  if (event.after.status === 'exception') return event.before?.status === 'exception' ? 'dr-updated' : 'dr-approved';
  return RISK_STATUS_AFTER[event.after.status] === 'closed' ? 'closed' : 'status-update';
}

/**
 * One risk-log entry per decision recorded on the recommendation (status, rating, due date, owner,
 * approver changes), with who and when; the words are the report's, so both say the same. An
 * expired exception adds the moment it ran out, which is why the risk is open again.
 */
function riskLog(card: RiskCard, row: RecommendationRow, ctx: Context): Json[] {
  const words = new Map(row.history.filter((h) => h.kind === 'decision').map((h) => [h.seq, h.changes]));
  const remediation = [{ 'response-uuid': ctx.ids.of('remediation', card.recId) }];
  const events = ctx.model.data.history.filter((e): e is DecisionEvent => isDecisionEvent(e) && e.recId === card.recId);
  const entries: Json[] = events.map((e) => {
    const at = new Date(e.at).toISOString();
    const changes = words.get(e.seq) ?? [`status: ${STATE_WORDS[e.after.status]}`];
    return {
      uuid: ctx.ids.of('risk-log', card.recId, e.seq),
      title: line(`${e.before ? 'Changed' : 'Decided'} by ${e.actor || 'nobody recorded'}: ${changes.join('; ')}`),
      description: `${changes.map((c) => `- ${c}`).join('\n')}${e.after.justification ? `\n\nJustification: ${e.after.justification}` : ''}`,
      start: at,
      end: at,
      props: [
        { name: 'type', value: logEntryType(e) },
        ...prop('history-seq', e.seq),
        ...prop('decision', e.after.status),
        ...prop('risk-level', e.after.riskLevel),
        ...prop('due-date', e.after.dueDate),
        ...prop('owner', e.after.owner),
        ...(e.after.status === 'exception' ? [...prop('exception-approver', e.after.approver), ...prop('exception-expires', e.after.expiresAt)] : []),
      ],
      ...(e.actor ? { 'logged-by': [{ 'party-uuid': ctx.partyUuid(e.actor), 'role-id': 'assessor' }] } : {}),
      'status-change': RISK_STATUS_AFTER[e.after.status],
      'related-responses': remediation,
    };
  });
  if (card.exception?.state === 'expired') {
    entries.push({
      uuid: ctx.ids.of('risk-log', card.recId, 'expired', card.exception.expiresAt),
      title: line(`Exception expired on ${card.exception.expiresAt}: ${STATE_WORDS.needs_review}`),
      description: `The exception approved by ${card.exception.approver || 'nobody recorded'} ran out, so the risk needs review: it stands as a finding again until an assessor decides anew.`,
      start: endOfDay(card.exception.expiresAt),
      props: [{ name: 'type', value: 'status-update' }],
      'status-change': 'open',
      'related-responses': remediation,
    });
  }
  return entries;
}

/** Who planned the response: the approver of an exception, the assessor who chose the mitigation, else the tool's catalogue. */
function responseOrigin(card: RiskCard, ctx: Context): Json {
  if (card.exception?.approver) return { type: 'party', 'actor-uuid': ctx.partyUuid(card.exception.approver), 'role-id': 'approver' };
  if (card.mitigationBasis !== 'catalogue default' && card.decidedBy) return { type: 'party', 'actor-uuid': ctx.partyUuid(card.decidedBy), 'role-id': 'assessor' };
  return { type: 'tool', 'actor-uuid': ctx.toolUuid };
}

/** The owner answers for the milestone; for an exception, the approver answers for its review too. */
function responsibleRoles(card: RiskCard, ctx: Context): Json[] {
  return [
    ...(card.owner ? [{ 'role-id': 'risk-owner', 'party-uuids': [ctx.partyUuid(card.owner)] }] : []),
    ...(card.exception?.approver ? [{ 'role-id': 'approver', 'party-uuids': [ctx.partyUuid(card.exception.approver)] }] : []),
  ];
}

function risk(card: RiskCard, row: RecommendationRow, ctx: Context): Json {
  const rater =
    card.ratingBasis === 'assessor' && card.decidedBy
      ? { type: 'party', 'actor-uuid': ctx.partyUuid(card.decidedBy), 'role-id': 'assessor' }
      : { type: 'tool', 'actor-uuid': ctx.toolUuid };
  const affected = card.affected.map((f) => `- ${f.resource} (${f.region}): ${f.detail}`).join('\n');
  const observations = observationRefs(row, ctx.ids);
  const log = riskLog(card, row, ctx);
  const roles = responsibleRoles(card, ctx);
  const exception = card.exception;
  return {
    uuid: ctx.ids.of('risk', card.recId),
    title: line(`${card.recId} ${card.title}`),
    description: card.risk,
    statement:
      `${card.kind === 'exception' ? `Accepted as an exception by ${exception?.approver || 'nobody recorded'} until ${exception?.expiresAt ?? '?'}` : 'Failed'}: ${card.recId}.\n\n` +
      `${affected || 'No resources recorded; see the assessor\'s justification.'}${card.justification ? `\n\nJustification: ${card.justification}` : ''}`,
    props: [
      ...impactedControlProps(card.recId),
      ...mappingProps(card.recId),
      ...prop('risk-level', card.riskLevel),
      ...prop('risk-score', card.score),
      ...prop('rating-basis', card.ratingBasis),
      ...prop('verdict', VERDICT_LABELS[card.verdict]),
      ...prop('owner', card.owner),
      ...prop('window-rule', card.windowRule),
      ...(exception ? [...prop('exception-approver', exception.approver), ...prop('exception-expires', exception.expiresAt), ...prop('exception-state', exception.state)] : []),
    ],
    status: riskStatus(card),
    characterizations: [
      {
        origin: { actors: [rater] },
        facets: [
          { name: 'likelihood', system: ASSAY_NS, value: `${card.likelihood} ${LIKELIHOOD_LABELS[card.likelihood - 1]}` },
          { name: 'impact', system: ASSAY_NS, value: `${card.impact} ${IMPACT_LABELS[card.impact - 1]}` },
          { name: 'risk', system: ASSAY_NS, value: card.riskLevel },
        ],
      },
    ],
    deadline: endOfDay(card.dueDate),
    remediations: [
      {
        uuid: ctx.ids.of('remediation', card.recId),
        lifecycle: card.mitigationBasis === 'catalogue default' ? 'recommendation' : 'planned',
        title: line(`${card.mitigation}: ${card.mitigationMeaning}`),
        description: `${card.mitigationWhy}\n\n${card.remediation.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
        props: [...prop('mitigation-type', card.mitigation)],
        origins: [{ actors: [responseOrigin(card, ctx)] }],
        tasks: [
          {
            uuid: ctx.ids.of('task', card.recId, 'due'),
            type: 'milestone',
            title: line(card.kind === 'exception' ? `Review the exception on ${card.recId} by ${card.dueDate}` : `Resolve ${card.recId} by ${card.dueDate}`),
            description: card.dueBasis,
            timing: { 'on-date': { date: endOfDay(card.dueDate) } },
            ...(roles.length > 0 ? { 'responsible-roles': roles } : {}),
          },
        ],
      },
    ],
    ...(log.length > 0 ? { 'risk-log': { entries: log } } : {}),
    ...(observations.length > 0 ? { 'related-observations': observations } : {}),
  };
}

function finding(row: RecommendationRow, ids: Ids, hasRisk: boolean): Json | undefined {
  if (row.verdict === 'not_assessed') return undefined;
  const satisfied = row.verdict === 'pass' || row.verdict === 'not_applicable';
  const reason = row.verdict === 'pass' ? 'pass' : row.verdict === 'fail' ? 'fail' : 'other';
  const observations = observationRefs(row, ids);
  const override = overrideSentence(row);
  return {
    uuid: ids.of('finding', row.rec.id),
    title: line(`${row.rec.id} ${row.rec.title}`),
    description:
      `${VERDICT_LABELS[row.verdict]}${row.decision ? ` (assessor decision: ${STATE_WORDS[row.decision.status]})` : ' (automated result; no assessor decision)'}.` +
      (override ? `\n\n${override}${row.decision?.justification ? ` Justification: ${row.decision.justification}` : ''}` : ''),
    props: [
      ...prop('verdict', row.verdict),
      ...prop('profile-level', row.rec.level),
      ...prop('overrides-automated-result', overriddenResult(row)),
      ...mappingProps(row.rec.id),
    ],
    target: {
      type: 'objective-id',
      'target-id': controlId(row.rec.id),
      status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason, ...(override ? { remarks: override } : {}) },
    },
    ...(observations.length > 0 ? { 'related-observations': observations } : {}),
    ...(hasRisk ? { 'related-risks': [{ 'risk-uuid': ids.of('risk', row.rec.id) }] } : {}),
  };
}

function tool(model: PackModel, ids: Ids): { component: Json; uuid: string } {
  const uuid = ids.of('component', 'tool');
  return {
    uuid,
    component: {
      uuid,
      type: 'software',
      title: line(`${model.data.tool.name} ${model.data.tool.version}`),
      description: `Evaluates a snapshot of AWS API data against the ${model.benchmark.name} v${model.benchmark.version} and records assessor decisions in a hash-chained history.`,
      status: { state: 'operational' },
    },
  };
}

/**
 * The local definitions both documents share: the resources observed, and the tool as an
 * assessment asset. The tool is defined there only: an origin's `tool` actor names a component
 * of the assessment assets, and a UUID is defined once per document.
 */
function localDefinitions(rows: readonly RecommendationRow[], ctx: Context, t: { component: Json; uuid: string }): Json {
  const items = inventoryItems(rows, ctx);
  return {
    ...(items.length > 0 ? { 'inventory-items': items } : {}),
    'assessment-assets': {
      components: [t.component],
      'assessment-platforms': [{ uuid: ctx.ids.of('platform'), title: line(t.component.title as string), 'uses-components': [{ 'component-uuid': t.uuid }] }],
    },
  };
}

function context(model: PackModel, title: string): { ctx: Context; meta: Json; t: { component: Json; uuid: string } } {
  const ids = new Ids(model);
  const { metadata: meta, partyUuid } = metadata(model, ids, title);
  const t = tool(model, ids);
  return { ctx: { model, ids, toolUuid: t.uuid, partyUuid }, meta, t };
}

function rowOf(model: PackModel, recId: string): RecommendationRow {
  const row = model.rows.find((r) => r.rec.id === recId);
  if (!row) throw new Error(`no recommendation ${recId} in the pack model`);
  return row;
}

export function assessmentResults(model: PackModel): Json {
  const a = model.data.assessment;
  const { ctx, meta, t } = context(model, `CIS AWS Foundations v${model.benchmark.version} assessment results: ${a.name}`);
  const { ids } = ctx;
  const cards = new Set(model.riskCards.map((c) => c.recId));
  const observations = observationsFor(model.rows, ctx);
  const risks = model.riskCards.map((card) => risk(card, rowOf(model, card.recId), ctx));
  const findings = model.rows.map((row) => finding(row, ids, cards.has(row.rec.id))).filter((f): f is Json => f !== undefined);
  // Evidence collection starts with the snapshot when it was taken before the assessment was made.
  const start = new Date(Math.min(Date.parse(a.createdAt), Date.parse(a.snapshotCollectedAt ?? a.createdAt))).toISOString();
  const score = model.summary.overall.score;
  return {
    'assessment-results': {
      uuid: ids.of('assessment-results'),
      metadata: meta,
      'import-ap': {
        href: `#${ids.of('resource', 'assessment-plan')}`,
        remarks: 'The plan is described in back-matter: every recommendation of the benchmark, evaluated and decided.',
      },
      results: [
        {
          uuid: ids.of('result'),
          title: line(`${a.name}: AWS account ${a.account || 'unknown'}${draftSuffix(model)}`),
          description:
            `Assessment ${a.id} of AWS account ${a.account || 'unknown'} (regions: ${a.regions.join(', ') || 'none recorded'}) against the ${model.benchmark.name} v${model.benchmark.version}. ` +
            `Compliance score ${score === undefined ? 'n/a' : `${score.toFixed(1)}%`} (${model.summary.overall.pass} of ${model.summary.overall.inScope} in scope pass). ` +
            `${model.summary.progress.decided} of ${model.summary.progress.total} recommendations decided by an assessor.`,
          start,
          end: model.data.asOf,
          props: [...prop('compliance-score', score === undefined ? undefined : score.toFixed(1)), ...prop('data-source', a.source)],
          'local-definitions': localDefinitions(model.rows, ctx, t),
          'reviewed-controls': {
            'control-selections': [{ 'include-controls': model.rows.map((row) => ({ 'control-id': controlId(row.rec.id) })) }],
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(risks.length > 0 ? { risks } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
      'back-matter': backMatter(model, ids),
    },
  };
}

function poamItem(item: ScheduleItem, row: RecommendationRow, ctx: Context): Json {
  const { ids } = ctx;
  const observations = observationRefs(row, ids);
  const decidedBy = row.decision?.decidedBy;
  return {
    uuid: ids.of('poam-item', item.recId),
    title: line(`${item.recId} ${item.title}`),
    description: `${item.kind === 'exception' ? 'Accepted risk (exception)' : 'Failure'} of severity ${item.severity}, due ${item.dueDate} (${item.windowRule}; ${item.dueBasis}).${item.expiresAt ? ` The exception expires ${item.expiresAt}.` : ''}`,
    props: [
      ...mappingProps(item.recId),
      ...prop('severity', item.severity),
      ...prop('due-date', item.dueDate),
      ...prop('owner', item.owner),
      ...prop('mitigation-type', item.mitigation),
      ...prop('window-rule', item.windowRule),
      ...prop('state', item.state),
    ],
    origins: [{ actors: [decidedBy ? { type: 'party', 'actor-uuid': ctx.partyUuid(decidedBy), 'role-id': 'assessor' } : { type: 'tool', 'actor-uuid': ctx.toolUuid }] }],
    'related-findings': [{ 'finding-uuid': ids.of('finding', item.recId) }],
    ...(observations.length > 0 ? { 'related-observations': observations } : {}),
    'related-risks': [{ 'risk-uuid': ids.of('risk', item.recId) }],
  };
}

export function poam(model: PackModel): Json {
  const a = model.data.assessment;
  const { ctx, meta, t } = context(model, `CIS AWS Foundations v${model.benchmark.version} plan of action and milestones: ${a.name}`);
  const { ids } = ctx;
  const openIds = new Set(model.schedule.map((s) => s.recId));
  const rows = model.rows.filter((r) => openIds.has(r.rec.id));
  const observations = observationsFor(rows, ctx);
  const risks = model.riskCards.filter((c) => openIds.has(c.recId)).map((card) => risk(card, rowOf(model, card.recId), ctx));
  const findings = rows.map((row) => finding(row, ids, true)).filter((f): f is Json => f !== undefined);
  // The schema requires at least one item; an assessment with nothing open says so in one.
  const items =
    model.schedule.length > 0
      ? model.schedule.map((item) => poamItem(item, rowOf(model, item.recId), ctx))
      : [
          {
            uuid: ids.of('poam-item', 'none-open'),
            title: 'No open items',
            description: `As of ${model.data.asOf} no recommendation is failed or excepted, so nothing needs a plan of action.`,
            props: prop('state', 'closed'),
          },
        ];
  return {
    'plan-of-action-and-milestones': {
      uuid: ids.of('poam'),
      metadata: meta,
      'system-id': { 'identifier-type': 'urn:assay:aws-account', id: a.account || 'unknown' },
      'local-definitions': localDefinitions(rows, ctx, t),
      ...(observations.length > 0 ? { observations } : {}),
      ...(risks.length > 0 ? { risks } : {}),
      ...(findings.length > 0 ? { findings } : {}),
      'poam-items': items,
      'back-matter': backMatter(model, ids),
    },
  };
}
