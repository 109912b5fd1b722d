import { writeFileSync, renameSync } from 'node:fs';
import { InputError, readInputFile } from './errors.js';

export const SNAPSHOT_FORMAT = 'assay.snapshot/v1';

/** A failed AWS call as the CLI reports it: the AWS error code and its message. */
export interface CallError {
  code: string;
  message?: string;
}

/** One AWS API operation, recorded as the AWS CLI would print it (see DESIGN.md ⚑ snapshot). */
export interface SnapshotCall {
  service: string;
  operation: string;
  region: string;
  params: Record<string, unknown>;
  output?: unknown;
  error?: CallError;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  account: string;
  partition: string;
  collectedAt: string;
  regions: string[];
  calls: SnapshotCall[];
}

// Paging members never identify a call: pages are merged before recording.
const PAGING_PARAMS = new Set(['NextToken', 'Marker', 'MaxItems', 'MaxResults', 'MaxRecords', 'ContinuationToken', 'StartingToken', 'PageSize']);

/** A stable key for request params: sorted members, paging members dropped. */
export function paramsKey(params: Record<string, unknown> | undefined): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  const kept = Object.fromEntries(Object.entries(params ?? {}).filter(([k]) => !PAGING_PARAMS.has(k)));
  return JSON.stringify(canonical(kept));
}

/**
 * Request members that earlier snapshots spelled differently from AWS's service model, by
 * `service operation`: read under the model's spelling so those snapshots are still found.
 */
const LEGACY_MEMBER_SPELLINGS: Record<string, Record<string, string>> = {
  'logs DescribeMetricFilters': { LogGroupName: 'logGroupName' },
};

/** The params with any legacy member spelling replaced by the model's. */
function modelSpelling(service: string, operation: string, params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const legacy = LEGACY_MEMBER_SPELLINGS[`${service} ${operation}`];
  if (!legacy || !params) return params;
  return Object.fromEntries(Object.entries(params).map(([member, value]) => [legacy[member] ?? member, value]));
}

function callKey(service: string, operation: string, region: string, params: Record<string, unknown> | undefined): string {
  return `${service}\u0000${operation}\u0000${region}\u0000${paramsKey(modelSpelling(service, operation, params))}`;
}

/** Validates parsed JSON as a snapshot; every complaint names the member and what was expected. */
export function validateSnapshot(data: unknown, file: string): Snapshot {
  const fail = (member: string, expected: string, got?: unknown): never => {
    const seen = got === undefined ? 'it is missing' : `got ${JSON.stringify(got)?.slice(0, 60)}`;
    throw new InputError(`${file}: ${member}: expected ${expected}; ${seen}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('(root)', 'a JSON object', data);
  const root = data as Record<string, unknown>;
  if (root.format !== SNAPSHOT_FORMAT) fail('format', `"${SNAPSHOT_FORMAT}"`, root.format);
  if (typeof root.account !== 'string' || !/^\d{12}$/.test(root.account)) fail('account', 'a 12-digit AWS account id', root.account);
  if (root.partition !== undefined && typeof root.partition !== 'string') fail('partition', 'a string such as "aws"', root.partition);
  if (typeof root.collectedAt !== 'string' || Number.isNaN(Date.parse(root.collectedAt)))
    fail('collectedAt', 'an ISO-8601 timestamp', root.collectedAt);
  if (!Array.isArray(root.regions) || root.regions.some((r) => typeof r !== 'string'))
    fail('regions', 'an array of region names', root.regions);
  if (!Array.isArray(root.calls)) fail('calls', 'an array of calls', root.calls);
  (root.calls as unknown[]).forEach((call, i) => {
    const at = `calls[${i}]`;
    if (!call || typeof call !== 'object' || Array.isArray(call)) fail(at, 'an object', call);
    const c = call as Record<string, unknown>;
    for (const member of ['service', 'operation', 'region'] as const) {
      if (typeof c[member] !== 'string' || c[member] === '') fail(`${at}.${member}`, 'a non-empty string', c[member]);
    }
    if (c.params !== undefined && (typeof c.params !== 'object' || c.params === null || Array.isArray(c.params)))
      fail(`${at}.params`, 'an object of request members', c.params);
    const hasOutput = 'output' in c;
    const hasError = 'error' in c;
    if (hasOutput === hasError) fail(`${at} (${String(c.service)} ${String(c.operation)})`, 'exactly one of "output" or "error"', hasOutput ? 'both' : undefined);
    if (hasError) {
      const e = c.error as Record<string, unknown> | null;
      if (!e || typeof e !== 'object' || typeof e.code !== 'string') fail(`${at}.error.code`, 'an AWS error code string', e?.code);
    }
  });
  return {
    format: SNAPSHOT_FORMAT,
    account: root.account as string,
    partition: (root.partition as string | undefined) ?? 'aws',
    collectedAt: root.collectedAt as string,
    regions: root.regions as string[],
    calls: (root.calls as SnapshotCall[]).map((c) => ({ ...c, params: c.params ?? {} })),
  };
}

export function parseSnapshot(text: string, file = 'snapshot'): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return validateSnapshot(data, file);
}

export function readSnapshotFile(path: string): Snapshot {
  return parseSnapshot(readInputFile(path, (reason) => `${path}: cannot read the snapshot (${reason})`), path);
}

/** Writes through a temporary file so an interrupted write never leaves half a snapshot. */
export function writeSnapshotFile(path: string, snapshot: Snapshot): void {
  const tmp = `${path}.partial`;
  writeFileSync(tmp, JSON.stringify(snapshot, null, 2) + '\n');
  renameSync(tmp, path);
}

/** Calls of a snapshot looked up by service, operation, region and params. */
export class SnapshotIndex {
  private readonly byKey = new Map<string, SnapshotCall>();
  private readonly byOperation = new Map<string, SnapshotCall[]>();
  // Region-less lookups (global services) by service, operation and params: the first call recorded wins.
  private readonly anyRegion = new Map<string, SnapshotCall>();

  constructor(readonly snapshot: Snapshot) {
    for (const call of snapshot.calls) {
      this.byKey.set(callKey(call.service, call.operation, call.region, call.params), call);
      const regionless = callKey(call.service, call.operation, '', call.params);
      if (!this.anyRegion.has(regionless)) this.anyRegion.set(regionless, call);
      const op = `${call.service}\u0000${call.operation}`;
      const list = this.byOperation.get(op) ?? [];
      list.push(call);
      this.byOperation.set(op, list);
    }
  }

  get collectedAt(): Date {
    return new Date(this.snapshot.collectedAt);
  }

  /**
   * The recorded call, or undefined. Without a region (global services such as IAM, whose
   * region is whichever one the collector used) the first call with matching params is taken.
   */
  find(service: string, operation: string, region?: string, params?: Record<string, unknown>): SnapshotCall | undefined {
    if (region !== undefined) return this.byKey.get(callKey(service, operation, region, params));
    return this.anyRegion.get(callKey(service, operation, '', params));
  }

  /** Every recorded call of one operation, whatever its region and params. */
  all(service: string, operation: string): SnapshotCall[] {
    return this.byOperation.get(`${service}\u0000${operation}`) ?? [];
  }
}
