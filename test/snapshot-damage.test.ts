/**
 * Damaged data never passes and never crashes: a member a check reads with the wrong JSON kind, a
 * value outside AWS's model, a missing result list or a broken policy makes that check `error`,
 * naming the call and the member; whatever else stops a check makes it `error` naming the check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../checks/catalog.js';
import { CheckContext } from '../checks/context.js';
import { evaluateOne } from '../checks/evaluate.js';
import { modelledOperations } from '../checks/recorded-output.js';
import type { Recommendation } from '../checks/types.js';
import { PLAN } from '../src/collect/plan.js';
import { loadDemoSnapshot } from '../src/demo.js';
import { SnapshotIndex, type Snapshot, type SnapshotCall } from '../src/snapshot.js';
import { cli } from './cli/run.js';

interface ScanResult {
  id: string;
  status: string;
  findings: { resource: string; region: string; status: string; detail: string }[];
}

const demo = loadDemoSnapshot();
const folder = mkdtempSync(join(tmpdir(), 'assay-damage-'));

/** Scans the demo account after `damage` changed one call of it; exit code and results by id. */
async function scanDamaged(select: (call: SnapshotCall) => boolean, damage: (output: Record<string, unknown>) => void) {
  const snapshot = structuredClone(demo);
  const call = snapshot.calls.find(select);
  if (!call) throw new Error('the demo account has no such call');
  damage(call.output as Record<string, unknown>);
  const file = join(folder, `snapshot-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(snapshot));
  const run = await cli('scan', '--snapshot', file, '--json');
  expect(run.err).toBe('');
  const results = new Map((JSON.parse(run.out) as { results: ScanResult[] }).results.map((r) => [r.id, r]));
  return { code: run.code, result: (id: string) => results.get(id)! };
}

const demoResults = async () => {
  const run = await cli('scan', '--demo', '--json');
  return new Map((JSON.parse(run.out) as { results: ScanResult[] }).results.map((r) => [r.id, r.status]));
};

const op = (service: string, operation: string, params?: Record<string, unknown>) => (call: SnapshotCall) =>
  call.service === service && call.operation === operation && (params === undefined || JSON.stringify(call.params) === JSON.stringify(params));

const damagedDetail = (result: ScanResult) => result.findings.find((f) => f.detail.startsWith('input damaged'))?.detail;

describe('damaged data in a snapshot', () => {
  it('a result list that is null or missing is an error naming the call and the member, not an empty list that passes', async () => {
    const before = await demoResults();
    expect(before.get('2.12')).toBe('fail');
    // The credential report lists the users too, and still proves the failures.
    const nulled = await scanDamaged(op('iam', 'ListUsers'), (output) => void (output.Users = null));
    for (const id of ['2.12', '2.13', '2.14']) expect(nulled.result(id).status).toBe(before.get(id));
    expect(before.get('6.5')).toBe('fail');
    const noVpcs = await scanDamaged(op('ec2', 'DescribeVpcs'), (output) => void (output.Vpcs = null));
    expect(noVpcs.result('6.5').status).toBe('error');
    expect(damagedDetail(noVpcs.result('6.5'))).toBe('input damaged — ec2 DescribeVpcs in us-east-1: output.Vpcs: null where the model has a value');
    expect(before.get('6.3')).toBe('fail');
    const dropped = await scanDamaged(op('ec2', 'DescribeSecurityGroups'), (output) => void delete output.SecurityGroups);
    expect(dropped.result('6.3').status).toBe('error'); // the open group is in us-east-1
    expect(dropped.result('6.3').findings.map((f) => f.detail)).toContain(
      'input damaged — ec2 DescribeSecurityGroups in us-east-1: output.SecurityGroups: missing; AWS always returns it (empty when there is nothing)',
    );
  });

  it('a member of the wrong JSON kind is an error naming it, never a crash', async () => {
    const { code, result } = await scanDamaged(op('iam', 'ListVirtualMFADevices'), (output) => void (output.VirtualMFADevices = {}));
    expect([0, 1]).toContain(code);
    expect(result('2.5').status).toBe('error');
    expect(damagedDetail(result('2.5'))).toBe('input damaged — iam ListVirtualMFADevices in us-east-1: output.VirtualMFADevices: an object where the model has a list');
    const contact = await scanDamaged(op('account', 'GetContactInformation'), (output) => void ((output.ContactInformation as Record<string, unknown>).PhoneNumber = 12345));
    expect(contact.result('2.1').status).toBe('error');
    expect(damagedDetail(contact.result('2.1'))).toMatch(/output\.ContactInformation\.PhoneNumber: the number 12345 where the model has a string$/);
    // A member no check reads is not judged.
    const unread = await scanDamaged(op('iam', 'ListPolicies', { OnlyAttached: true }), (output) => {
      (output.Policies as Record<string, unknown>[])[0]!.UpdateDate = 12345;
    });
    expect(unread.result('2.15').status).toBe((await demoResults()).get('2.15'));
  });

  it('an enum value outside AWS’s model is an error, not a key that is not active', async () => {
    const { result } = await scanDamaged(op('iam', 'ListAccessKeys', { UserName: 'svc-reporting' }), (output) => {
      for (const key of output.AccessKeyMetadata as Record<string, unknown>[]) key.Status = 'ACTIVATED';
    });
    expect(result('2.12').status).toBe('error');
    expect(damagedDetail(result('2.12'))).toMatch(
      /^input damaged — iam ListAccessKeys \{"UserName":"svc-reporting"\} in us-east-1: output\.AccessKeyMetadata\[0\]\.Status: "ACTIVATED" is none of statusType's values \(Active, Inactive, Expired\)$/,
    );
  });

  it('a null where AWS prints a value is damage, not an unset member', async () => {
    const { result } = await scanDamaged(op('iam', 'ListAccessKeys', { UserName: 'svc-reporting' }), (output) => {
      for (const key of output.AccessKeyMetadata as Record<string, unknown>[]) key.Status = null;
    });
    expect(result('2.12').status).toBe('error');
  });

  it('a policy that breaks the policy grammar is an error naming the statement member', async () => {
    const before = await demoResults();
    expect(before.get('2.15')).toBe('fail');
    const admin = op('iam', 'GetPolicyVersion', { PolicyArn: 'arn:aws:iam::111122223333:policy/northwind-full-admin', VersionId: 'v2' });
    const { result } = await scanDamaged(admin, (output) => {
      const document = (output.PolicyVersion as { Document: { Statement: Record<string, unknown>[] } }).Document;
      document.Statement[0]!.Effect = 12345;
    });
    expect(result('2.15').status).toBe('error');
    expect(result('2.15').findings.map((f) => f.detail).join('\n')).toContain('output.PolicyVersion.Document.Statement[0].Effect: the number 12345 where "Allow" or "Deny" belongs');
  });

  it('a timestamp that is not ISO-8601 is an error, not a crash', async () => {
    const { result } = await scanDamaged(op('iam', 'ListAccessKeys', { UserName: 'svc-reporting' }), (output) => {
      (output.AccessKeyMetadata as Record<string, unknown>[])[0]!.CreateDate = '2026-02-30T00:00:00Z';
    });
    expect(['error', 'fail']).toContain(result('2.13').status);
    expect(result('2.13').findings.map((f) => f.detail).join('\n')).toContain('output.AccessKeyMetadata[0].CreateDate: the string "2026-02-30T00:00:00Z" where the model has an ISO-8601 timestamp');
  });

});

describe('a check that stops on what it cannot handle', () => {
  it('becomes an error naming the check and the call it read last, never a stack trace', () => {
    const brittle: Recommendation = {
      ...CATALOG[0]!,
      id: 'T.1',
      evaluate: (ctx) => {
        ctx.output('iam', 'ListUsers');
        throw new TypeError('x.trim is not a function');
      },
    };
    const result = evaluateOne(brittle, new CheckContext(new SnapshotIndex(demo)));
    expect(result.status).toBe('error');
    expect(result.findings).toEqual([
      { resource: demo.account, region: 'global', status: 'error', detail: 'check T.1 could not judge its input, after reading iam ListUsers in us-east-1: x.trim is not a function' },
    ]);
  });
});

describe('the table of output shapes', () => {
  /** A snapshot index that notes every operation looked up. */
  class NotingIndex extends SnapshotIndex {
    readonly looked = new Set<string>();
    override find(service: string, operation: string, region?: string, params?: Record<string, unknown>) {
      this.looked.add(`${service} ${operation}`);
      return super.find(service, operation, region, params);
    }
  }

  it('models every operation the plan makes and the checks read', () => {
    const index = new NotingIndex(demo as Snapshot);
    const ctx = new CheckContext(index);
    for (const rec of CATALOG) evaluateOne(rec, ctx);
    const needed = new Set([...index.looked, ...CATALOG.flatMap((rec) => rec.reads.map((r) => `${r.service} ${r.operation}`)), ...PLAN.map((s) => `${s.service} ${s.operation}`)]);
    expect([...needed].filter((operation) => !modelledOperations().includes(operation))).toEqual([]);
  });
});
