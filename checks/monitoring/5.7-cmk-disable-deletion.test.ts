import { describe, expect, it } from 'vitest';
import { denied, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
import { cmkDisableOrDeletionMonitored as REC } from './5.7-cmk-disable-deletion.js';

const PATTERN = '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)|| ($.eventName=ScheduleKeyDeletion)) }';

describe('5.7 KMS keys being disabled or scheduled for deletion', () => {
  it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
    const result = run(REC, chainSnapshot(PATTERN));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
    expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
  });

  it('accepts the same filter written differently', () => {
    const variant = '{ (($.eventName = "ScheduleKeyDeletion") || ($.eventName = "DisableKey")) && ($.eventSource = "kms.amazonaws.com") }';
    expect(run(REC, chainSnapshot(variant)).status).toBe('manual');
  });

  it('fails when the filter misses part of the pattern', () => {
    const result = run(REC, chainSnapshot('{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('ScheduleKeyDeletion');
  });

  it('is an error naming the call when the metric filters could not be read', () => {
    const result = run(REC, chainSnapshot(PATTERN, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { LogGroupName: LOG_GROUP } }) } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });
});
