import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../checks/evaluate.js';
import { loadDemoSnapshot } from '../src/demo.js';
import { packagePath } from '../src/paths.js';

describe('the demo account', () => {
  const snapshot = loadDemoSnapshot();
  const results = evaluateSnapshot(snapshot);
  const count = (status: string) => results.filter((r) => r.status === status).length;

  it('is a valid snapshot of several regions', () => {
    expect(snapshot.account).toBe('111122223333');
    expect(snapshot.regions.length).toBeGreaterThanOrEqual(4);
  });

  it('gives a result for each of the 63 recommendations with a believable mix', () => {
    expect(results).toHaveLength(63);
    expect(count('pass')).toBeGreaterThanOrEqual(5);
    expect(count('fail')).toBeGreaterThanOrEqual(20);
    expect(count('manual')).toBeGreaterThanOrEqual(5);
  });

  it('has exactly one denied call, and only that call gives an error result', () => {
    const denied = snapshot.calls.filter((c) => c.error && /AccessDenied/.test(c.error.code) && !/not enabled/i.test(c.error.message ?? ''));
    expect(denied.map((c) => `${c.service} ${c.operation} ${c.region}`)).toEqual(['macie2 GetMacieSession eu-central-1']);
    const errors = results.filter((r) => r.status === 'error');
    expect(errors.map((r) => r.id)).toEqual(['3.1.3']);
    expect(errors[0]?.findings.some((f) => f.detail.includes('GetMacieSession'))).toBe(true);
  });

  it('refuses fragments that record the same call differently', () => {
    const folder = mkdtempSync(join(tmpdir(), 'assay-demo-'));
    cpSync(packagePath('src', 'demo', 'fragments', 'base.json'), join(folder, 'base.json'));
    const call = { service: 'iam', operation: 'GetAccountSummary', region: 'us-east-1', params: {} };
    writeFileSync(join(folder, 'a.json'), JSON.stringify({ calls: [{ ...call, output: { SummaryMap: { Users: 1 } } }] }));
    writeFileSync(join(folder, 'b.json'), JSON.stringify({ calls: [{ ...call, output: { SummaryMap: { Users: 2 } } }] }));
    expect(() => loadDemoSnapshot(folder)).toThrow(/iam GetAccountSummary us-east-1 \{\} differs between a\.json and b\.json/);
  });
});
