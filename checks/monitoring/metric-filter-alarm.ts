import { MissingInput, describeCall, type CheckContext } from '../context.js';
import { HeldByOtherAccount, otherAccount } from '../ownership.js';
import { attempt } from '../requirements.js';
import type { ApiRead, Finding, Level, Recommendation, RiskDefaults } from '../types.js';
import {
  canonicalize,
  coverage,
  equalsCondition,
  FilterPatternError,
  formatAtom,
  NotJsonPatternError,
  parseFilterPattern,
  toTerms,
  type Atom,
  type Coverage,
  type FilterNode,
} from './filter-pattern.js';
import {
  TRAIL_READS,
  describeManagementCoverage,
  listTrails,
  managementEventCoverage,
  multiRegionTrailsMissing,
  noTrailDetail,
  trailEventSelectors,
  trailStatus,
  type Trail,
} from '../logging/trails.js';

/**
 * The shared engine of 5.1–5.15. Each recommendation asks for the same chain, and the chain is
 * only as good as its weakest link:
 *   multi-region trail, logging, all management events (read and write)
 *   → its CloudWatch Logs log group → a metric filter whose pattern catches the prescribed events
 *   → an alarm on the filter's metric → an SNS topic in the alarm's actions
 *   → at least one confirmed subscription.
 * A complete chain gives `manual` with the chain as evidence (v6 marks these Manual); a chain the
 * data proves broken gives `fail` naming the link; missing or denied input gives `error`.
 *
 * Filter equivalence: a filter counts when it catches every event the benchmark's pattern catches
 * (compared by meaning, see filter-pattern.ts `coverage`), so extra OR alternatives or dropped
 * exclusions are accepted and reported as broader; a catch-all filter is not. Only filters on the
 * trail's own log group count.
 *
 * Alarm exactness: an alarm counts only when it watches the metric exactly as the filter publishes
 * it — namespace, name and dimensions (CloudWatch keeps each dimension combination as a metric of
 * its own, so an alarm with other or no dimensions sees none of the filter's data points, and one
 * on a dimension value sees only that slice) — and fires when the metric rises.
 *
 * A link that cannot be read leaves the chain unknown only if no later link is proven broken, and
 * a log group in another account (an organization trail seen from a member) is the assessor's.
 */

export interface MonitoringSpec {
  id: string;
  title: string;
  level: Level;
  /** What the alarm is about, for sentences: "unauthorized API calls". */
  subject: string;
  /** The benchmark's pattern; further entries are alternatives the benchmark also accepts. */
  patterns: string[];
  /** The service the recommendation is about: every relevant event carries this eventSource. */
  eventSource?: string;
  /** A metric name to suggest in the remediation commands. */
  metricName: string;
  protects: string;
  risk: RiskDefaults;
  /** A remark on the benchmark's pattern, shown with the verification steps. */
  patternNote?: string;
  /** Calls read for supporting evidence only. */
  extraReads?: ApiRead[];
  /** A line of supporting evidence added to every finding. */
  context?: (ctx: CheckContext) => string | undefined;
}

interface MetricTransformation {
  metricName: string;
  metricNamespace: string;
  dimensions?: Record<string, string>;
}

interface MetricFilter {
  filterName: string;
  filterPattern?: string;
  metricTransformations?: MetricTransformation[];
  logGroupName?: string;
}

interface MetricDimension {
  Name: string;
  Value?: string;
}

interface MetricAlarm {
  AlarmName: string;
  AlarmArn?: string;
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  MetricName?: string;
  Namespace?: string;
  Dimensions?: MetricDimension[];
  Statistic?: string;
  Period?: number;
  Threshold?: number;
  ComparisonOperator?: string;
  Metrics?: { MetricStat?: { Metric?: { MetricName?: string; Namespace?: string; Dimensions?: MetricDimension[] } } }[];
}

interface Subscription {
  SubscriptionArn?: string;
  Protocol?: string;
}

/** How far along the chain a broken link is: the deepest one is the most useful to report. */
const Depth = { Trail: 0, Logging: 1, Selectors: 2, LogDelivery: 3, Filter: 4, Alarm: 5, AlarmAction: 6, Subscription: 7 } as const;
type Depth = (typeof Depth)[keyof typeof Depth];

type Outcome =
  | { kind: 'satisfied' | 'unknown' | 'unjudged'; resource: string; region: string; detail: string }
  | { kind: 'broken'; depth: Depth; resource: string; region: string; detail: string };

type Read<T> = { ok: true; output: T } | { ok: false; code?: string; why: string };

/** A call's output, or why it cannot be used (not collected, or failed with a code). */
function read<T>(ctx: CheckContext, service: string, operation: string, region: string, params: Record<string, unknown>): Read<T> {
  try {
    const result = ctx.outcome<T>(service, operation, { region, params });
    if (result.ok) return result;
    return { ok: false, code: result.error.code, why: new MissingInput(describeCall(service, operation, params), region, result.error).message };
  } catch (err) {
    if (err instanceof MissingInput) return { ok: false, why: err.message };
    throw err;
  }
}

/** The region and name inside a CloudWatchLogsLogGroupArn (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*`). */
function parseLogGroupArn(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:[^:]+:logs:([^:]+):\d{12}:log-group:(.+?)(?::\*)?$/.exec(arn);
  return m?.[1] && m[2] ? { region: m[1], name: m[2] } : undefined;
}

const arnRegion = (arn: string): string | undefined => arn.split(':')[3] || undefined;

/** How many missed cases a finding spells out. */
const MISSED_SHOWN = 3;

const PRIORITY: Record<Outcome['kind'], number> = { satisfied: 0, unknown: 1, unjudged: 2, broken: 3 };

/** The most telling outcome: a complete chain, else missing data, else the deepest broken link. */
function best(outcomes: Outcome[]): Outcome | undefined {
  return [...outcomes].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (b.kind === 'broken' && a.kind === 'broken' ? b.depth - a.depth : 0))[0];
}

interface FilterMatch {
  filter: MetricFilter;
  label: string;
}

interface Judged {
  matches: FilterMatch[];
  unreadable: string[];
  /** The filter closest to the prescribed one, and the prescribed cases it misses. */
  closest?: { name: string; missing: string[] };
}

function judgeFilters(filters: MetricFilter[], required: FilterNode[], assumed: Atom[]): Judged {
  const judged: Judged = { matches: [], unreadable: [] };
  const requiredCanonical = required.map(canonicalize);
  for (const filter of filters) {
    let node: FilterNode;
    let results: { r: FilterNode; c: Coverage }[];
    try {
      node = parseFilterPattern(filter.filterPattern ?? '');
      results = required.map((r) => ({ r, c: coverage(node, r, assumed) }));
    } catch (err) {
      if (err instanceof FilterPatternError || err instanceof NotJsonPatternError) {
        judged.unreadable.push(`'${filter.filterName}' (${err.message})`);
        continue;
      }
      throw err;
    }
    if (requiredCanonical.includes(canonicalize(node))) {
      judged.matches.push({ filter, label: 'the prescribed pattern' });
      continue;
    }
    const covered = results.find(({ c }) => c.covered && !c.broader) ?? results.find(({ c }) => c.covered);
    if (covered) {
      judged.matches.push({ filter, label: covered.c.broader ? 'catches every prescribed event, and more' : 'same meaning as the prescribed pattern' });
      continue;
    }
    // The closest filter shares a condition with the prescribed pattern and misses the fewest cases.
    const own = new Set(toTerms(node).flat().map(formatAtom));
    for (const { r, c } of results) {
      const cases = toTerms(r);
      const related = cases.some((term) => term.some((a) => own.has(formatAtom(a))));
      // A filter that catches under half of several prescribed cases is about something else.
      const close = related && (cases.length === 1 || c.missing.length * 2 <= cases.length);
      if (close && (!judged.closest || c.missing.length < judged.closest.missing.length)) {
        judged.closest = { name: filter.filterName, missing: c.missing };
      }
    }
  }
  return judged;
}

const formatDimensions = (dims: MetricDimension[]) => dims.map((d) => `${d.Name}=${d.Value ?? '*'}`).join(', ');

/** The metrics an alarm reads: its own, or those of its metric-math queries. */
function alarmMetrics(alarm: MetricAlarm): { MetricName?: string; Namespace?: string; Dimensions?: MetricDimension[] }[] {
  if (alarm.MetricName !== undefined) return [alarm];
  return (alarm.Metrics ?? []).flatMap((q) => (q.MetricStat?.Metric ? [q.MetricStat.Metric] : []));
}

/**
 * Whether the alarm watches the metric exactly as the transformation publishes it: undefined when
 * it does, why not when it reads the same metric name with other dimensions, 'unrelated' otherwise.
 */
function alarmMismatch(alarm: MetricAlarm, t: MetricTransformation): string | 'unrelated' | undefined {
  const published = Object.keys(t.dimensions ?? {}).sort();
  const reasons = alarmMetrics(alarm)
    .filter((m) => m.MetricName === t.metricName && m.Namespace === t.metricNamespace)
    .map((m): string | undefined => {
      const dims = m.Dimensions ?? [];
      if (dims.length === 0 && published.length === 0) return undefined;
      if (dims.length === 0) return `alarm '${alarm.AlarmName}' watches it without them`;
      const names = dims.map((d) => d.Name).sort();
      if (names.join('\u0000') === published.join('\u0000')) return `alarm '${alarm.AlarmName}' watches only the data points where ${formatDimensions(dims)}`;
      return `alarm '${alarm.AlarmName}' watches it with dimensions ${formatDimensions(dims)}, a combination the filter never publishes`;
    });
  if (reasons.length === 0) return 'unrelated';
  return reasons.includes(undefined) ? undefined : reasons[0];
}

/** Comparisons that fire when the watched value rises, as matching events make it do. */
const FIRES_ON_RISE = new Set(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'GreaterThanUpperThreshold', 'LessThanLowerOrGreaterThanUpperThreshold']);

const describeAlarm = (a: MetricAlarm) =>
  `alarm '${a.AlarmName}'${a.Statistic && a.ComparisonOperator ? ` (${a.Statistic} ${a.ComparisonOperator} ${a.Threshold ?? '?'} over ${a.Period ?? '?'} s)` : ''}`;

const topicName = (arn: string) => arn.split(':').pop() ?? arn;

function judgeAlarms(ctx: CheckContext, chain: string, region: string, match: FilterMatch, filterResource: string): Outcome[] {
  const transformations = match.filter.metricTransformations ?? [];
  if (transformations.length === 0) {
    return [{ kind: 'broken', depth: Depth.Alarm, resource: filterResource, region, detail: `${chain}: the filter publishes no metric` }];
  }
  const alarms = read<{ MetricAlarms?: MetricAlarm[] }>(ctx, 'cloudwatch', 'DescribeAlarms', region, {});
  if (!alarms.ok) return [{ kind: 'unknown', resource: filterResource, region, detail: `${chain}: cannot look for its alarm — ${alarms.why}` }];
  return transformations.flatMap((t): Outcome[] => {
    const metric = `${t.metricNamespace}/${t.metricName}`;
    const all = alarms.output.MetricAlarms ?? [];
    const watching = all.filter((a) => alarmMismatch(a, t) === undefined);
    if (watching.length === 0) {
      const published = Object.keys(t.dimensions ?? {});
      const nearMisses = all.map((a) => alarmMismatch(a, t)).filter((why): why is string => why !== undefined && why !== 'unrelated');
      const shape = published.length > 0 ? `the filter publishes it with dimensions ${published.join(', ')}` : 'the filter publishes it without dimensions';
      const why = nearMisses.length > 0 || published.length > 0 ? `; ${[shape, ...nearMisses].join(', and ')}` : '';
      return [{ kind: 'broken', depth: Depth.Alarm, resource: filterResource, region, detail: `${chain} → metric ${metric}: no CloudWatch alarm watches this metric${why}` }];
    }
    return watching.flatMap((alarm): Outcome[] => {
      const atAlarm = `${chain} → metric ${metric} → ${describeAlarm(alarm)}`;
      const where = { resource: alarm.AlarmArn ?? ctx.arn('cloudwatch', region, `alarm:${alarm.AlarmName}`), region };
      if (alarm.ComparisonOperator !== undefined && !FIRES_ON_RISE.has(alarm.ComparisonOperator)) {
        return [{ kind: 'broken', depth: Depth.Alarm, ...where, detail: `${atAlarm}: the alarm fires only when the metric falls (${alarm.ComparisonOperator}), never on the events the filter counts` }];
      }
      if (alarm.ActionsEnabled === false) return [{ kind: 'broken', depth: Depth.AlarmAction, ...where, detail: `${atAlarm}: the alarm's actions are disabled` }];
      const topics = (alarm.AlarmActions ?? []).filter((a) => a.split(':')[2] === 'sns');
      if (topics.length === 0) return [{ kind: 'broken', depth: Depth.AlarmAction, ...where, detail: `${atAlarm}: the alarm notifies no SNS topic` }];
      return topics.map((topic): Outcome => {
        const topicRegion = arnRegion(topic) ?? region;
        const atTopic = `${atAlarm} → SNS topic ${topicName(topic)}`;
        const subs = read<{ Subscriptions?: Subscription[] }>(ctx, 'sns', 'ListSubscriptionsByTopic', topicRegion, { TopicArn: topic });
        if (!subs.ok) {
          const owner = otherAccount(ctx, topic);
          if (owner) {
            const obtain = `the topic is in account ${owner}; obtain its confirmed subscriptions from that account (aws sns list-subscriptions-by-topic --topic-arn ${topic})`;
            return { kind: 'unjudged', resource: topic, region: topicRegion, detail: `${atTopic}: ${obtain}` };
          }
          if (subs.code === 'NotFound') return { kind: 'broken', depth: Depth.Subscription, resource: topic, region: topicRegion, detail: `${atTopic}: the topic does not exist` };
          return { kind: 'unknown', resource: topic, region: topicRegion, detail: `${atTopic}: cannot read its subscriptions — ${subs.why}` };
        }
        const all = subs.output.Subscriptions ?? [];
        const confirmed = all.filter((s) => s.SubscriptionArn?.startsWith('arn:'));
        if (confirmed.length === 0) {
          const pending = all.filter((s) => s.SubscriptionArn === 'PendingConfirmation').length;
          return {
            kind: 'broken',
            depth: Depth.Subscription,
            resource: topic,
            region: topicRegion,
            detail: `${atTopic}: no confirmed subscription${pending ? ` (${pending} pending confirmation)` : ''}, so the alarm reaches nobody`,
          };
        }
        const protocols = [...new Set(confirmed.map((s) => s.Protocol ?? 'unknown protocol'))].join(', ');
        return { kind: 'satisfied', ...where, detail: `${atTopic} → ${confirmed.length} confirmed subscription${confirmed.length > 1 ? 's' : ''} (${protocols})` };
      });
    });
  });
}

function judgeTrail(ctx: CheckContext, spec: MonitoringSpec, required: FilterNode[], assumed: Atom[], trail: Trail): Outcome {
  const atTrail = { resource: trail.TrailARN, region: trail.HomeRegion };
  const name = `trail ${trail.Name}`;
  if (trail.IsMultiRegionTrail !== true) {
    return { kind: 'broken', depth: Depth.Trail, ...atTrail, detail: `${name} records only its home region ${trail.HomeRegion}; a multi-region trail is needed` };
  }
  // Links that cannot be read decide only when no later link is proven broken.
  const unread: { why: string; elsewhere: boolean }[] = [];
  const status = attempt(() => trailStatus(ctx, trail));
  if (status instanceof MissingInput) unread.push({ why: `cannot tell whether it is logging — ${status.message}`, elsewhere: status instanceof HeldByOtherAccount });
  else if (status.IsLogging !== true) return { kind: 'broken', depth: Depth.Logging, ...atTrail, detail: `${name} is multi-region but not logging` };
  const selectors = attempt(() => trailEventSelectors(ctx, trail));
  const facts = ['multi-region', status instanceof MissingInput ? 'logging unknown' : 'logging'];
  if (selectors instanceof MissingInput) {
    unread.push({ why: `cannot read its event selectors — ${selectors.message}`, elsewhere: selectors instanceof HeldByOtherAccount });
    facts.push('event selectors unknown');
  } else {
    const mgmt = managementEventCoverage(selectors);
    const recorded = describeManagementCoverage(mgmt);
    if (!(mgmt.read && mgmt.write)) return { kind: 'broken', depth: Depth.Selectors, ...atTrail, detail: `${name} records ${recorded}, not all management events read and write` };
    if (spec.eventSource && mgmt.excludedSources.includes(spec.eventSource)) {
      return { kind: 'broken', depth: Depth.Selectors, ...atTrail, detail: `${name} leaves out ${spec.eventSource} management events, so ${spec.subject} never reach its logs` };
    }
    facts.push(recorded + (mgmt.excludedSources.length ? `, excluding ${mgmt.excludedSources.join(', ')}` : ''));
  }
  const unreadOutcome = (): Outcome | undefined => {
    if (unread.length === 0) return undefined;
    const kind = unread.some((u) => !u.elsewhere) ? 'unknown' : 'unjudged';
    return { kind, ...atTrail, detail: `${name}: ${unread.map((u) => u.why).join('; ')}` };
  };
  if (!trail.CloudWatchLogsLogGroupArn) {
    return { kind: 'broken', depth: Depth.LogDelivery, ...atTrail, detail: `${name} (${facts.join(', ')}) does not deliver its events to CloudWatch Logs` };
  }
  const group = parseLogGroupArn(trail.CloudWatchLogsLogGroupArn);
  if (!group) return { kind: 'unknown', ...atTrail, detail: `${name}: cannot read the log group ARN ${trail.CloudWatchLogsLogGroupArn}` };
  const atGroup = { resource: trail.CloudWatchLogsLogGroupArn.replace(/:\*$/, ''), region: group.region };
  const chain = `${name} (${facts.join(', ')}) → log group ${group.name} (${group.region})`;
  const groupOwner = otherAccount(ctx, trail.CloudWatchLogsLogGroupArn);
  if (groupOwner) {
    const held: Outcome = {
      kind: 'unjudged',
      ...atGroup,
      detail: `${chain}: log group ${group.name} is in account ${groupOwner}, not this one; obtain from that account its metric filters (aws logs describe-metric-filters --log-group-name ${group.name} --region ${group.region}), the CloudWatch alarms on their metrics and those alarms' confirmed SNS subscriptions`,
    };
    const unknown = unreadOutcome();
    return unknown?.kind === 'unknown' ? unknown : held;
  }
  const listed = read<{ metricFilters?: MetricFilter[] }>(ctx, 'logs', 'DescribeMetricFilters', group.region, { logGroupName: group.name });
  if (!listed.ok) {
    if (listed.code === 'ResourceNotFoundException') return { kind: 'broken', depth: Depth.LogDelivery, ...atGroup, detail: `${chain}: the log group does not exist` };
    return { kind: 'unknown', ...atGroup, detail: `${chain}: cannot list its metric filters — ${listed.why}` };
  }
  // Without its logGroupName member the call answers for every group of the region: only this group's filters count.
  const answered = listed.output.metricFilters ?? [];
  const filters = answered.filter((f) => f.logGroupName === undefined || f.logGroupName === group.name);
  const ignored = answered.length - filters.length;
  const ignoredNote = ignored > 0 ? `${ignored} filter${ignored > 1 ? 's' : ''} on other log groups ignored` : '';
  const judged = judgeFilters(filters, required, assumed);
  if (judged.matches.length === 0) {
    if (judged.unreadable.length > 0) {
      return unreadOutcome() ?? { kind: 'unjudged', ...atGroup, detail: `${chain}: no filter Assay can read catches ${spec.subject}; review by hand: ${judged.unreadable.join('; ')}` };
    }
    const missed = judged.closest?.missing ?? [];
    const shown = missed.slice(0, MISSED_SHOWN).map((m) => `{ ${m} }`).join(', ') + (missed.length > MISSED_SHOWN ? ` and ${missed.length - MISSED_SHOWN} more` : '');
    const closest = judged.closest
      ? `; the closest, '${judged.closest.name}', misses ${shown}${ignoredNote ? ` (${ignoredNote})` : ''}`
      : filters.length > 0
        ? ` (${filters.length} filter${filters.length > 1 ? 's' : ''}, none about this${ignoredNote ? `; ${ignoredNote}` : ''})`
        : ` (the log group has no metric filters${ignoredNote ? `; ${ignoredNote}` : ''})`;
    return { kind: 'broken', depth: Depth.Filter, ...atGroup, detail: `${chain}: no metric filter catches ${spec.subject}${closest}` };
  }
  const outcome = best(
    judged.matches.flatMap((match) =>
      judgeAlarms(ctx, `${chain} → metric filter '${match.filter.filterName}' (${match.label})`, group.region, match, `${atGroup.resource}:metric-filter/${match.filter.filterName}`),
    ),
  )!;
  return outcome.kind === 'broken' || outcome.kind === 'unknown' ? outcome : (unreadOutcome() ?? outcome);
}

/** Evaluates the chain for one recommendation of 5.1–5.15 against already parsed patterns. */
function evaluateChain(ctx: CheckContext, spec: MonitoringSpec, required: FilterNode[]): Finding[] {
  const assumed = spec.eventSource ? [equalsCondition('$.eventSource', spec.eventSource)] : [];
  const note = spec.context?.(ctx);
  const withNote = (detail: string) => (note ? `${detail}. ${note}` : detail);
  const inventory = listTrails(ctx);
  const { trails } = inventory;
  if (trails.length === 0) {
    const hidden = multiRegionTrailsMissing(inventory);
    if (hidden.length > 0) return hidden;
    return [{ resource: ctx.account, region: 'global', status: 'fail', detail: withNote(`${noTrailDetail(ctx, inventory)}, so no ${spec.subject} reach CloudWatch Logs`) }];
  }
  const outcomes = trails.map((trail) => judgeTrail(ctx, spec, required, assumed, trail));
  const toFinding = (o: Outcome, status: Finding['status']): Finding => ({ resource: o.resource, region: o.region, status, detail: withNote(o.detail) });
  const satisfied = outcomes.filter((o) => o.kind === 'satisfied');
  if (satisfied.length > 0) return satisfied.map((o) => toFinding(o, 'manual'));
  const unknown = outcomes.filter((o) => o.kind === 'unknown');
  const unjudged = outcomes.filter((o) => o.kind === 'unjudged');
  const allBroken = outcomes.filter((o) => o.kind === 'broken');
  // Once a multi-region trail is in play, single-region trails only add noise to the verdict.
  const broken = allBroken.some((o) => o.depth > Depth.Trail) ? allBroken.filter((o) => o.depth > Depth.Trail) : allBroken;
  // A broken chain proves nothing while another chain could still be complete.
  if (unknown.length > 0 || unjudged.length > 0) {
    return [...unknown.map((o) => toFinding(o, 'error')), ...unjudged.map((o) => toFinding(o, 'manual')), ...broken.map((o) => toFinding(o, 'manual'))];
  }
  return broken.map((o) => toFinding(o, 'fail'));
}

const CHAIN_READS: ApiRead[] = [
  ...TRAIL_READS,
  { service: 'logs', operation: 'DescribeMetricFilters', scope: 'regional', per: 'logGroupName' },
  { service: 'cloudwatch', operation: 'DescribeAlarms', scope: 'regional' },
  { service: 'sns', operation: 'ListSubscriptionsByTopic', scope: 'regional', per: 'TopicArn' },
];

function chainGuidance(spec: MonitoringSpec): Recommendation['guidance'] {
  const [pattern, ...alternatives] = spec.patterns;
  const alsoAccepted = alternatives.map((p) => `Also accepted: ${p}`);
  return {
    protects: spec.protects,
    verifyConsole: [
      'CloudTrail → Trails: find a trail that applies to all regions and shows Logging; in its details confirm management events are recorded for both read and write, and note the CloudWatch Logs log group it delivers to.',
      `CloudWatch → Log groups → that group → Metric filters: look for a filter whose pattern selects ${spec.subject}. Spacing, quotes and the order of alternatives do not matter; what it catches does.`,
      'Note the filter’s metric namespace and name, then in CloudWatch → All alarms find an alarm on that metric and open its Actions: it must notify an SNS topic, with actions enabled.',
      'SNS → Topics → that topic → Subscriptions: at least one must be Confirmed; Pending confirmation reaches nobody.',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails  (a trail with IsMultiRegionTrail true and a CloudWatchLogsLogGroupArn)',
      'aws cloudtrail get-trail-status --name <trail-arn>  (IsLogging must be true)',
      'aws cloudtrail get-event-selectors --trail-name <trail-arn>  (IncludeManagementEvents true with ReadWriteType All, or advanced selectors for all management events)',
      `aws logs describe-metric-filters --region <log-group-region> --log-group-name <log-group-name>  (a filterPattern with the meaning of: ${pattern})`,
      ...alsoAccepted,
      ...(spec.patternNote ? [spec.patternNote] : []),
      "aws cloudwatch describe-alarms --region <log-group-region> --query \"MetricAlarms[?MetricName=='<metric-name>']\"  (note the SNS ARNs in AlarmActions)",
      'aws sns list-subscriptions-by-topic --topic-arn <topic-arn>  (at least one SubscriptionArn must be a full ARN, not PendingConfirmation)',
    ],
    remediation: [
      'If no trail qualifies, make one multi-region trail log all management events and deliver to CloudWatch Logs: aws cloudtrail update-trail --name <trail> --is-multi-region-trail --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>',
      `aws logs put-metric-filter --log-group-name <log-group-name> --filter-name ${spec.metricName} --metric-transformations metricName=${spec.metricName},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '${pattern}'`,
      'aws sns create-topic --name <topic-name>, then aws sns subscribe --topic-arn <topic-arn> --protocol email --notification-endpoint <address>, and have the recipient confirm (one topic can serve every 5.x alarm).',
      `aws cloudwatch put-metric-alarm --alarm-name ${spec.metricName}-alarm --metric-name ${spec.metricName} --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <topic-arn>`,
    ],
  };
}

/** A 5.x recommendation built on the shared chain; its patterns are parsed now, so a typo fails at load. */
export function metricFilterAlarmCheck(spec: MonitoringSpec): Recommendation {
  const required = spec.patterns.map((p) => parseFilterPattern(p));
  return {
    id: spec.id,
    section: '5',
    title: spec.title,
    level: spec.level,
    assessment: 'manual',
    guidance: chainGuidance(spec),
    reads: [...CHAIN_READS, ...(spec.extraReads ?? [])],
    risk: spec.risk,
    evaluate: (ctx) => evaluateChain(ctx, spec, required),
  };
}
