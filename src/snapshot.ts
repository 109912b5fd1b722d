import { writeFileSync, renameSync } from 'node:fs';
import { InputError } from './errors.js';
import { INPUT_KINDS, readInputBytes } from './input-file.js';

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

const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO-8601 date or date and time as AWS and its CLI print them, naming a real moment:
 * `2026-02-30` is refused, not read as 2 March. With `zone`, the time and its offset are required,
 * so the moment does not depend on where the file is read.
 */
export function isIsoTimestamp(text: string, options: { zone?: boolean } = {}): boolean {
  const parts = ISO_TIMESTAMP.exec(text);
  if (!parts || Number.isNaN(Date.parse(text))) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', zone] = parts;
  if (options.zone && zone === undefined) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const realDay = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return realDay && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

/** Deeper than any AWS answer nests (a policy condition inside a user's inline policy is about 12): refused before anything walks it. */
export const MAX_CALL_DEPTH = 64;

/** Whether a value nests deeper than `limit` objects and lists; iterative, so depth itself cannot overflow the stack. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(next)) pending.push([child, depth + 1]);
  }
  return false;
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
  if (typeof root.collectedAt !== 'string' || !isIsoTimestamp(root.collectedAt, { zone: true }))
    fail('collectedAt', 'an ISO-8601 timestamp with its time zone, such as "2026-11-25T10:00:00Z"', root.collectedAt);
  if (!Array.isArray(root.regions) || root.regions.some((r) => typeof r !== 'string' || r === ''))
    fail('regions', 'an array of region names', root.regions);
  if (!Array.isArray(root.calls)) fail('calls', 'an array of calls', root.calls);
  (root.calls as unknown[]).forEach((call, i) => {
    const at = `calls[${i}]`;
    if (!call || typeof call !== 'object' || Array.isArray(call)) fail(at, 'an object', call);
    const c = call as Record<string, unknown>;
    if (nestsDeeperThan(c, MAX_CALL_DEPTH)) fail(at, `a call nested at most ${MAX_CALL_DEPTH} levels deep (AWS answers nest far less)`, 'one nested deeper');
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
      if (e?.message !== undefined && typeof e.message !== 'string') fail(`${at}.error.message`, 'a string', e.message);
    }
  });
  refuseConflictingDuplicates(root.calls as SnapshotCall[], file);
  return {
    format: SNAPSHOT_FORMAT,
    account: root.account as string,
    partition: (root.partition as string | undefined) ?? 'aws',
    collectedAt: root.collectedAt as string,
    regions: root.regions as string[],
    calls: (root.calls as SnapshotCall[]).map((c) => ({ ...c, params: c.params ?? {} })),
  };
}

/**
 * Two entries for one call (same service, operation, region and params) must agree: which one a
 * reader took would otherwise decide the verdict. Identical repeats are harmless and kept.
 */
function refuseConflictingDuplicates(calls: readonly SnapshotCall[], file: string): void {
  const first = new Map<string, number>();
  calls.forEach((call, i) => {
    const key = callKey(call.service, call.operation, call.region, call.params);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const answer = (c: SnapshotCall) => paramsKey({ output: c.output, error: c.error });
    if (answer(calls[earlier]!) !== answer(call)) {
      throw new InputError(
        `${file}: calls[${earlier}] and calls[${i}] both record ${call.service} ${call.operation} in ${call.region} ${paramsKey(call.params)} with different answers; a snapshot holds one answer per call, so remove one of them`,
      );
    }
  });
}

/**
 * The text of a snapshot file: UTF-8 (a byte-order mark is allowed), never repaired. Invalid
 * bytes would be replaced silently and could turn a damaged value into a passing one, so they
 * are refused with where they are; UTF-16 is refused with what to do instead.
 */
export function decodeSnapshotText(bytes: Uint8Array, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0));
  if (utf16) throw new InputError(`${file}: the file is UTF-16 (or UTF-32) text; snapshots are UTF-8 JSON, so save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)`);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstInvalidByte(body);
    const line = body.subarray(0, offset).reduce((lines, byte) => lines + (byte === 0x0a ? 1 : 0), 1);
    throw new InputError(`${file}: invalid UTF-8 at byte ${offset + (body === bytes ? 0 : 3)} (line ${line}); snapshots are UTF-8 JSON and are never repaired`);
  }
}

/** Where decoding first fails: the last byte of the shortest prefix a streaming decoder refuses. */
function firstInvalidByte(bytes: Uint8Array): number {
  const refuses = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (refuses(mid + 1)) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function parseSnapshotBytes(bytes: Uint8Array, file = 'snapshot'): Snapshot {
  return parseSnapshot(decodeSnapshotText(bytes, file), file);
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
  return parseSnapshotBytes(readInputBytes(path, (reason) => `${path}: cannot read the snapshot (${reason})`, INPUT_KINDS.snapshot), path);
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
