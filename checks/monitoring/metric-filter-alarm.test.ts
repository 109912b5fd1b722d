import { describe, expect, it } from 'vitest';
import { denied, ok, run } from '../../test/helpers/snapshot.js';
import {
  ALARM_ARN,
  chainSnapshot,
  confirmedSubscription,
  LOG_GROUP,
  LOG_GROUP_ARN,
  metricAlarm,
  metricFilter,
  pendingSubscription,
  TOPIC_ARN,
  TRAIL_ARN,
} from '../../test/helpers/monitoring-chain.js';
import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

const KMS = '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)|| ($.eventName=ScheduleKeyDeletion)) }';

const check = metricFilterAlarmCheck({
  id: '5.7',
  title: 'test chain',
  level: 2,
  subject: 'KMS key state changes',
  patterns: [KMS],
  eventSource: 'kms.amazonaws.com',
  metricName: 'KeyStateChanges',
  protects: 'test',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'test' },
});

const OTHER_TOPIC = 'arn:aws:sns:us-east-1:111122223333:ops-pager';

describe('the 5.x metric filter and alarm chain', () => {
  it('is manual, with every link as evidence, when the chain is complete', () => {
    const result = run(check, chainSnapshot(KMS));
    expect(result.status).toBe('manual');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ resource: ALARM_ARN, region: 'us-east-1', status: 'manual' });
    expect(finding?.detail).toBe(
      "trail main-trail (multi-region, logging, read and write management events) → log group cloudtrail/main (us-east-1) → metric filter 'cis-filter' (the prescribed pattern) → metric CISBenchmark/TestMetric → alarm 'cis-alarm' (Sum GreaterThanOrEqualToThreshold 1 over 300 s) → SNS topic security-alerts → 1 confirmed subscription (email)",
    );
  });

  it('accepts a re-spaced, re-quoted, reordered filter as the same meaning', () => {
    const reordered = '{(($.eventName = "ScheduleKeyDeletion")||($.eventName="DisableKey"))&&$.eventSource="kms.amazonaws.com"}';
    const result = run(check, chainSnapshot(reordered));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
  });

  it('accepts a filter that also catches other events, and says so', () => {
    const broader = '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion) || ($.eventName=DeleteImportedKeyMaterial)) }';
    const result = run(check, chainSnapshot(broader));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('(catches every prescribed event, and more)');
  });

  it('fails naming the missed case when the only filter lacks one clause', () => {
    const result = run(check, chainSnapshot('{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: LOG_GROUP_ARN.replace(/:\*$/, ''), status: 'fail' });
    expect(result.findings[0]?.detail).toContain(
      `no metric filter catches KMS key state changes; the closest, 'cis-filter', misses { $.eventName = "ScheduleKeyDeletion" && $.eventSource = "kms.amazonaws.com" }`,
    );
  });

  it('fails when the log group has no filter about this at all', () => {
    const result = run(check, chainSnapshot('{ $.eventName = ConsoleLogin }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toMatch(/no metric filter catches KMS key state changes \(1 filter, none about this\)$/);
  });

  it('leaves a filter it cannot read to the assessor instead of failing', () => {
    const result = run(check, chainSnapshot('?DisableKey ?ScheduleKeyDeletion'));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("review by hand: 'cis-filter' (not a JSON filter pattern");
  });

  it('leaves a filter too large to compare to the assessor too', () => {
    const huge = `{ ${Array.from({ length: 13 }, (_, i) => `($.a${i} = 1 || $.b${i} = 2)`).join(' && ')} }`;
    const result = run(check, chainSnapshot(huge));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('expands to more than 4096 alternatives');
  });

  it('fails on a single-region trail', () => {
    const result = run(check, chainSnapshot(KMS, { trail: { IsMultiRegionTrail: false } }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: TRAIL_ARN, region: 'us-east-1' });
    expect(result.findings[0]?.detail).toContain('records only its home region us-east-1');
  });

  it('fails on a trail that is not logging', () => {
    const result = run(check, chainSnapshot(KMS, { isLogging: false }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('is multi-region but not logging');
  });

  it('fails when the trail records only write management events', () => {
    const result = run(check, chainSnapshot(KMS, { eventSelectors: { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }] } }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('trail main-trail records write management events only');
  });

  it('fails when the trail leaves out the events this recommendation is about', () => {
    const selectors = { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: ['kms.amazonaws.com'] }] };
    const result = run(check, chainSnapshot(KMS, { eventSelectors: selectors }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('leaves out kms.amazonaws.com management events');
  });

  it('reads advanced event selectors that record all management events', () => {
    const selectors = { AdvancedEventSelectors: [{ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] };
    expect(run(check, chainSnapshot(KMS, { eventSelectors: selectors })).status).toBe('manual');
    const readOnly = {
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }] }],
    };
    expect(run(check, chainSnapshot(KMS, { eventSelectors: readOnly })).findings[0]?.detail).toContain('records read management events only');
  });

  it('fails when the trail does not deliver to CloudWatch Logs', () => {
    const result = run(check, chainSnapshot(KMS, { trail: { CloudWatchLogsLogGroupArn: undefined } }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('does not deliver its events to CloudWatch Logs');
  });

  it('fails when the log group is gone', () => {
    const gone = denied('logs', 'DescribeMetricFilters', { params: { logGroupName: LOG_GROUP }, code: 'ResourceNotFoundException' });
    const result = run(check, chainSnapshot(KMS, { replace: { DescribeMetricFilters: gone } }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('the log group does not exist');
  });

  it('fails when no alarm watches the metric (a namespace mismatch counts as none)', () => {
    const result = run(check, chainSnapshot(KMS, { alarms: [metricAlarm({ Namespace: 'LogMetrics' })] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('metric CISBenchmark/TestMetric: no CloudWatch alarm watches this metric');
  });

  it('counts a metric-math alarm that reads the metric', () => {
    const mathAlarm = metricAlarm({
      MetricName: undefined,
      Namespace: undefined,
      Metrics: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'TestMetric', Dimensions: [] }, Period: 300, Stat: 'Sum' }, ReturnData: true }],
    });
    expect(run(check, chainSnapshot(KMS, { alarms: [mathAlarm] })).status).toBe('manual');
  });

  it('fails when the alarm cannot notify anyone', () => {
    const disabled = run(check, chainSnapshot(KMS, { alarms: [metricAlarm({ ActionsEnabled: false })] }));
    expect(disabled.status).toBe('fail');
    expect(disabled.findings[0]).toMatchObject({ resource: ALARM_ARN });
    expect(disabled.findings[0]?.detail).toContain("the alarm's actions are disabled");
    const noTopic = run(check, chainSnapshot(KMS, { alarms: [metricAlarm({ AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] })] }));
    expect(noTopic.findings[0]?.detail).toContain('the alarm notifies no SNS topic');
  });

  it('fails when the topic has only subscriptions pending confirmation', () => {
    const result = run(check, chainSnapshot(KMS, { subscriptions: [pendingSubscription(), pendingSubscription()] }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: TOPIC_ARN, region: 'us-east-1' });
    expect(result.findings[0]?.detail).toContain('SNS topic security-alerts: no confirmed subscription (2 pending confirmation)');
  });

  it('fails when the topic no longer exists', () => {
    const gone = denied('sns', 'ListSubscriptionsByTopic', { params: { TopicArn: TOPIC_ARN }, code: 'NotFound' });
    const result = run(check, chainSnapshot(KMS, { replace: { ListSubscriptionsByTopic: gone } }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('the topic does not exist');
  });

  it('is satisfied by any complete path when several alarms exist', () => {
    const alarms = [metricAlarm({ AlarmName: 'pager', AlarmArn: `${ALARM_ARN}-pager`, AlarmActions: [OTHER_TOPIC] }), metricAlarm()];
    const extra = [ok('sns', 'ListSubscriptionsByTopic', { Subscriptions: [pendingSubscription(OTHER_TOPIC)] }, { params: { TopicArn: OTHER_TOPIC } })];
    const result = run(check, chainSnapshot(KMS, { alarms, extra }));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('SNS topic security-alerts → 1 confirmed subscription');
  });

  it('reports the deepest broken link across paths', () => {
    const alarms = [metricAlarm({ AlarmActions: [OTHER_TOPIC] })];
    const extra = [ok('sns', 'ListSubscriptionsByTopic', { Subscriptions: [pendingSubscription(OTHER_TOPIC)] }, { params: { TopicArn: OTHER_TOPIC } })];
    const filters = [metricFilter('{ $.eventName = ConsoleLogin }', 'console'), metricFilter(KMS, 'kms')];
    const result = run(check, chainSnapshot(KMS, { alarms, extra, filters }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain("metric filter 'kms'");
    expect(result.findings[0]?.detail).toContain('SNS topic ops-pager: no confirmed subscription (1 pending confirmation)');
  });

  it('follows the log group into its own region', () => {
    const euGroup = 'arn:aws:logs:eu-west-1:111122223333:log-group:trail-eu:*';
    const snapshot = chainSnapshot(KMS, {
      trail: { CloudWatchLogsLogGroupArn: euGroup },
      replace: { DescribeMetricFilters: ok('logs', 'DescribeMetricFilters', { metricFilters: [metricFilter(KMS)] }, { region: 'eu-west-1', params: { logGroupName: 'trail-eu' } }) },
    });
    const result = run(check, snapshot);
    // The fixture's alarm is in us-east-1 and eu-west-1 has none: the metric lives in the log group's region.
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ region: 'eu-west-1' });
    expect(result.findings[0]?.detail).toContain('log group trail-eu (eu-west-1)');
  });

  it('fails when the account has no trail at all', () => {
    const empty = ['us-east-1', 'eu-west-1'].map((region) => ok('cloudtrail', 'DescribeTrails', { trailList: [] }, { region }));
    const result = run(check, chainSnapshot(KMS, { replace: { DescribeTrails: null }, extra: empty }));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('no CloudTrail trail exists');
  });

  it('still finds a multi-region trail when one region’s DescribeTrails is missing', () => {
    const onlyEu = ok('cloudtrail', 'DescribeTrails', chainSnapshot(KMS).calls[1]?.output, { region: 'eu-west-1' });
    expect(run(check, chainSnapshot(KMS, { replace: { DescribeTrails: onlyEu } })).status).toBe('manual');
  });

  it('is an error naming DescribeTrails when no region could list trails', () => {
    const result = run(check, chainSnapshot(KMS, { replace: { DescribeTrails: denied('cloudtrail', 'DescribeTrails') } }));
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => [f.region, f.status])).toEqual([
      ['us-east-1', 'error'],
      ['eu-west-1', 'error'],
    ]);
    expect(result.findings[0]?.detail).toContain('cloudtrail DescribeTrails failed in us-east-1: AccessDenied');
    expect(result.findings[1]?.detail).toContain('cloudtrail DescribeTrails was not collected for eu-west-1');
  });

  it.each([
    ['GetTrailStatus', 'cloudtrail GetTrailStatus'],
    ['GetEventSelectors', 'cloudtrail GetEventSelectors'],
    ['DescribeMetricFilters', 'logs DescribeMetricFilters'],
    ['DescribeAlarms', 'cloudwatch DescribeAlarms'],
    ['ListSubscriptionsByTopic', 'sns ListSubscriptionsByTopic'],
  ] as const)('is an error naming the call when %s was not collected', (call, named) => {
    const result = run(check, chainSnapshot(KMS, { replace: { [call]: null } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain(named);
    expect(result.findings[0]?.detail).toContain('was not collected');
  });

  it('is an error, not a failure, when one trail is broken and another cannot be read', () => {
    const legacyArn = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy';
    const legacy = { Name: 'legacy', TrailARN: legacyArn, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: LOG_GROUP_ARN };
    const snapshot = chainSnapshot(KMS, { isLogging: false });
    for (const call of snapshot.calls) {
      if (call.operation === 'DescribeTrails') (call.output as { trailList: unknown[] }).trailList.push(legacy);
    }
    snapshot.calls.push(denied('cloudtrail', 'GetTrailStatus', { region: 'eu-west-1', params: { Name: legacyArn } }) as never);
    const result = run(check, snapshot);
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => f.status).sort()).toEqual(['error', 'manual']);
    expect(result.findings.find((f) => f.status === 'error')?.detail).toContain('cloudtrail GetTrailStatus');
    expect(result.findings.find((f) => f.status === 'manual')?.detail).toContain('not logging');
  });

  it('names every multi-region trail when all are proven broken, leaving out single-region ones', () => {
    const secondArn = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/second';
    const second = { Name: 'second', TrailARN: secondArn, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true };
    const single = { Name: 'regional', TrailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/regional', HomeRegion: 'eu-west-1', IsMultiRegionTrail: false };
    const snapshot = chainSnapshot(KMS, { subscriptions: [], extra: [ok('cloudtrail', 'GetTrailStatus', { IsLogging: false }, { region: 'eu-west-1', params: { Name: secondArn } })] });
    for (const call of snapshot.calls) {
      if (call.operation === 'DescribeTrails') (call.output as { trailList: unknown[] }).trailList.push(second, single);
    }
    const result = run(check, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.detail)).toEqual([
      expect.stringContaining('SNS topic security-alerts: no confirmed subscription, so the alarm reaches nobody'),
      'trail second is multi-region but not logging',
    ]);
  });

  it('names the single-region trails when there is nothing else', () => {
    const result = run(check, chainSnapshot(KMS, { trail: { IsMultiRegionTrail: false } }));
    expect(result.findings.map((f) => f.detail)).toEqual(['trail main-trail records only its home region us-east-1; a multi-region trail is needed']);
  });

  it('points at the closest filter only when it catches at least half the prescribed cases', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const anyOf = (list: string[]) => `{ ($.eventSource = organizations.amazonaws.com) && (${list.map((n) => `($.eventName = ${n})`).join(' || ')}) }`;
    const organizations = metricFilterAlarmCheck({
      id: '5.15',
      title: 'test chain',
      level: 1,
      subject: 'organization changes',
      patterns: [anyOf(names)],
      metricName: 'Orgs',
      protects: 'test',
      risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'test' },
    });
    const detail = (pattern: string) => run(organizations, chainSnapshot(pattern)).findings[0]?.detail;
    expect(detail(anyOf(['A', 'B', 'C', 'D']))).toMatch(/no metric filter catches organization changes \(1 filter, none about this\)$/);
    expect(detail(anyOf(['A', 'B', 'C', 'D', 'E']))).toMatch(/the closest, 'cis-filter', misses \{ \$\.eventName = "F" && \$\.eventSource = "organizations\.amazonaws\.com" \}, \{ [^}]*"G"[^}]* \}, \{ [^}]*"H"[^}]* \} and 2 more$/);
  });

  it('lists the calls it reads, per resource where the call is about one', () => {
    expect(check.reads.map((r) => `${r.service} ${r.operation}${r.per ? ` {${r.per}}` : ''}`)).toEqual([
      'cloudtrail DescribeTrails',
      'cloudtrail GetTrailStatus {Name}',
      'cloudtrail GetEventSelectors {TrailName}',
      'logs DescribeMetricFilters {logGroupName}',
      'cloudwatch DescribeAlarms',
      'sns ListSubscriptionsByTopic {TopicArn}',
    ]);
    expect(check.assessment).toBe('manual');
  });

  it('keeps confirmed subscriptions apart from pending ones on the same topic', () => {
    const result = run(check, chainSnapshot(KMS, { subscriptions: [pendingSubscription(), confirmedSubscription()] }));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toMatch(/1 confirmed subscription \(email\)$/);
  });
});
