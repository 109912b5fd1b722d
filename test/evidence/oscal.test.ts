/**
 * The OSCAL documents as a CMMC / NIST SP 800-171 reviewer or a GRC import reads them: NIST ids
 * with their source, parties that resolve, resources as subjects, a risk log from the history,
 * exceptions as approved deviations, overrides, draft labels, unique and stable UUIDs.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import type { Assessment, Decision, StoredResult } from '../../src/model.js';
import { exportPack } from '../../evidence/export.js';
import { assessmentResults, poam } from '../../evidence/oscal.js';
import type { PackData } from '../../evidence/pack-data.js';
import { buildPackModel } from '../../evidence/report.js';
import { buildDemoAssessment, readZipEntries, type DemoPack } from './fixture.js';
import { validateAssessmentResults, validatePoam } from './oscal-schemas.js';

type Json = Record<string, unknown>;
interface Prop {
  name: string;
  ns?: string;
  value: string;
  group?: string;
}
interface Party {
  uuid: string;
  name: string;
}
interface Task {
  uuid: string;
  timing: { 'on-date': { date: string } };
  'responsible-roles'?: { 'role-id': string; 'party-uuids': string[] }[];
}
interface LogEntry {
  uuid: string;
  title: string;
  description: string;
  start: string;
  props: Prop[];
  'logged-by'?: { 'party-uuid': string; 'role-id': string }[];
  'status-change'?: string;
  'related-responses'?: { 'response-uuid': string }[];
}
interface Risk {
  uuid: string;
  title: string;
  status: string;
  deadline: string;
  props: Prop[];
  remediations: { uuid: string; origins: { actors: { type: string; 'actor-uuid': string; 'role-id'?: string }[] }[]; tasks: Task[] }[];
  'risk-log'?: { entries: LogEntry[] };
}
interface Subject {
  'subject-uuid': string;
  type: string;
  props?: Prop[];
}
interface Observation {
  uuid: string;
  title: string;
  props: Prop[];
  subjects?: Subject[];
}
interface Finding {
  uuid: string;
  title: string;
  description: string;
  props: Prop[];
  target: { 'target-id': string; status: { state: string; remarks?: string } };
}
interface InventoryItem {
  uuid: string;
  props: Prop[];
}
interface Metadata {
  title: string;
  remarks?: string;
  props: Prop[];
  parties: Party[];
}
interface Result {
  title: string;
  'local-definitions': { components?: unknown[]; 'inventory-items'?: InventoryItem[]; 'assessment-assets': { components: { uuid: string }[] } };
  observations: Observation[];
  risks: Risk[];
  findings: Finding[];
}
interface Ar {
  'assessment-results': { metadata: Metadata; results: Result[] };
}
interface PoamItem {
  uuid: string;
  title: string;
  props: Prop[];
  'related-risks': { 'risk-uuid': string }[];
}
interface Poam {
  'plan-of-action-and-milestones': {
    metadata: Metadata;
    'local-definitions': { 'inventory-items'?: InventoryItem[] };
    observations: Observation[];
    risks: Risk[];
    'poam-items': PoamItem[];
  };
}

const ASSAY_NS = 'urn:assay:oscal';

async function exportDocuments(pack: DemoPack): Promise<{ ar: Ar; poam: Poam }> {
  const path = join(pack.dir, `pack-${Math.random().toString(36).slice(2)}.zip`);
  await exportPack(pack.service, pack.assessmentId, path);
  const entries = await readZipEntries(path);
  const read = <T>(name: string): T => JSON.parse(entries.get(name)!.toString('utf8')) as T;
  return { ar: read<Ar>('oscal/assessment-results.json'), poam: read<Poam>('oscal/poam.json') };
}

const byTitle = <T extends { title: string }>(list: readonly T[], recId: string): T => {
  const found = list.find((item) => item.title.startsWith(`${recId} `));
  if (!found) throw new Error(`nothing titled ${recId} in ${list.map((i) => i.title.split(' ')[0]).join(', ')}`);
  return found;
};
const values = (props: readonly Prop[] | undefined, name: string): string[] => (props ?? []).filter((p) => p.name === name).map((p) => p.value);

/** Every `uuid` member anywhere in a document: the UUIDs it defines (references use other names). */
function definedUuids(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) definedUuids(item, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'uuid' && typeof value === 'string') into.push(value);
      else definedUuids(value, into);
    }
  }
  return into;
}

function duplicates(list: readonly string[]): string[] {
  return [...new Set(list.filter((item, i) => list.indexOf(item) !== i))];
}

/** Every party reference in a document: party-uuids, party actors and logged-by entries. */
function partyReferences(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) partyReferences(item, into);
  else if (node && typeof node === 'object') {
    const object = node as Json;
    if (object.type === 'party' && typeof object['actor-uuid'] === 'string') into.push(object['actor-uuid']);
    if (typeof object['party-uuid'] === 'string') into.push(object['party-uuid']);
    if (Array.isArray(object['party-uuids'])) into.push(...(object['party-uuids'] as string[]));
    for (const value of Object.values(object)) partyReferences(value, into);
  }
  return into;
}

describe('the OSCAL documents of the demo assessment', () => {
  let pack: DemoPack;
  let ar: Ar;
  let doc: Poam;
  let result: Result;
  let overriddenRec: string;

  beforeAll(async () => {
    pack = buildDemoAssessment();
    // A re-rating: 4.4 decided high, then lowered to medium a week later, which moves its due date.
    pack.clock.set('2026-11-27T10:00:00Z');
    pack.service.decide(pack.assessmentId, { recId: '4.4', status: 'fail', justification: 'No alarm for IAM policy changes', likelihood: 3, impact: 3, owner: 'secops' });
    pack.clock.set('2026-12-04T10:00:00Z');
    pack.service.decide(pack.assessmentId, { recId: '4.4', status: 'fail', justification: 'No alarm for IAM policy changes; CloudTrail Lake queries run daily', likelihood: 2, impact: 3, owner: 'secops' });
    // An automated failure the assessor passes anyway.
    const results = pack.service.getResults(pack.assessmentId);
    const decided = new Set(pack.service.getDecisions(pack.assessmentId).map((d) => d.recId));
    overriddenRec = results.find((r) => r.source === 'assay' && r.status === 'fail' && !decided.has(r.recId))!.recId;
    pack.service.decide(pack.assessmentId, { recId: overriddenRec, status: 'pass', justification: 'Compensated by an SCP the snapshot cannot see' });
    // An approved exception whose expiry is extended: a change to the deviation, not a new one.
    pack.service.decide(pack.assessmentId, { recId: '2.11', status: 'exception', justification: 'Break-glass user kept until the freeze is lifted', approver: 'Lee Risk', expiresAt: '2027-01-15', likelihood: 2, impact: 3 });
    ({ ar, poam: doc } = await exportDocuments(pack));
    result = ar['assessment-results'].results[0]!;
  });

  it('validate against the NIST OSCAL 1.2.1 schemas, with a risk log on the re-rated risk', () => {
    expect(validateAssessmentResults(ar), JSON.stringify(validateAssessmentResults.errors)).toBe(true);
    expect(validatePoam(doc), JSON.stringify(validatePoam.errors)).toBe(true);
    expect(byTitle(result.risks, '4.4')['risk-log']?.entries).toHaveLength(2);
  });

  it('carry the NIST SP 800-171 r2 and 800-53 r5 ids of 2.9, with their source, on the finding, the risk and the POA&M item', () => {
    const items = [byTitle(result.findings, '2.9'), byTitle(result.risks, '2.9'), byTitle(doc['plan-of-action-and-milestones']['poam-items'], '2.9')];
    for (const item of items) {
      expect(values(item.props, 'nist-sp800-171r2')).toContain('3.5.3');
      expect(values(item.props, 'nist-sp800-53r5')).toContain('IA-2(1)');
      expect(values(item.props, 'nist-sp800-171r2-source')[0]).toMatch(/steampipe|prowler|security hub/i);
      expect(values(item.props, 'nist-sp800-53r5-source')[0]).toMatch(/security hub/i);
      expect(item.props.filter((p) => p.name.startsWith('nist-')).every((p) => p.ns === ASSAY_NS)).toBe(true);
    }
    // FedRAMP's extension is what POA&M tools read for the control a risk affects, in the catalog's id form.
    expect(byTitle(result.risks, '2.9').props.filter((p) => p.name === 'impacted-control-id' && p.ns === 'https://fedramp.gov/ns/oscal').map((p) => p.value)).toContain('ia-2.1');
    // A recommendation no source maps says so rather than staying silent.
    const unmapped = result.findings.find((f) => f.title.startsWith('2.1 '))!;
    expect(values(unmapped.props, 'nist-sp800-171r2')).toEqual([]);
    expect(values(unmapped.props, 'nist-sp800-171r2-source')[0]).toMatch(/^none/);
  });

  it('name the owner, the approver and the assessors as parties, linked from tasks, response origins and the risk log', () => {
    for (const document of [ar['assessment-results'], doc['plan-of-action-and-milestones']]) {
      const parties = new Map(document.metadata.parties.map((p) => [p.uuid, p.name]));
      const references = partyReferences(document);
      expect(references.length).toBeGreaterThan(0);
      expect(references.filter((uuid) => !parties.has(uuid))).toEqual([]);
    }
    const parties = new Map(ar['assessment-results'].metadata.parties.map((p) => [p.uuid, p.name]));
    const names = (uuids: readonly string[] | undefined): string[] => (uuids ?? []).map((uuid) => parties.get(uuid)!);
    const task = byTitle(result.risks, '2.9').remediations[0]!.tasks[0]!;
    expect(task['responsible-roles']).toEqual([{ 'role-id': 'risk-owner', 'party-uuids': [expect.any(String)] }]);
    expect(names(task['responsible-roles']![0]!['party-uuids'])).toEqual(['iam-team']);
    const exception = byTitle(result.risks, '3.1.2').remediations[0]!;
    const roles = Object.fromEntries(exception.tasks[0]!['responsible-roles']!.map((r) => [r['role-id'], names(r['party-uuids'])]));
    expect(roles).toEqual({ 'risk-owner': ['storage-team'], approver: ['Dana CISO'] });
    expect(exception.origins[0]!.actors[0]).toMatchObject({ type: 'party', 'role-id': 'approver' });
    expect(parties.get(exception.origins[0]!.actors[0]!['actor-uuid'])).toBe('Dana CISO');
  });

  it('reference the affected resources as subjects defined as inventory items', () => {
    for (const [observations, items] of [
      [result.observations, result['local-definitions']['inventory-items']],
      [doc['plan-of-action-and-milestones'].observations, doc['plan-of-action-and-milestones']['local-definitions']['inventory-items']],
    ] as const) {
      const defined = new Map((items ?? []).map((item) => [item.uuid, values(item.props, 'asset-id')[0]]));
      const observation = byTitle(observations, '2.9');
      expect(observation.subjects?.length).toBeGreaterThan(0);
      for (const subject of observation.subjects!) {
        expect(subject.type).toBe('inventory-item');
        expect(defined.has(subject['subject-uuid'])).toBe(true);
      }
    }
    const assetIds = new Map((result['local-definitions']['inventory-items'] ?? []).map((item) => [item.uuid, values(item.props, 'asset-id')[0]]));
    const failed = byTitle(result.observations, '2.9').subjects!.filter((s) => values(s.props, 'result')[0] === 'fail').map((s) => assetIds.get(s['subject-uuid']));
    const report = pack.service.getResults(pack.assessmentId).find((r) => r.recId === '2.9' && r.source === 'assay')!;
    expect(failed.sort()).toEqual([...new Set(report.findings.filter((f) => f.status === 'fail').map((f) => f.resource))].sort());
  });

  it('log each rating, status and due-date change of a risk, with who and when', () => {
    const rerated = byTitle(result.risks, '4.4');
    const entries = rerated['risk-log']!.entries;
    expect(entries.map((e) => e.start)).toEqual(['2026-11-27T10:00:00.000Z', '2026-12-04T10:00:00.000Z']);
    expect(entries.map((e) => values(e.props, 'risk-level')[0])).toEqual(['high', 'medium']);
    const dues = entries.map((e) => values(e.props, 'due-date')[0]!);
    expect(dues[1]! > dues[0]!).toBe(true);
    expect(entries[1]!.description).toContain('medium');
    expect(entries[1]!.description).toContain(dues[1]);
    const party = ar['assessment-results'].metadata.parties.find((p) => p.name === 'ava.auditor')!;
    expect(entries.map((e) => e['logged-by'])).toEqual([
      [{ 'party-uuid': party.uuid, 'role-id': 'assessor' }],
      [{ 'party-uuid': party.uuid, 'role-id': 'assessor' }],
    ]);
    expect(entries.map((e) => e['status-change'])).toEqual(['open', 'open']);
    expect(entries[0]!['related-responses']).toEqual([{ 'response-uuid': rerated.remediations[0]!.uuid }]);
    // The deadline is the current one, the end of the re-rated risk's due day.
    expect(rerated.deadline).toBe(`${dues[1]}T23:59:59Z`);
  });

  it('record exceptions as approved deviations with approver and expiry, and an expired one as open again', () => {
    const accepted = byTitle(result.risks, '3.1.2');
    expect(accepted.status).toBe('deviation-approved');
    expect(accepted.deadline).toBe('2027-05-31T23:59:59Z');
    expect(values(accepted.props, 'exception-approver')).toEqual(['Dana CISO']);
    expect(values(accepted.props, 'exception-expires')).toEqual(['2027-05-31']);
    const approval = accepted['risk-log']!.entries.at(-1)!;
    expect(approval).toMatchObject({ 'status-change': 'deviation-approved' });
    expect(values(approval.props, 'type')).toEqual(['dr-approved']);
    expect(values(approval.props, 'exception-approver')).toEqual(['Dana CISO']);
    const extended = byTitle(result.risks, '2.11')['risk-log']!.entries;
    expect(extended.map((e) => values(e.props, 'type')[0])).toEqual(['dr-approved', 'dr-updated']);
    expect(extended.map((e) => values(e.props, 'exception-expires')[0])).toEqual(['2026-12-10', '2027-01-15']);
    expect(byTitle(result.risks, '2.11').deadline).toBe('2027-01-15T23:59:59Z');
    const expired = byTitle(result.risks, '4.2');
    expect(expired.status).toBe('open');
    expect(expired['risk-log']!.entries.map((e) => e['status-change'])).toEqual(['deviation-approved', 'open']);
    expect(expired['risk-log']!.entries[1]!.start).toBe('2026-11-23T23:59:59Z');
  });

  it('say when the assessor’s decision contradicts the automated result', () => {
    const found = byTitle(result.findings, overriddenRec);
    expect(values(found.props, 'overrides-automated-result')).toEqual(['fail']);
    expect(found.description).toMatch(/overrides the automated result \(fail\)/);
    expect(found.target.status).toMatchObject({ state: 'satisfied', remarks: expect.stringMatching(/overrides/) });
    const decision = result.observations.find((o) => o.title.startsWith(`${overriddenRec} assessor decision`))!;
    expect(decision.title).toMatch(/overrides the automated result/);
    // A decision that agrees with its automated result is not marked.
    expect(values(byTitle(result.findings, '2.9').props, 'overrides-automated-result')).toEqual([]);
  });

  it('define every UUID once per document; the tool component only among the assessment assets', () => {
    expect(duplicates(definedUuids(ar))).toEqual([]);
    expect(duplicates(definedUuids(doc))).toEqual([]);
    expect(result['local-definitions'].components).toBeUndefined();
    expect(result['local-definitions']['assessment-assets'].components).toHaveLength(1);
  });

  it('label themselves as drafts while any recommendation is undecided', () => {
    const decided = pack.service.getDecisions(pack.assessmentId).filter((d) => ['pass', 'fail', 'exception', 'not_applicable'].includes(pack.service.effectiveStatus(d, new Date('2026-12-04T10:00:00Z'))));
    const label = `draft — ${decided.length} of ${CATALOG.length} decided`;
    for (const metadata of [ar['assessment-results'].metadata, doc['plan-of-action-and-milestones'].metadata]) {
      expect(metadata.title).toContain(label);
      expect(values(metadata.props, 'assessment-state')).toEqual(['draft']);
      expect(metadata.remarks).toMatch(/^Draft:/);
    }
    expect(result.title).toContain(label);
  });

  it('keep every UUID across a re-export, and give new ones to new things only', async () => {
    pack.clock.set('2026-12-05T10:00:00Z');
    pack.service.decide(pack.assessmentId, { recId: '4.4', status: 'fail', justification: 'Re-rated again after the alarm went missing twice', likelihood: 3, impact: 4, owner: 'secops' });
    const again = await exportDocuments(pack);
    for (const [before, after] of [
      [ar, again.ar],
      [doc, again.poam],
    ] as const) {
      const old = new Set(definedUuids(before));
      const added = definedUuids(after).filter((uuid) => !old.has(uuid));
      const kept = definedUuids(after).filter((uuid) => old.has(uuid));
      expect(kept).toHaveLength(old.size);
      // The only new thing is the risk-log entry of the new decision on 4.4.
      const risks = 'assessment-results' in after ? after['assessment-results'].results[0]!.risks : after['plan-of-action-and-milestones'].risks;
      expect(added).toEqual([byTitle(risks, '4.4')['risk-log']!.entries.at(-1)!.uuid]);
    }
  });
});

describe('OSCAL of a finished assessment', () => {
  const assessment: Assessment = {
    id: 3,
    name: 'All decided',
    account: '123456789012',
    regions: ['eu-west-1'],
    createdAt: '2026-11-01T08:00:00.000Z',
    createdBy: 'sam',
    source: 'snapshot:test.json',
    snapshotCollectedAt: '2026-11-01T07:00:00Z',
    maxExceptionDays: 365,
  };

  function packData(decisions: Decision[]): PackData {
    return {
      tool: { name: 'assay', version: '9.9.9' },
      asOf: '2026-11-10T00:00:00.000Z',
      asOfBasis: 'given',
      assessment,
      results: CATALOG.map((rec): StoredResult => ({ recId: rec.id, source: 'assay', status: 'pass', findings: [{ resource: `arn:aws:iam::123456789012:thing/${rec.id}`, region: 'global', status: 'pass', detail: 'as found' }] })),
      decisions,
      effective: Object.fromEntries(decisions.map((d) => [d.recId, d.status])),
      history: [],
      evidence: [],
    };
  }
  const decision = (recId: string, status: Decision['status']): Decision => ({ recId, status, justification: 'checked', decidedBy: 'sam', decidedAt: '2026-11-02T09:00:00.000Z' });

  it('is final, not a draft, once all 63 are decided; one undecided makes it a draft again', () => {
    const all = CATALOG.map((rec) => decision(rec.id, 'pass'));
    const final = buildPackModel(packData(all));
    for (const document of [assessmentResults(final)['assessment-results'], poam(final)['plan-of-action-and-milestones']] as { metadata: Metadata }[]) {
      expect(document.metadata.title).not.toMatch(/draft/i);
      expect(values(document.metadata.props, 'assessment-state')).toEqual(['final']);
    }
    // Nothing is open, and the POA&M still validates (the schema wants at least one item).
    const finalPoam = poam(final);
    expect(validatePoam(finalPoam), JSON.stringify(validatePoam.errors)).toBe(true);
    expect(validateAssessmentResults(assessmentResults(final)), JSON.stringify(validateAssessmentResults.errors)).toBe(true);
    const draft = assessmentResults(buildPackModel(packData(all.slice(1)))) as unknown as Ar;
    expect(draft['assessment-results'].metadata.title).toContain(`draft — ${CATALOG.length - 1} of ${CATALOG.length} decided`);
    expect(validateAssessmentResults(draft), JSON.stringify(validateAssessmentResults.errors)).toBe(true);
  });

  it('marks an override recorded with the decision, even where the result has changed since', () => {
    const overriding: Decision = { ...decision('2.7', 'pass'), overrides: 'fail' };
    const ar = assessmentResults(buildPackModel(packData([overriding]))) as unknown as Ar;
    const found = byTitle(ar['assessment-results'].results[0]!.findings, '2.7');
    expect(values(found.props, 'overrides-automated-result')).toEqual(['fail']);
  });
});
