/**
 * Drift between two assessments of the same account: which recommendations' automated (or
 * imported) results changed, and which resources appeared, disappeared or changed verdict.
 * Pure: the TUI, the evidence pack and `assay drift` all show what this returns.
 */
import { compareIds } from '../checks/catalog.js';
import type { CheckStatus, Finding } from '../checks/types.js';
import type { FindingSource, StoredResult } from './model.js';

export type ResourceChangeKind = 'added' | 'removed' | 'changed';

export interface ResourceChange {
  kind: ResourceChangeKind;
  resource: string;
  region: string;
  /** Absent for `added`. */
  before?: { status: CheckStatus; detail: string };
  /** Absent for `removed`. */
  after?: { status: CheckStatus; detail: string };
}

export interface DriftEntry {
  recId: string;
  source: FindingSource;
  /** The recommendation's result in the earlier assessment; absent if it had none from this source. */
  before?: CheckStatus;
  after?: CheckStatus;
  /** True when the recommendation's overall result differs. */
  statusChanged: boolean;
  /** Resources whose verdict appeared, disappeared or changed, ordered by region then resource. */
  resources: ResourceChange[];
}

// When one resource has several findings, the worst verdict stands for it.
const SEVERITY: Record<CheckStatus, number> = { fail: 0, error: 1, manual: 2, pass: 3 };

interface ResourceVerdict {
  resource: string;
  region: string;
  status: CheckStatus;
  detail: string;
}

function verdicts(findings: readonly Finding[]): Map<string, ResourceVerdict> {
  const byResource = new Map<string, ResourceVerdict>();
  for (const f of findings) {
    const key = `${f.region}\u0000${f.resource}`;
    const seen = byResource.get(key);
    if (!seen) {
      byResource.set(key, { resource: f.resource, region: f.region, status: f.status, detail: f.detail });
    } else {
      const worse = SEVERITY[f.status] < SEVERITY[seen.status];
      byResource.set(key, { ...seen, status: worse ? f.status : seen.status, detail: worse ? `${f.detail}; ${seen.detail}` : `${seen.detail}; ${f.detail}` });
    }
  }
  return byResource;
}

function resourceChanges(before: readonly Finding[], after: readonly Finding[]): ResourceChange[] {
  const was = verdicts(before);
  const now = verdicts(after);
  const changes: ResourceChange[] = [];
  for (const [key, b] of was) {
    const a = now.get(key);
    const base = { resource: b.resource, region: b.region, before: { status: b.status, detail: b.detail } };
    if (!a) changes.push({ kind: 'removed', ...base });
    // Details carry ages and counts that move every day; only a changed verdict is drift.
    else if (a.status !== b.status) changes.push({ kind: 'changed', ...base, after: { status: a.status, detail: a.detail } });
  }
  for (const [key, a] of now) {
    if (!was.has(key)) changes.push({ kind: 'added', resource: a.resource, region: a.region, after: { status: a.status, detail: a.detail } });
  }
  return changes.sort((x, y) => x.region.localeCompare(y.region) || x.resource.localeCompare(y.resource));
}

/**
 * Every recommendation whose result or set of resource verdicts differs between `previous` and
 * `current`, per source. A source present in only one of the two (Prowler imported into one
 * assessment only) is not drift and is left out.
 */
export function computeDrift(previous: readonly StoredResult[], current: readonly StoredResult[]): DriftEntry[] {
  const key = (r: StoredResult) => `${r.source}\u0000${r.recId}`;
  const sourcesBefore = new Set(previous.map((r) => r.source));
  const sourcesNow = new Set(current.map((r) => r.source));
  const compared = (source: FindingSource) => sourcesBefore.has(source) && sourcesNow.has(source);
  const was = new Map(previous.filter((r) => compared(r.source)).map((r) => [key(r), r]));
  const now = new Map(current.filter((r) => compared(r.source)).map((r) => [key(r), r]));

  const entries: DriftEntry[] = [];
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(k);
    const a = now.get(k);
    const sample = (a ?? b)!;
    const resources = resourceChanges(b?.findings ?? [], a?.findings ?? []);
    const statusChanged = b?.status !== a?.status;
    if (!statusChanged && resources.length === 0) continue;
    entries.push({
      recId: sample.recId,
      source: sample.source,
      ...(b ? { before: b.status } : {}),
      ...(a ? { after: a.status } : {}),
      statusChanged,
      resources,
    });
  }
  return entries.sort((x, y) => compareIds(x.recId, y.recId) || x.source.localeCompare(y.source));
}

/** One resource change in a line: `eu-west-1 sg-1: pass → fail — <detail now>`. */
export function describeResourceChange(change: ResourceChange): string {
  const where = `${change.region} ${change.resource}`;
  if (change.kind === 'changed') return `${where}: ${change.before!.status} → ${change.after!.status} — ${change.after!.detail}`;
  const side = (change.after ?? change.before)!;
  return `${where}: ${side.status} — ${side.detail}`;
}
