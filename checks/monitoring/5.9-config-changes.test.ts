import { describe, expect, it } from 'vitest';
import { denied, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
import { configChangesMonitored as REC } from './5.9-config-changes.js';

const PATTERN = '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }';

describe('5.9 AWS Config recorder and delivery channel changes', () => {
  it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
    const result = run(REC, chainSnapshot(PATTERN));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
    expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
  });

  it('accepts the same filter written differently', () => {
    const variant = '{ ($.eventSource = "config.amazonaws.com") && (($.eventName = "PutConfigurationRecorder") || ($.eventName = "PutDeliveryChannel") || ($.eventName = "DeleteDeliveryChannel") || ($.eventName = "StopConfigurationRecorder")) }';
    expect(run(REC, chainSnapshot(variant)).status).toBe('manual');
  });

  it('fails when the filter misses part of the pattern', () => {
    const result = run(REC, chainSnapshot('{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('DeleteDeliveryChannel');
  });

  it('explains how it reads the typo in the benchmark pattern', () => {
    expect(REC.guidance.verifyCli.join(' ')).toContain('($.eventName>DeleteDeliveryChannel)');
  });

  it('is an error naming the call when the metric filters could not be read', () => {
    const result = run(REC, chainSnapshot(PATTERN, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { LogGroupName: LOG_GROUP } }) } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });
});
