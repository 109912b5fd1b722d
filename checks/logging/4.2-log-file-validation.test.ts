import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { logFileValidation } from './4.2-log-file-validation.js';
import { describeTrails, trail } from './trails.fixtures.js';

const main = trail('main', 'us-east-1');
const legacy = trail('legacy', 'eu-west-1', { IsMultiRegionTrail: false, LogFileValidationEnabled: false });

describe('4.2 log file validation', () => {
  it('passes when every trail validates its logs', () => {
    const result = run(logFileValidation, makeSnapshot([describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main])]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([expect.objectContaining({ resource: main.TrailARN, status: 'pass' })]);
  });

  it('fails a trail without validation, found in its home region only', () => {
    const result = run(logFileValidation, makeSnapshot([describeTrails('us-east-1', [main, legacy]), describeTrails('eu-west-1', [main, legacy])]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ resource: legacy.TrailARN, region: 'eu-west-1', status: 'fail', detail: 'legacy: log file validation is disabled' });
  });

  it('fails an account without trails', () => {
    expect(run(logFileValidation, makeSnapshot([describeTrails('us-east-1', []), describeTrails('eu-west-1', [])])).status).toBe('fail');
  });

  it('is an error naming DescribeTrails for a denied region', () => {
    const result = run(logFileValidation, makeSnapshot([describeTrails('us-east-1', [main]), denied('cloudtrail', 'DescribeTrails', { region: 'eu-west-1' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('cloudtrail DescribeTrails failed in eu-west-1');
  });
});
