/**
 * NIST OSCAL 1.2.1 Assessment Results and POA&M documents for the pack. UUIDs are version-5,
 * derived from the assessment (account, id, creation time) and the item they name, so the same
 * assessment always yields the same documents. Controls are named `cis-aws-<id>`; Assay's own
 * property and facet names live in the `urn:assay:oscal` namespace.
 */
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../src/risk.js';
import { displayName } from './names.js';
import { VERDICT_LABELS, type PackModel, type RecommendationRow, type RiskCard, type ScheduleItem } from './report.js';
import { uuidV5 } from './uuid.js';

export const OSCAL_VERSION = '1.2.1';
export const ASSAY_NS = 'urn:assay:oscal';

type Json = Record<string, unknown>;

export function controlId(recId: string): string {
  return `cis-aws-${recId}`;
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

function parties(model: PackModel, ids: Ids): { parties: Json[]; partyUuid: (name: string) => string } {
  const names = new Set<string>(model.assessors);
  for (const card of model.riskCards) {
    if (card.owner) names.add(card.owner);
    if (card.exception?.approver) names.add(card.exception.approver);
  }
  const partyUuid = (name: string): string => ids.of('party', name);
  return { parties: [...names].map((name) => ({ uuid: partyUuid(name), type: 'person', name: line(name) })), partyUuid };
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
  return {
    partyUuid,
    metadata: {
      title: line(title),
      'last-modified': model.data.asOf,
      version: `assessment-${model.data.assessment.id}-rev-${model.data.history.length}`,
      'oscal-version': OSCAL_VERSION,
      props: [...prop('assessment-id', model.data.assessment.id), ...prop('aws-account', model.data.assessment.account), ...prop('tool', `${model.data.tool.name} ${model.data.tool.version}`)],
      roles,
      ...(list.length > 0 ? { parties: list } : {}),
      ...(responsibleParties.length > 0 ? { 'responsible-parties': responsibleParties } : {}),
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

function automatedObservation(row: RecommendationRow, model: PackModel, ids: Ids, toolUuid: string): Json | undefined {
  const result = row.automated;
  if (!result) return undefined;
  const lines = result.findings.map((f) => `- ${f.status.toUpperCase()} ${f.resource} (${f.region}): ${f.detail}`);
  return {
    uuid: ids.of('observation', row.rec.id, 'automated'),
    title: line(`${row.rec.id} automated check: ${result.status}`),
    description: `Result of the ${result.source === 'assay' ? 'Assay check' : `${result.source} import`} for ${row.rec.id}: ${result.status}.\n\n${lines.join('\n') || '(no findings recorded)'}`,
    props: [...prop('result', result.status), ...prop('source', result.source)],
    methods: [row.rec.assessment === 'automated' ? 'TEST' : 'EXAMINE'],
    types: ['finding'],
    origins: [{ actors: [{ type: 'tool', 'actor-uuid': toolUuid }] }],
    ...(row.attachments.length > 0
      ? { 'relevant-evidence': row.attachments.map((a) => ({ href: `../${a.entry}`, description: `${displayName(a.record.name)} (SHA-256 ${a.record.sha256})` })) }
      : {}),
    collected: new Date(model.data.assessment.snapshotCollectedAt ?? model.data.assessment.createdAt).toISOString(),
  };
}

function decisionObservation(row: RecommendationRow, ids: Ids, partyUuid: (name: string) => string): Json | undefined {
  const d = row.decision;
  if (!d) return undefined;
  return {
    uuid: ids.of('observation', row.rec.id, 'decision'),
    title: line(`${row.rec.id} assessor decision: ${d.status}`),
    description: d.justification || `Decided ${d.status} without a justification.`,
    props: [
      ...prop('decision', d.status),
      ...prop('effective-status', row.effective),
      ...(d.carriedFrom ? prop('carried-from-assessment', d.carriedFrom.assessmentId) : []),
    ],
    methods: ['EXAMINE'],
    types: ['finding'],
    origins: [{ actors: [{ type: 'party', 'actor-uuid': partyUuid(d.decidedBy), 'role-id': 'assessor' }] }],
    collected: new Date(d.decidedAt).toISOString(),
  };
}

function observationsFor(rows: readonly RecommendationRow[], model: PackModel, ids: Ids, toolUuid: string, partyUuid: (name: string) => string): Json[] {
  return rows.flatMap((row) => [automatedObservation(row, model, ids, toolUuid), decisionObservation(row, ids, partyUuid)].filter((o): o is Json => o !== undefined));
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

function risk(card: RiskCard, row: RecommendationRow, ids: Ids, toolUuid: string, partyUuid: (name: string) => string): Json {
  const rater =
    card.ratingBasis === 'assessor' && card.decidedBy
      ? { type: 'party', 'actor-uuid': partyUuid(card.decidedBy), 'role-id': 'assessor' }
      : { type: 'tool', 'actor-uuid': toolUuid };
  const affected = card.affected.map((f) => `- ${f.resource} (${f.region}): ${f.detail}`).join('\n');
  const observations = observationRefs(row, ids);
  return {
    uuid: ids.of('risk', card.recId),
    title: line(`${card.recId} ${card.title}`),
    description: card.risk,
    statement: `${card.kind === 'exception' ? 'Accepted as an exception' : 'Failed'}: ${card.recId}.\n\n${affected || 'No resources recorded; see the assessor\'s justification.'}${card.justification ? `\n\nJustification: ${card.justification}` : ''}`,
    props: [
      ...prop('risk-level', card.riskLevel),
      ...prop('risk-score', card.score),
      ...prop('verdict', VERDICT_LABELS[card.verdict]),
      ...prop('owner', card.owner),
      ...prop('window-rule', card.windowRule),
      ...(card.exception ? [...prop('exception-approver', card.exception.approver), ...prop('exception-expires', card.exception.expiresAt), ...prop('exception-state', card.exception.state)] : []),
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
        uuid: ids.of('remediation', card.recId),
        lifecycle: card.mitigationBasis === 'assessor' ? 'planned' : 'recommendation',
        title: line(`${card.mitigation}: ${card.mitigationMeaning}`),
        description: `${card.mitigationWhy}\n\n${card.remediation.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
        props: [...prop('mitigation-type', card.mitigation)],
        tasks: [
          {
            uuid: ids.of('task', card.recId, 'due'),
            type: 'milestone',
            title: line(`Resolve ${card.recId} by ${card.dueDate}`),
            description: card.dueBasis,
            timing: { 'on-date': { date: endOfDay(card.dueDate) } },
          },
        ],
      },
    ],
    ...(observations.length > 0 ? { 'related-observations': observations } : {}),
  };
}

function finding(row: RecommendationRow, ids: Ids, hasRisk: boolean): Json | undefined {
  const satisfied = row.verdict === 'pass' || row.verdict === 'not_applicable';
  if (row.verdict === 'not_assessed') return undefined;
  const reason = row.verdict === 'pass' ? 'pass' : row.verdict === 'fail' ? 'fail' : 'other';
  const observations = observationRefs(row, ids);
  return {
    uuid: ids.of('finding', row.rec.id),
    title: line(`${row.rec.id} ${row.rec.title}`),
    description: `${VERDICT_LABELS[row.verdict]}${row.decision ? ` (assessor decision: ${row.decision.status})` : ' (automated result; no assessor decision)'}.`,
    props: [...prop('verdict', row.verdict), ...prop('profile-level', row.rec.level)],
    target: {
      type: 'objective-id',
      'target-id': controlId(row.rec.id),
      status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason },
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

export function assessmentResults(model: PackModel): Json {
  const ids = new Ids(model);
  const a = model.data.assessment;
  const { metadata: meta, partyUuid } = metadata(model, ids, `CIS AWS Foundations v${model.benchmark.version} assessment results: ${a.name}`);
  const t = tool(model, ids);
  const cards = new Map(model.riskCards.map((c) => [c.recId, c]));
  const observations = observationsFor(model.rows, model, ids, t.uuid, partyUuid);
  const risks = model.riskCards.map((card) => risk(card, model.rows.find((r) => r.rec.id === card.recId)!, ids, t.uuid, partyUuid));
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
          title: line(`${a.name}: AWS account ${a.account || 'unknown'}`),
          description: `Assessment ${a.id} of AWS account ${a.account || 'unknown'} (regions: ${a.regions.join(', ') || 'none recorded'}) against the ${model.benchmark.name} v${model.benchmark.version}. Compliance score ${score === undefined ? 'n/a' : `${score.toFixed(1)}%`} (${model.summary.overall.pass} of ${model.summary.overall.inScope} in scope pass).`,
          start,
          end: model.data.asOf,
          props: [...prop('compliance-score', score === undefined ? undefined : score.toFixed(1)), ...prop('data-source', a.source)],
          'local-definitions': {
            components: [t.component],
            'assessment-assets': { components: [t.component], 'assessment-platforms': [{ uuid: ids.of('platform'), title: line(t.component.title as string), 'uses-components': [{ 'component-uuid': t.uuid }] }] },
          },
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

function poamItem(item: ScheduleItem, ids: Ids, row: RecommendationRow): Json {
  const observations = observationRefs(row, ids);
  return {
    uuid: ids.of('poam-item', item.recId),
    title: line(`${item.recId} ${item.title}`),
    description: `${item.kind === 'exception' ? 'Accepted risk (exception)' : 'Open failure'} of severity ${item.severity}, due ${item.dueDate} (${item.windowRule}; ${item.dueBasis}).${item.expiresAt ? ` The exception expires ${item.expiresAt}.` : ''}`,
    props: [
      ...prop('severity', item.severity),
      ...prop('due-date', item.dueDate),
      ...prop('owner', item.owner),
      ...prop('mitigation-type', item.mitigation),
      ...prop('window-rule', item.windowRule),
      ...prop('state', item.state),
    ],
    'related-findings': [{ 'finding-uuid': ids.of('finding', item.recId) }],
    ...(observations.length > 0 ? { 'related-observations': observations } : {}),
    'related-risks': [{ 'risk-uuid': ids.of('risk', item.recId) }],
  };
}

export function poam(model: PackModel): Json {
  const ids = new Ids(model);
  const a = model.data.assessment;
  const { metadata: meta, partyUuid } = metadata(model, ids, `CIS AWS Foundations v${model.benchmark.version} plan of action and milestones: ${a.name}`);
  const t = tool(model, ids);
  const openIds = new Set(model.schedule.map((s) => s.recId));
  const rows = model.rows.filter((r) => openIds.has(r.rec.id));
  const rowOf = (recId: string): RecommendationRow => rows.find((r) => r.rec.id === recId)!;
  const observations = observationsFor(rows, model, ids, t.uuid, partyUuid);
  const risks = model.riskCards.filter((c) => openIds.has(c.recId)).map((card) => risk(card, rowOf(card.recId), ids, t.uuid, partyUuid));
  const findings = rows.map((row) => finding(row, ids, true)).filter((f): f is Json => f !== undefined);
  // The schema requires at least one item; an assessment with nothing open says so in one.
  const items =
    model.schedule.length > 0
      ? model.schedule.map((item) => poamItem(item, ids, rowOf(item.recId)))
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
      'local-definitions': { components: [t.component] },
      ...(observations.length > 0 ? { observations } : {}),
      ...(risks.length > 0 ? { risks } : {}),
      ...(findings.length > 0 ? { findings } : {}),
      'poam-items': items,
      'back-matter': backMatter(model, ids),
    },
  };
}
