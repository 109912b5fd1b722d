import { it } from 'vitest';
import { SnapshotIndex } from '../../src/snapshot.js';
import { CheckContext } from '../context.js';
import { evaluateOne } from '../evaluate.js';
import { IAM } from './index.js';
import { credentialReportCall, daysAgo, rootRow, userRow } from '../../test/helpers/credential-report.js';
import { makeSnapshot, ok } from '../../test/helpers/snapshot.js';
it('perf', () => {
  const names = Array.from({ length: 2000 }, (_, i) => `user${i}`);
  const calls = [
    credentialReportCall([rootRow(), ...names.map((n) => userRow({ name: n, password: { changed: daysAgo(10), lastUsed: daysAgo(1) }, mfa: true, key1: { active: true, rotated: daysAgo(30), lastUsed: daysAgo(1) } }))]),
    ok('iam', 'ListUsers', { Users: names.map((n) => ({ UserName: n, Arn: `arn:aws:iam::111122223333:user/${n}`, CreateDate: daysAgo(400) })) }),
    ...names.map((n) => ok('iam', 'ListAccessKeys', { AccessKeyMetadata: [{ UserName: n, AccessKeyId: 'AKIA' + n, Status: 'Active', CreateDate: daysAgo(30) }] }, { params: { UserName: n } })),
    ...names.map((n) => ok('iam', 'ListAttachedUserPolicies', { AttachedPolicies: [] }, { params: { UserName: n } })),
    ...names.map((n) => ok('iam', 'ListUserPolicies', { PolicyNames: [] }, { params: { UserName: n } })),
  ];
  let t = performance.now();
  const ctx = new CheckContext(new SnapshotIndex(makeSnapshot(calls)));
  console.log('index', Math.round(performance.now() - t), 'ms');
  const t0 = performance.now();
  for (const rec of IAM) {
    t = performance.now();
    evaluateOne(rec, ctx);
    console.log(rec.id, Math.round(performance.now() - t), 'ms');
  }
  console.log('total', Math.round(performance.now() - t0));
}, 120000);
