import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { SnapshotIndex, validateSnapshot, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { CheckContext } from '../context.js';
import { evaluateOne } from '../evaluate.js';
import { credentialReport, reportKeySlots } from './credential-report.js';
import { IAM } from './index.js';

// The IAM part of the demo account on its own: the lead's header plus the IAM fragment.
const read = (name: string) => JSON.parse(readFileSync(packagePath('src', 'demo', 'fragments', name), 'utf8')) as { calls: SnapshotCall[] };
const base = read('base.json') as unknown as Snapshot;
const fragment = read('iam.json');
const snapshot = validateSnapshot({ ...base, calls: [...base.calls, ...fragment.calls] }, 'iam demo fragment');
const ctx = new CheckContext(new SnapshotIndex(snapshot));
const result = (id: string) => {
  const rec = IAM.find((r) => r.id === id);
  if (!rec) throw new Error(`no recommendation ${id}`);
  return evaluateOne(rec, ctx);
};
const failing = (id: string) => result(id).findings.filter((f) => f.status === 'fail').map((f) => f.resource.split('/').pop());

describe('the IAM demo fragment tells the demo story', () => {
  it('records only iam, account and accessanalyzer calls', () => {
    expect(new Set(fragment.calls.map((c) => c.service))).toEqual(new Set(['iam', 'account', 'accessanalyzer']));
  });

  it('gives each IAM-only recommendation its intended status', () => {
    const statuses = Object.fromEntries(IAM.filter((r) => r.id !== '2.17' && r.id !== '2.20').map((r) => [r.id, result(r.id).status]));
    expect(statuses).toEqual({
      '2.1': 'manual',
      '2.2': 'manual',
      '2.3': 'pass',
      '2.4': 'pass',
      '2.5': 'manual',
      '2.6': 'manual',
      '2.7': 'pass',
      '2.8': 'fail',
      '2.9': 'fail',
      '2.10': 'fail',
      '2.11': 'fail',
      '2.12': 'fail',
      '2.13': 'fail',
      '2.14': 'fail',
      '2.15': 'fail',
      '2.16': 'pass',
      '2.18': 'fail',
      '2.19': 'fail',
      '2.21': 'fail',
    });
  });

  it('fails the expected users and resources', () => {
    expect(failing('2.9')).toEqual(['admin.ava']);
    expect(failing('2.10')).toEqual(['noah.fischer']);
    expect(failing('2.11')).toEqual(['olivia.grant', 'david.okafor', 'svc-reporting', 'svc-legacy-ftp']);
    expect(failing('2.12')).toEqual(['svc-reporting']);
    expect(failing('2.13')).toEqual(['lena.novak', 'svc-backup', 'svc-reporting', 'svc-legacy-ftp']);
    expect(failing('2.14')).toEqual(['kim.park', 'svc-legacy-ftp']);
    expect(failing('2.15')).toEqual(['northwind-full-admin']);
    expect(failing('2.18')).toEqual(['shop-northwind-2025']);
    expect(result('2.19').findings.filter((f) => f.status === 'fail').map((f) => f.region)).toEqual(['eu-central-1']);
    expect(result('2.21').findings[0]?.detail).toBe('AWSCloudShellFullAccess is attached to group Developers');
  });

  it('has about 30 users, each with its per-user calls, agreeing with the credential report', () => {
    const users = ctx.output<{ Users: { UserName: string; CreateDate: string }[] }>('iam', 'ListUsers').Users;
    const report = credentialReport(ctx);
    expect(users).toHaveLength(30);
    expect(report.users.map((r) => r.user)).toEqual(users.map((u) => u.UserName));
    for (const user of users) {
      const params = { UserName: user.UserName };
      expect(ctx.optional('iam', 'ListAttachedUserPolicies', { params }), user.UserName).toBeDefined();
      expect(ctx.optional('iam', 'ListUserPolicies', { params }), user.UserName).toBeDefined();
      const keys = ctx.output<{ AccessKeyMetadata: { CreateDate: string; Status: string }[] }>('iam', 'ListAccessKeys', { params }).AccessKeyMetadata;
      const row = report.users.find((r) => r.user === user.UserName)!;
      expect(Date.parse(row.user_creation_time)).toBe(Date.parse(user.CreateDate));
      const slots = reportKeySlots(row);
      expect(slots.map((s) => [s.lastRotated?.getTime(), s.active])).toEqual(keys.map((k) => [Date.parse(k.CreateDate), k.Status === 'Active']));
    }
  });

  it('records the default version of every attached policy', () => {
    const policies = ctx.output<{ Policies: { Arn: string; DefaultVersionId: string }[] }>('iam', 'ListPolicies', { params: { OnlyAttached: true } }).Policies;
    for (const p of policies) {
      expect(ctx.optional('iam', 'GetPolicyVersion', { params: { PolicyArn: p.Arn, VersionId: p.DefaultVersionId } }), p.Arn).toBeDefined();
    }
  });
});
