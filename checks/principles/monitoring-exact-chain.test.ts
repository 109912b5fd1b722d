import { describe, expect, it } from 'vitest';
import { chainSnapshot, LOG_GROUP, metricAlarm, metricFilter } from '../../test/helpers/monitoring-chain.js';
import { run } from '../../test/helpers/snapshot.js';
import { rootUsageMonitored } from '../monitoring/5.3-root-usage.js';

const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const withDimensions = (dimensions: Record<string, string>) => {
  const filter = metricFilter(ROOT);
  return { ...filter, metricTransformations: filter.metricTransformations.map((t) => ({ ...t, dimensions })) };
};

describe('principle: a metric filter counts only for the log group it is on', () => {
  it('never completes a chain with a filter of another log group (what the SDK returned when the member name was dropped)', () => {
    const elsewhere = { ...metricFilter(ROOT), logGroupName: 'app/unrelated' };
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters: [elsewhere] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('(the log group has no metric filters; 1 filter on other log groups ignored)');
  });

  it('still counts the filter on the trail\'s own group among others', () => {
    const filters = [{ ...metricFilter(ROOT, 'other-group'), logGroupName: 'app/unrelated' }, metricFilter(ROOT)];
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters }));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain(`log group ${LOG_GROUP} (us-east-1) → metric filter 'cis-filter'`);
  });
});

describe('principle: conditions that narrow do not count — an alarm watches the metric exactly as the filter publishes it', () => {
  it('does not count an alarm without the dimensions the filter publishes: that is a different metric', () => {
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters: [withDimensions({ User: '$.userIdentity.arn' })] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('no CloudWatch alarm watches this metric');
    expect(result.findings[0]?.detail).toContain('the filter publishes it with dimensions User');
    const otherDimensions = metricAlarm({ Dimensions: [{ Name: 'Env', Value: 'prod' }] });
    expect(run(rootUsageMonitored, chainSnapshot(ROOT, { alarms: [otherDimensions] })).status).toBe('fail');
    const mathAlarm = metricAlarm({
      MetricName: undefined,
      Namespace: undefined,
      Metrics: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'TestMetric', Dimensions: [{ Name: 'Env', Value: 'prod' }] }, Period: 300, Stat: 'Sum' } }],
    });
    expect(run(rootUsageMonitored, chainSnapshot(ROOT, { alarms: [mathAlarm] })).status).toBe('fail');
  });

  it('does not count an alarm on one value of a published dimension: it sees only that slice', () => {
    const alarm = metricAlarm({ Dimensions: [{ Name: 'User', Value: 'arn:aws:iam::111122223333:root' }] });
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters: [withDimensions({ User: '$.userIdentity.arn' })], alarms: [alarm] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain("alarm 'cis-alarm' watches only the data points where User=arn:aws:iam::111122223333:root");
  });

  it('does not count an alarm on some of the published dimensions: CloudWatch never publishes that combination', () => {
    const alarm = metricAlarm({ Dimensions: [{ Name: 'User', Value: 'arn:aws:iam::111122223333:root' }] });
    const filter = withDimensions({ User: '$.userIdentity.arn', SourceIp: '$.sourceIPAddress' });
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters: [filter], alarms: [alarm] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('a combination the filter never publishes');
  });

  it('does not count an alarm that fires only when the metric falls', () => {
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { alarms: [metricAlarm({ ComparisonOperator: 'LessThanThreshold' })] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('fires only when the metric falls');
  });
});
