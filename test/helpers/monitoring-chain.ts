import type { Snapshot, SnapshotCall } from '../../src/snapshot.js';
import { makeSnapshot, TEST_ACCOUNT } from './snapshot.js';

/** The pieces of a 5.1–5.15 chain in a test account, as the AWS CLI prints them. */
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/main-trail`;
export const LOG_GROUP = 'cloudtrail/main';
export const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${LOG_GROUP}:*`;
export const TOPIC_ARN = `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:security-alerts`;
export const ALARM_ARN = `arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:alarm:cis-alarm`;

export type ChainCall = 'DescribeTrails' | 'GetTrailStatus' | 'GetEventSelectors' | 'DescribeMetricFilters' | 'DescribeAlarms' | 'ListSubscriptionsByTopic';

export interface ChainOptions {
  /** Members merged into the trail of DescribeTrails. */
  trail?: Record<string, unknown>;
  isLogging?: boolean;
  /** The whole GetEventSelectors output. */
  eventSelectors?: Record<string, unknown>;
  /** The metricFilters list; by default one filter with the given pattern on metric CISBenchmark/TestMetric. */
  filters?: Record<string, unknown>[];
  /** The MetricAlarms list; by default one alarm on CISBenchmark/TestMetric notifying TOPIC_ARN. */
  alarms?: Record<string, unknown>[];
  /** The subscriptions of TOPIC_ARN; by default one confirmed email subscription. */
  subscriptions?: Record<string, unknown>[];
  /** Replace a call's recording with another (e.g. `denied(...)`), or drop it with null. */
  replace?: Partial<Record<ChainCall, Partial<SnapshotCall> | null>>;
  /** More calls, e.g. other topics' subscriptions. */
  extra?: Partial<SnapshotCall>[];
  regions?: string[];
}

export const metricFilter = (filterPattern: string, name = 'cis-filter', metricName = 'TestMetric') => ({
  filterName: name,
  filterPattern,
  metricTransformations: [{ metricName, metricNamespace: 'CISBenchmark', metricValue: '1' }],
  creationTime: 1767225600000,
  logGroupName: LOG_GROUP,
});

export const metricAlarm = (overrides: Record<string, unknown> = {}) => ({
  AlarmName: 'cis-alarm',
  AlarmArn: ALARM_ARN,
  ActionsEnabled: true,
  OKActions: [],
  AlarmActions: [TOPIC_ARN],
  InsufficientDataActions: [],
  StateValue: 'OK',
  MetricName: 'TestMetric',
  Namespace: 'CISBenchmark',
  Statistic: 'Sum',
  Dimensions: [],
  Period: 300,
  EvaluationPeriods: 1,
  Threshold: 1.0,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  ...overrides,
});

export const confirmedSubscription = (topic = TOPIC_ARN) => ({
  SubscriptionArn: `${topic}:0c1d2e3f-4a5b-4c6d-8e7f-901234567890`,
  Owner: TEST_ACCOUNT,
  Protocol: 'email',
  Endpoint: 'secops@example.com',
  TopicArn: topic,
});

export const pendingSubscription = (topic = TOPIC_ARN) => ({
  SubscriptionArn: 'PendingConfirmation',
  Owner: TEST_ACCOUNT,
  Protocol: 'email',
  Endpoint: 'oncall@example.com',
  TopicArn: topic,
});

/** A snapshot holding a complete chain for `filterPattern`, altered by `options`. */
export function chainSnapshot(filterPattern: string, options: ChainOptions = {}): Snapshot {
  const regions = options.regions ?? ['us-east-1', 'eu-west-1'];
  const trail = {
    Name: 'main-trail',
    S3BucketName: 'audit-logs',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: 'us-east-1',
    TrailARN: TRAIL_ARN,
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn: LOG_GROUP_ARN,
    CloudWatchLogsRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/CloudTrailToCloudWatch`,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
    ...options.trail,
  };
  const calls: Record<ChainCall, Partial<SnapshotCall>[]> = {
    DescribeTrails: regions.map((region) => ({ service: 'cloudtrail', operation: 'DescribeTrails', region, params: {}, output: { trailList: [trail] } })),
    GetTrailStatus: [
      {
        service: 'cloudtrail',
        operation: 'GetTrailStatus',
        region: 'us-east-1',
        params: { Name: TRAIL_ARN },
        output: { IsLogging: options.isLogging ?? true, LatestDeliveryTime: '2026-11-25T09:55:00Z', StartLoggingTime: '2025-01-10T08:00:00Z' },
      },
    ],
    GetEventSelectors: [
      {
        service: 'cloudtrail',
        operation: 'GetEventSelectors',
        region: 'us-east-1',
        params: { TrailName: TRAIL_ARN },
        output: options.eventSelectors ?? {
          TrailARN: TRAIL_ARN,
          EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
        },
      },
    ],
    DescribeMetricFilters: [
      {
        service: 'logs',
        operation: 'DescribeMetricFilters',
        region: 'us-east-1',
        params: { logGroupName: LOG_GROUP },
        output: { metricFilters: options.filters ?? [metricFilter(filterPattern)] },
      },
    ],
    DescribeAlarms: regions.map((region) => ({
      service: 'cloudwatch',
      operation: 'DescribeAlarms',
      region,
      params: {},
      output: { MetricAlarms: region === 'us-east-1' ? (options.alarms ?? [metricAlarm()]) : [], CompositeAlarms: [] },
    })),
    ListSubscriptionsByTopic: [
      {
        service: 'sns',
        operation: 'ListSubscriptionsByTopic',
        region: 'us-east-1',
        params: { TopicArn: TOPIC_ARN },
        output: { Subscriptions: options.subscriptions ?? [confirmedSubscription()] },
      },
    ],
  };
  const chosen = (Object.keys(calls) as ChainCall[]).flatMap((op) => {
    if (!options.replace || !(op in options.replace)) return calls[op];
    const replacement = options.replace[op];
    return replacement ? [replacement] : [];
  });
  return makeSnapshot([...chosen, ...(options.extra ?? [])], { regions });
}
