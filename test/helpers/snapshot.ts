import { SNAPSHOT_FORMAT, SnapshotIndex, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { CheckContext } from '../../checks/context.js';
import { evaluateOne } from '../../checks/evaluate.js';
import type { CheckResult, Recommendation } from '../../checks/types.js';

export const TEST_ACCOUNT = '111122223333';

/** A snapshot for a test: only the calls the test gives, at a fixed collection time. */
export function makeSnapshot(calls: Partial<SnapshotCall>[], options: { regions?: string[]; collectedAt?: string } = {}): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    account: TEST_ACCOUNT,
    partition: 'aws',
    collectedAt: options.collectedAt ?? '2026-11-25T10:00:00Z',
    regions: options.regions ?? ['us-east-1', 'eu-west-1'],
    calls: calls.map((c) => ({ region: 'us-east-1', params: {}, service: '', operation: '', ...c }) as SnapshotCall),
  };
}

/** Shorthand for a recorded successful call. */
export function ok(service: string, operation: string, output: unknown, extra: { region?: string; params?: Record<string, unknown> } = {}): Partial<SnapshotCall> {
  return { service, operation, output, region: extra.region ?? 'us-east-1', params: extra.params ?? {} };
}

/** Shorthand for a recorded failed call. */
export function denied(service: string, operation: string, extra: { region?: string; params?: Record<string, unknown>; code?: string } = {}): Partial<SnapshotCall> {
  return {
    service,
    operation,
    error: { code: extra.code ?? 'AccessDenied', message: 'User is not authorized to perform this action' },
    region: extra.region ?? 'us-east-1',
    params: extra.params ?? {},
  };
}

export function run(rec: Recommendation, snapshot: Snapshot): CheckResult {
  return evaluateOne(rec, new CheckContext(new SnapshotIndex(snapshot)));
}
