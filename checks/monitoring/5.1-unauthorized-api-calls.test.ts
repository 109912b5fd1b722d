import { describe, expect, it } from 'vitest';
import { denied, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
import { unauthorizedApiCallsMonitored as REC } from './5.1-unauthorized-api-calls.js';

const PATTERN = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';

describe('5.1 unauthorized API calls', () => {
  it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
    const result = run(REC, chainSnapshot(PATTERN));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
    expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
  });

  it('accepts the same filter written differently', () => {
    const variant = '{($.eventName!="HeadBucket") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.errorCode="AccessDenied*") || ($.errorCode="*UnauthorizedOperation")}';
    expect(run(REC, chainSnapshot(variant)).status).toBe('manual');
  });

  it('fails when the filter misses part of the pattern', () => {
    const result = run(REC, chainSnapshot('{ ($.errorCode = "*UnauthorizedOperation") || ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('AccessDenied*');
  });

  it('fails a filter that brackets both error codes before the exclusions', () => {
    const regrouped = '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    const result = run(REC, chainSnapshot(regrouped));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('misses { $.errorCode = "*UnauthorizedOperation" }');
  });

  it('is an error naming the call when the metric filters could not be read', () => {
    const result = run(REC, chainSnapshot(PATTERN, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { LogGroupName: LOG_GROUP } }) } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });
});
