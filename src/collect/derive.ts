import type { SnapshotCall } from '../snapshot.js';
import { GLOBAL_REGION, type DerivedStep, type Pick, type Reshape } from './plan.js';

/** One call to make: where, and with which request members. */
export interface PlannedCall {
  region: string;
  params: Record<string, unknown>;
}

// Each reshape has a jq twin in script.ts (JQ_RESHAPES); the script tests hold them to the same answers.
const RESHAPES: Record<Reshape, (value: unknown) => unknown> = {
  arnRegion: (value) => (typeof value === 'string' ? (value.split(':')[3] ?? null) : null),
  logGroupName: (value) =>
    typeof value === 'string' ? value.replace(/^arn:[^:]+:logs:[^:]+:[0-9]+:log-group:/, '').replace(/:\*$/, '') : null,
  bucketRegion: (value) => (value === null || value === undefined || value === '' ? 'us-east-1' : value === 'EU' ? 'eu-west-1' : value),
  snsTopic: (value) => (typeof value === 'string' && value.split(':')[2] === 'sns' ? value : null),
};

/** The member at a dot path, or null; `''` is the value itself. */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value ?? null;
  let current = value;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/** The items of a step: every element of the lists along the dot path, flattened. */
function itemsAt(output: unknown, path: string): unknown[] {
  let items: unknown[] = [output];
  for (const key of path.split('.')) {
    items = items.flatMap((item) => {
      const list = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : undefined;
      return Array.isArray(list) ? list : [];
    });
  }
  return items;
}

function pick(p: Pick, item: unknown, source: SnapshotCall): unknown {
  const raw = 'item' in p ? getPath(item, p.item) : getPath(source.params, p.param);
  return p.as ? RESHAPES[p.as](raw) : raw;
}

const usable = (value: unknown) => value !== null && value !== undefined && value !== '';

function matches(item: unknown, where: DerivedStep['where']): boolean {
  return Object.entries(where ?? {}).every(([path, wanted]) => {
    const value = getPath(item, path);
    return wanted === true ? usable(value) && value !== false : value === wanted;
  });
}

/**
 * The calls a derived step makes for one recorded source call: one per item of its output that
 * passes `where` and yields every request member and a region. A failed source call names nothing.
 */
export function deriveCalls(step: DerivedStep, source: SnapshotCall): PlannedCall[] {
  if (source.error || source.output === undefined) return [];
  const items = step.each === undefined ? [source.output] : itemsAt(source.output, step.each);
  const calls: PlannedCall[] = [];
  for (const item of items) {
    if (!matches(item, step.where)) continue;
    const params = Object.fromEntries(Object.entries(step.params).map(([name, p]) => [name, pick(p, item, source)]));
    const region = step.region === 'global' ? GLOBAL_REGION : step.region === 'source' ? source.region : pick(step.region, item, source);
    if (typeof region !== 'string' || region === '' || !Object.values(params).every(usable)) continue;
    calls.push({ region, params });
  }
  return calls;
}
