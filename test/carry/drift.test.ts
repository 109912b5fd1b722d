import { describe, expect, it } from 'vitest';
import type { CheckStatus, Finding } from '../../checks/types.js';
import { computeDrift } from '../../src/drift.js';
import type { FindingSource, StoredResult } from '../../src/model.js';

const finding = (resource: string, status: CheckStatus, detail = `${resource} is ${status}`, region = 'us-east-1'): Finding => ({ resource, region, status, detail });
const result = (recId: string, status: CheckStatus, findings: Finding[], source: FindingSource = 'assay'): StoredResult => ({ recId, status, source, findings });

describe('computeDrift', () => {
  it('is empty for identical results', () => {
    const results = [result('2.7', 'pass', [finding('111122223333', 'pass')]), result('3.1.1', 'fail', [finding('bucket-a', 'fail')])];
    expect(computeDrift(results, structuredClone(results))).toEqual([]);
  });

  it('reports a changed result with the resource that changed verdict', () => {
    const before = [result('2.7', 'fail', [finding('111122223333', 'fail', 'minimum length 8')])];
    const after = [result('2.7', 'pass', [finding('111122223333', 'pass', 'minimum length 14')])];
    expect(computeDrift(before, after)).toEqual([
      {
        recId: '2.7',
        source: 'assay',
        before: 'fail',
        after: 'pass',
        statusChanged: true,
        resources: [
          {
            kind: 'changed',
            resource: '111122223333',
            region: 'us-east-1',
            before: { status: 'fail', detail: 'minimum length 8' },
            after: { status: 'pass', detail: 'minimum length 14' },
          },
        ],
      },
    ]);
  });

  it('reports added and removed resources even when the result stays the same', () => {
    const before = [result('3.1.1', 'fail', [finding('bucket-a', 'fail'), finding('bucket-b', 'pass')])];
    const after = [result('3.1.1', 'fail', [finding('bucket-a', 'fail'), finding('bucket-c', 'fail', 'no policy', 'eu-west-1')])];
    const [entry, ...rest] = computeDrift(before, after);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ recId: '3.1.1', before: 'fail', after: 'fail', statusChanged: false });
    expect(entry?.resources).toEqual([
      { kind: 'added', resource: 'bucket-c', region: 'eu-west-1', after: { status: 'fail', detail: 'no policy' } },
      { kind: 'removed', resource: 'bucket-b', region: 'us-east-1', before: { status: 'pass', detail: 'bucket-b is pass' } },
    ]);
  });

  it('ignores details that move without a change of verdict (ages, counts)', () => {
    const before = [result('2.13', 'fail', [finding('user/ann', 'fail', 'key is 95 days old')])];
    const after = [result('2.13', 'fail', [finding('user/ann', 'fail', 'key is 120 days old')])];
    expect(computeDrift(before, after)).toEqual([]);
  });

  it('tells the same resource in two regions apart', () => {
    const before = [result('6.5', 'pass', [finding('sg-default', 'pass', 'closed', 'us-east-1'), finding('sg-default', 'pass', 'closed', 'eu-west-1')])];
    const after = [result('6.5', 'fail', [finding('sg-default', 'pass', 'closed', 'us-east-1'), finding('sg-default', 'fail', 'open', 'eu-west-1')])];
    expect(computeDrift(before, after)[0]?.resources.map((r) => [r.kind, r.region])).toEqual([['changed', 'eu-west-1']]);
  });

  it('judges a resource with several findings by its worst one', () => {
    const before = [result('4.8', 'pass', [finding('trail', 'pass', 'write events'), finding('trail', 'pass', 'all buckets')])];
    const after = [result('4.8', 'fail', [finding('trail', 'pass', 'write events'), finding('trail', 'fail', 'one bucket only')])];
    const change = computeDrift(before, after)[0]?.resources[0];
    expect(change).toMatchObject({ kind: 'changed', before: { status: 'pass' }, after: { status: 'fail', detail: 'one bucket only; write events' } });
  });

  it('reports a recommendation present on one side only', () => {
    const before = [result('2.7', 'pass', [finding('acct', 'pass')])];
    const after = [result('2.7', 'pass', [finding('acct', 'pass')]), result('2.8', 'error', [finding('acct', 'error', 'GetAccountPasswordPolicy denied')])];
    expect(computeDrift(before, after)).toEqual([
      {
        recId: '2.8',
        source: 'assay',
        after: 'error',
        statusChanged: true,
        resources: [{ kind: 'added', resource: 'acct', region: 'us-east-1', after: { status: 'error', detail: 'GetAccountPasswordPolicy denied' } }],
      },
    ]);
  });

  it('compares each source with itself and leaves out a source only one side has', () => {
    const before = [result('2.19', 'fail', [finding('acct', 'fail')]), result('2.19', 'fail', [finding('acct', 'fail')], 'prowler')];
    const after = [
      result('2.19', 'fail', [finding('acct', 'fail')]),
      result('2.19', 'pass', [finding('acct', 'pass')], 'prowler'),
      result('2.5', 'fail', [finding('acct', 'fail')], 'securityhub'),
    ];
    expect(computeDrift(before, after).map((e) => [e.recId, e.source, e.before, e.after])).toEqual([['2.19', 'prowler', 'fail', 'pass']]);
  });

  it('orders entries by benchmark id', () => {
    const before = ['2.10', '2.9', '3.1.4', '2.1'].map((id) => result(id, 'pass', [finding('acct', 'pass')]));
    const after = ['2.10', '2.9', '3.1.4', '2.1'].map((id) => result(id, 'fail', [finding('acct', 'fail')]));
    expect(computeDrift(before, after).map((e) => e.recId)).toEqual(['2.1', '2.9', '2.10', '3.1.4']);
  });
});
