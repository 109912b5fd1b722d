import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../checks/evaluate.js';
import { paramsKey, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { REGIONS, buildAccount } from './account.js';
import { collectFromMoto } from './collect-moto.js';
import { cliModel, findAwsCli, knownMembers, refusedInvocations, runScriptWithCli, type AwsCli, type CliScriptRun } from './aws-cli.js';
import { startMoto, type MotoServer } from './moto-server.js';

/**
 * One account in moto, collected three ways: `assay collect` (the AWS SDK for JavaScript), and the
 * CloudShell script run by the real AWS CLI v2 and by the real AWS CLI v1. All three must make the
 * same calls, get the same answers once what legitimately differs is set aside, and give the same
 * verdicts.
 */

// Building the account, then three collections at once, on a shared 2-core machine.
const SLOW = 240_000;

/**
 * Where moto departs from AWS, and so the SDK and the CLI part ways: moto answers macie2
 * GetMacieSession with `createdAt` without a time zone (AWS sends RFC 3339). The SDK
 * refuses that answer (UnparseableResponse), the CLI prints it as it came. The call and 3.1.3,
 * which reads it, are left out of the SDK-versus-CLI comparison (the two CLIs still must agree).
 */
const MOTO_DEPARTURES = { calls: ['macie2 GetMacieSession'], recommendations: ['3.1.3'] };

/** Values moto makes up afresh on every request, so each collection sees another one. */
const PER_REQUEST: Record<string, string[]> = {
  'cloudtrail GetTrailStatus': ['LatestDeliveryTime', 'LatestDeliveryAttemptTime'],
  'efs DescribeFileSystems': ['FileSystems.*.SizeInBytes.Timestamp'],
  'rds DescribeDBInstances': ['DBInstances.*.LatestRestorableTime'],
};

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The instant a timestamp with a zone names, in milliseconds with their fraction (the CLI prints microseconds). */
function instant(text: string): number | undefined {
  const parts = TIMESTAMP.exec(text);
  return parts ? Date.parse(`${parts[1]}${parts[3]}`) + Number(parts[2] ?? 0) * 1000 : undefined;
}

/**
 * Two timestamps agree when they name the same instant to the millisecond: an XML API sends
 * microseconds, a JSON one epoch seconds to the millisecond, and the SDK keeps milliseconds (rounded).
 */
const sameInstant = (a: number, b: number) => Math.abs(a - b) <= 1;

/** A timestamp in a finding's text, to the second (the precision a verdict can quote it at without rounding apart). */
const toTheSecond = (text: string) => {
  const at = instant(text);
  return at === undefined ? text : new Date(Math.floor(at / 1000) * 1000).toISOString();
};

/**
 * What differs between the SDK and the two CLIs without being a difference in the data:
 * - error messages: each tool words its own (the SDK's parser, the CLI's retry count); the code is compared;
 * - timestamps: compared as instants, to the millisecond (sameInstant);
 * - members the CLI's older model lacks (the CLI v2 2.9 predates SecurityGroupArn, Security Hub's
 *   ControlFindingGenerator, Config's recordingStrategy): only members every CLI's model has are compared;
 * - members without a value: the CLI prints an absent member as null (GetBucketLocation's
 *   LocationConstraint in us-east-1), and the SDK an absent XML list as [] (DescribeAlarms'
 *   CompositeAlarms); null and [] are set aside;
 * - values moto generates per request (PER_REQUEST).
 */
function comparable(call: SnapshotCall, clis: readonly AwsCli[]): unknown {
  if (call.error) return { error: call.error.code };
  let output = call.output;
  for (const cliVersion of clis) {
    const model = cliModel(cliVersion, call.service);
    if (model) output = knownMembers(model, call.operation, output);
  }
  const generated = PER_REQUEST[`${call.service} ${call.operation}`] ?? [];
  const matches = (pattern: string, path: string[]) => {
    const parts = pattern.split('.');
    return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
  };
  const walk = (value: unknown, path: string[]): unknown => {
    if (generated.some((pattern) => matches(pattern, path))) return 'generated per request';
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, String(i)]));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
          .map(([k, v]) => [k, walk(v, [...path, k])]),
      );
    }
    return value;
  };
  return { output: walk(output, []) };
}

const keyOf = (c: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>) => `${c.service} ${c.operation} ${c.region} ${paramsKey(c.params)}`;

/** The first place two answers differ, as a dot path with both values. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [instant(a), instant(b)];
    if (x !== undefined && y !== undefined && sameInstant(x, y)) return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return `${path || '(answer)'}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Every call whose answers differ between two snapshots, after comparable(). */
function differences(left: Snapshot, right: Snapshot, clis: readonly AwsCli[], leaveOut: readonly string[] = []): string[] {
  const kept = (c: SnapshotCall) => !leaveOut.includes(`${c.service} ${c.operation}`);
  const rightByKey = new Map(right.calls.filter(kept).map((c) => [keyOf(c), c]));
  return left.calls.filter(kept).flatMap((call) => {
    const other = rightByKey.get(keyOf(call));
    const found = other ? firstDifference(comparable(call, clis), comparable(other, clis)) : 'not recorded';
    return found ? [`${keyOf(call)} ${found}`] : [];
  });
}

/** Verdicts at one moment, error messages set aside (each tool words its own), quoted timestamps to the second. */
function verdicts(snapshot: Snapshot, leaveOut: readonly string[] = []) {
  const calls = snapshot.calls.map((c) => (c.error ? { ...c, error: { code: c.error.code } } : c));
  const at = '2026-12-01T00:00:00Z';
  return evaluateSnapshot({ ...snapshot, calls, collectedAt: at })
    .filter((r) => !leaveOut.includes(r.id))
    .map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, detail: f.detail.replace(/\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)/g, toTheSecond) })) }));
}

let moto: MotoServer;
let clis: readonly [AwsCli, AwsCli];
let collected: Snapshot;
let runs: Record<'v2' | 'v1', CliScriptRun>;

beforeAll(async () => {
  clis = [findAwsCli(2), findAwsCli(1)];
  moto = await startMoto();
  await buildAccount(moto.endpoint);
  const options = { regions: [...REGIONS], concurrency: 4 };
  const [sdk, v2, v1] = await Promise.all([
    collectFromMoto(moto, REGIONS, { concurrency: 4 }),
    runScriptWithCli(clis[0], moto.endpoint, moto.env, options),
    runScriptWithCli(clis[1], moto.endpoint, moto.env, options),
  ]);
  collected = sdk;
  runs = { v2, v1 };
}, SLOW);

afterAll(async () => {
  await moto?.stop();
});

describe.each(['v2', 'v1'] as const)('the CloudShell script run by the real AWS CLI %s against moto', (version) => {
  const run = () => runs[version];

  it('writes a snapshot of the account', () => {
    expect(run().status, run().stderr).toBe(0);
    expect(run().snapshot?.account).toBe(collected.account);
    expect(run().snapshot?.regions).toEqual([...REGIONS]);
  });

  it('makes only calls the CLI accepts: no unknown command, option or request member', () => {
    expect(run().invocations.length).toBeGreaterThan(50);
    expect(refusedInvocations(run().invocations).map((i) => `aws ${i.argv.join(' ')}\n${i.stderr.trim()}`)).toEqual([]);
  });

  it('records the same calls as assay collect', () => {
    expect(run().snapshot!.calls.map(keyOf).sort()).toEqual(collected.calls.map(keyOf).sort());
  });

  it('records the same answers as assay collect, once what legitimately differs is set aside', () => {
    expect(differences(collected, run().snapshot!, clis, MOTO_DEPARTURES.calls)).toEqual([]);
  });

  it('gives the verdicts of assay collect', () => {
    const expected = verdicts(collected, MOTO_DEPARTURES.recommendations);
    expect(expected).toHaveLength(63 - MOTO_DEPARTURES.recommendations.length);
    expect(verdicts(run().snapshot!, MOTO_DEPARTURES.recommendations)).toEqual(expected);
  });
});

describe('the CloudShell script, CLI v1 against CLI v2', () => {
  it('records the same answers and gives the same verdicts, moto’s departures included', () => {
    const [v2, v1] = [runs.v2.snapshot!, runs.v1.snapshot!];
    expect(differences(v2, v1, clis)).toEqual([]);
    expect(verdicts(v2)).toHaveLength(63);
    expect(verdicts(v1)).toEqual(verdicts(v2));
  });

  it('records timestamps as ISO-8601 strings from both CLIs (the CLI v1 prints epoch seconds unless told)', () => {
    const created = (s: Snapshot) => s.calls.find((c) => c.service === 'kms' && c.operation === 'DescribeKey' && c.output)?.output as { KeyMetadata: { CreationDate: unknown } };
    for (const snapshot of [runs.v2.snapshot!, runs.v1.snapshot!]) expect(created(snapshot).KeyMetadata.CreationDate).toMatch(TIMESTAMP);
  });
});
