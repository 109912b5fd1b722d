import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { accessAnalyzer } from './2.19-access-analyzer.js';

const analyzer = (region: string, name: string, type: string, status = 'ACTIVE') => ({
  arn: `arn:aws:access-analyzer:${region}:111122223333:analyzer/${name}`,
  name,
  type,
  createdAt: '2025-05-01T08:00:00+00:00',
  lastResourceAnalyzed: 'arn:aws:s3:::northwind-web-assets',
  lastResourceAnalyzedAt: '2026-11-20T08:00:00+00:00',
  status,
  tags: {},
});
const list = (region: string, ...analyzers: ReturnType<typeof analyzer>[]) => ok('accessanalyzer', 'ListAnalyzers', { analyzers }, { region });

describe('2.19 access analyzer in every region', () => {
  it('passes when every region in scope has an active external access analyzer', () => {
    const result = run(accessAnalyzer, makeSnapshot([list('us-east-1', analyzer('us-east-1', 'org-external', 'ORGANIZATION')), list('eu-west-1', analyzer('eu-west-1', 'external', 'ACCOUNT'))]));
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.resource)).toEqual(['arn:aws:access-analyzer:us-east-1:111122223333:analyzer/org-external', 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/external']);
  });

  it('fails a region with none, or only unused-access or inactive analyzers', () => {
    const snapshot = makeSnapshot([list('us-east-1', analyzer('us-east-1', 'unused', 'ACCOUNT_UNUSED_ACCESS'), analyzer('us-east-1', 'external', 'ACCOUNT', 'CREATING')), list('eu-west-1')]);
    const result = run(accessAnalyzer, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ region: 'us-east-1', status: 'fail' });
    expect(result.findings[0]?.detail).toContain('found unused (ACCOUNT_UNUSED_ACCESS, ACTIVE), external (ACCOUNT, CREATING)');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'fail', detail: 'no active external access analyzer in eu-west-1' });
  });

  it('is an error for a region whose call is denied or missing, still judging the others', () => {
    const result = run(accessAnalyzer, makeSnapshot([denied('accessanalyzer', 'ListAnalyzers', { region: 'eu-west-1' }), list('us-east-1', analyzer('us-east-1', 'a', 'ACCOUNT'))]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('accessanalyzer ListAnalyzers failed in eu-west-1');
    const missing = run(accessAnalyzer, makeSnapshot([list('us-east-1')]));
    expect(missing.status).toBe('fail');
    expect(missing.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'error' });
  });
});
